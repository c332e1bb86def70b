using Ensa.Audit;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Admin;

/// <summary>The organizer's audit log, newest first (the query filter keeps it to this organizer).</summary>
public sealed class AuditModel(EnsaDbContext db) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int PageNumber { get; private set; }
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(int page = 1)
    {
        PageNumber = Math.Max(1, page);
        var rows = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.At).ThenBy(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
    }
}
