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
    /// <summary>How many entries a page shows: a national organizer's list has thousands, and a page of them all is slow to
    /// send and to read. JSON and CSV still give every match.</summary>
    public const int PageSize = 50;

    /// <summary>All matches (their number is shown); the page shows <see cref="PageEntries"/>.</summary>
    public IReadOnlyList<PublicEntry> Entries { get; private set; } = [];
    public IReadOnlyList<PublicEntry> PageEntries { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Entries.Count + PageSize - 1) / PageSize);
    public bool Filtered => Search is { Text: not null } or { Subject: not null } or { Grade: not null } or { Platform: not null } or { Status: not null };
    /// <summary>This list's own address, for the JSON and CSV links with the same search.</summary>
    public string Base => $"/public/{Organizer.Slug}/resources";

    public async Task<IActionResult> OnGetAsync(string organizer, string list, string? q, string? subject, string? grade, string? platform, Decision? status,
        int page = 1)
    {
        if (await publicList.OrganizerAsync(organizer) is not { } found) return NotFound();
        if (!found.IsActive) return StatusCode(StatusCodes.Status410Gone);
        Organizer = found;
        Apps = list == "apps";
        Settings = await publicList.SettingsAsync(found.Id);
        Search = PublicSearch.From(q, subject, grade, platform, status, Apps);
        Entries = await publicList.SearchAsync(found.Id, Search);
        PageNumber = Math.Clamp(page, 1, PageCount);
        PageEntries = Entries.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }

    /// <summary>This list with the same search, at another page.</summary>
    public string PageUrl(int number)
    {
        var query = Request.Query.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("page", number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Request.Path, query);
    }
}
