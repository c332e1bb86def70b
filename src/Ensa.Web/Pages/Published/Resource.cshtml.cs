using Ensa.Organizers;
using Ensa.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ensa.Web.Pages.Published;

/// <summary>One resource on an organizer's public list: only what the organizer publishes. A resource that is not on
/// the list (never decided, not approved and not shown, or another organizer's) answers 404.</summary>
public sealed class ResourceModel(PublicList publicList) : PageModel
{
    public Organizer Organizer { get; private set; } = null!;
    public PublicEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string organizer, Guid resource)
    {
        if (await publicList.OrganizerAsync(organizer) is not { } found) return NotFound();
        if (!found.IsActive) return StatusCode(StatusCodes.Status410Gone);
        if (await publicList.FindAsync(found.Id, resource) is not { } entry) return NotFound();
        (Organizer, Entry) = (found, entry);
        return Page();
    }
}
