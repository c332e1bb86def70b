using Ensa.Organizers;
using Ensa.Publishing;
using Ensa.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ensa.Web.Pages.Published;

/// <summary>An organizer's public list of approved learning resources ("Godkända lärresurser"), or only its apps
/// ("Skolans appar"): no sign-in, searchable, linkable from the organizer's own web site.</summary>
public sealed class ResourcesModel(PublicList publicList) : PageModel
{
    public Organizer Organizer { get; private set; } = null!;
    public PublicListSettings Settings { get; private set; } = null!;
    public bool Apps { get; private set; }
    public PublicSearch Search { get; private set; } = new();
    public IReadOnlyList<PublicEntry> Entries { get; private set; } = [];
    public bool Filtered => Search is { Text: not null } or { Subject: not null } or { Grade: not null } or { Platform: not null } or { Status: not null };
    /// <summary>This list's own address, for the JSON and CSV links with the same search.</summary>
    public string Base => $"/public/{Organizer.Slug}/resources";

    public async Task<IActionResult> OnGetAsync(string organizer, string list, string? q, string? subject, string? grade, string? platform, Decision? status)
    {
        if (await publicList.OrganizerAsync(organizer) is not { } found) return NotFound();
        Organizer = found;
        Apps = list == "apps";
        Settings = await publicList.SettingsAsync(found.Id);
        Search = PublicSearch.From(q, subject, grade, platform, status, Apps);
        Entries = await publicList.SearchAsync(found.Id, Search);
        return Page();
    }
}
