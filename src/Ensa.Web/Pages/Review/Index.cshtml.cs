using Ensa.Data;
using Ensa.Organizers;
using Ensa.Requests;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Review;

/// <summary>The central department's queue (step 2): requests waiting for review, oldest first, with their age.</summary>
public sealed class IndexModel(EnsaDbContext db, TimeProvider clock) : PageModel
{
    public static readonly RequestStatus[] OpenStatuses = [RequestStatus.InReview, RequestStatus.AwaitingAgreement];

    public sealed record Row(Guid Id, string Resource, string Unit, RequestStatus Status, DateTime QueuedAt, int AgeDays);

    public RequestStatus? Status { get; private set; }
    public Guid? Unit { get; private set; }
    public string? Q { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public async Task OnGetAsync(RequestStatus? status, Guid? unit, string? q)
    {
        (Status, Unit, Q) = (status, unit, q?.Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.ResourceRequests.Where(r => OpenStatuses.Contains(r.Status));
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (unit is { } u) query = query.Where(r => r.SchoolUnitId == u);
        var rows = await query
            .OrderBy(r => r.ReviewQueuedAt)
            .Select(r => new
            {
                r.Id, r.Status, r.ReviewQueuedAt,
                Resource = db.LearningResources.Where(x => x.Id == r.ResourceId).Select(x => x.Name).FirstOrDefault() ?? r.ProposedName ?? "",
                Unit = db.OrganisationUnits.Where(x => x.Id == r.SchoolUnitId).Select(x => x.Name).First(),
            })
            .ToListAsync();
        Rows = rows
            .Where(r => string.IsNullOrEmpty(Q) || r.Resource.Contains(Q, StringComparison.CurrentCultureIgnoreCase) || r.Unit.Contains(Q, StringComparison.CurrentCultureIgnoreCase))
            .Select(r => new Row(r.Id, r.Resource, r.Unit, r.Status, r.ReviewQueuedAt ?? now, (int)(now - (r.ReviewQueuedAt ?? now)).TotalDays))
            .ToList();
        Units = (await db.OrganisationUnits.Where(x => x.Kind == UnitKind.SchoolUnit).Select(x => new { x.Id, x.Name }).ToListAsync())
            .OrderBy(x => x.Name, SwedishCalendar.Comparer).Select(x => (x.Id, x.Name)).ToList();
    }
}
