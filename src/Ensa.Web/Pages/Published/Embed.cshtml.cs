using Ensa.Organizers;
using Ensa.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ensa.Web.Pages.Published;

/// <summary>The public list as a bare page for an organizer's own web site to show in an iframe (the one page any site
/// may frame). Links open the full public page outside the frame.</summary>
public sealed class EmbedModel(PublicList publicList) : PageModel
{
    public Organizer Organizer { get; private set; } = null!;
    public bool Apps { get; private set; }
    public IReadOnlyList<PublicEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string organizer, bool apps)
    {
        if (await publicList.OrganizerAsync(organizer) is not { } found) return NotFound();
        if (!found.IsActive) return StatusCode(StatusCodes.Status410Gone);
        (Organizer, Apps) = (found, apps);
        Entries = await publicList.SearchAsync(found.Id, new PublicSearch(AppsOnly: apps));
        SecurityHeaders.AllowFramingByAnySite(Response);
        return Page();
    }
}
