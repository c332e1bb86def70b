using Ensa.Requests;
using Ensa.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ensa.Web.Pages.Resources;

/// <summary>The shared catalogue of learning resources: anyone signed in searches it; staff see what their own
/// organizer decided about each resource.</summary>
public sealed class IndexModel(Catalogue catalogue) : PageModel
{
    /// <summary>The status filter: a decision here, or not decided here.</summary>
    public enum StatusFilter { Approved, ApprovedWithConditions, NotApproved, NotDecided }

    public const int PageSize = 50;

    public string? Q { get; private set; }
    public ResourceType? Type { get; private set; }
    public StatusFilter? Status { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<CatalogueItem> Rows { get; private set; } = [];
    /// <summary>A supplier user or platform admin acts for no organizer: no "status here".</summary>
    public bool HasOrganizer => User.OrganizerId() is not null;
    public bool CanEdit => Catalogue.CanEdit(User);

    public async Task OnGetAsync(string? q, ResourceType? type, StatusFilter? status)
    {
        (Q, Type, Status) = (string.IsNullOrWhiteSpace(q) ? null : q.Trim(), type, HasOrganizer ? status : null);
        var items = await catalogue.DescribeAsync(await catalogue.SearchAsync(Q, Type));
        var matching = items.Where(i => Status switch
        {
            null => true,
            StatusFilter.NotDecided => i.Decision is null,
            var s => i.Decision is { } d && d.ToString() == s.ToString(),
        }).ToList();
        Total = matching.Count;
        Rows = matching.Take(PageSize).ToList();
    }

    public static string StatusKey(Decision? decision) => decision is { } d ? "Decision." + d : "Request.NotReviewedHere";
}
