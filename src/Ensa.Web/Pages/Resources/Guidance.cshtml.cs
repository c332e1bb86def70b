using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Resources;

/// <summary>The central department writes how to start using a resource and its usage guidelines, for its own
/// organizer; the public list shows them.</summary>
[Authorize(Policy = Policies.CentralReviewer)]
public sealed class GuidanceModel(EnsaDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [StringLength(ResourceGuidance.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Guidance.HowToStart")]
        public string? HowToStart { get; set; }

        [StringLength(ResourceGuidance.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Guidance.Guidelines")]
        public string? Guidelines { get; set; }

        [StringLength(ResourceGuidance.LinksMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Guidance.Links")]
        public string? Links { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid ResourceId { get; private set; }
    public string ResourceName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is not { } guidance) return NotFound();
        Input = new InputModel { HowToStart = guidance.HowToStart, Guidelines = guidance.Guidelines, Links = guidance.Links };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is not { } guidance) return NotFound();
        var links = Common.TextLines.Of(Input.Links);
        if (links.Any(link => !Format.IsWebAddress(link)))
            ModelState.AddModelError("Input.Links", l["Resources.AppStoreLinksInvalid"].Value);
        if (!ModelState.IsValid) return Page();
        guidance.Change(Input.HowToStart, Input.Guidelines, links);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Guidance.Saved"].Value;
        return RedirectToPage("/Resources/Details", new { id });
    }

    /// <summary>This organizer's guidance for the resource (new and tracked if there is none), or null for no such resource.</summary>
    private async Task<ResourceGuidance?> LoadAsync(Guid id)
    {
        var name = await db.LearningResources.Where(r => r.Id == id).Select(r => r.Name).SingleOrDefaultAsync();
        if (name is null) return null;
        (ResourceId, ResourceName) = (id, name);
        // The query filter keeps guidance to the current organizer.
        var guidance = await db.ResourceGuidance.SingleOrDefaultAsync(g => g.ResourceId == id);
        if (guidance is null)
        {
            guidance = new ResourceGuidance(User.OrganizerId()!.Value, id);
            db.ResourceGuidance.Add(guidance);
        }
        return guidance;
    }
}
