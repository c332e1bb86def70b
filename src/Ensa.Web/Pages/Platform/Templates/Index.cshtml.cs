using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Platform.Templates;

/// <summary>The versions of the main agreement text, newest first; a platform admin publishes a new one.</summary>
public sealed class IndexModel(EnsaDbContext db) : PageModel
{
    public IReadOnlyList<AgreementTemplate> Versions { get; private set; } = [];
    /// <summary>How many agreements rest on each version.</summary>
    public IReadOnlyDictionary<int, int> Agreements { get; private set; } = new Dictionary<int, int>();

    public async Task OnGetAsync()
    {
        Versions = await db.AgreementTemplates.AsNoTracking().OrderByDescending(t => t.Version).ToListAsync();
        // Every organizer's agreements count here: the platform admin has no tenant, and only numbers are shown.
        Agreements = (await db.Agreements.IgnoreQueryFilters().GroupBy(a => a.TemplateVersion).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(g => g.Key, g => g.Count);
    }
}
