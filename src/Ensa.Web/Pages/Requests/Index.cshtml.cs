using Ensa.Data;
using Ensa.Requests;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Requests;

/// <summary>The user's own requests and, for a principal, the requests waiting for their approval.</summary>
public sealed class IndexModel(EnsaDbContext db, RequestAccess access) : PageModel
{
    public sealed record Row(Guid Id, string Resource, string Unit, RequestStatus Status, DateTime At, string? Requester);

    public IReadOnlyList<Row> Mine { get; private set; } = [];
    public IReadOnlyList<Row> Waiting { get; private set; } = [];
    public bool IsPrincipal { get; private set; }

    public async Task OnGetAsync()
    {
        var actor = await access.ActorAsync();
        IsPrincipal = actor.PrincipalOfUnits.Count > 0;
        // The query filter keeps requests to the current organizer.
        Mine = await Rows(db.ResourceRequests.Where(r => r.RequesterId == actor.UserId).OrderByDescending(r => r.UpdatedAt), withRequester: false);
        if (IsPrincipal)
        {
            var units = actor.PrincipalOfUnits.ToList();
            Waiting = await Rows(db.ResourceRequests
                .Where(r => r.Status == RequestStatus.AwaitingPrincipal && units.Contains(r.SchoolUnitId))
                .OrderBy(r => r.SubmittedAt), withRequester: true);
        }
    }

    private async Task<IReadOnlyList<Row>> Rows(IQueryable<ResourceRequest> query, bool withRequester) =>
        (await query.Select(r => new
        {
            r.Id, r.Status, r.UpdatedAt, r.SubmittedAt,
            Resource = db.LearningResources.Where(x => x.Id == r.ResourceId).Select(x => x.Name).FirstOrDefault() ?? r.ProposedName,
            Unit = db.OrganisationUnits.Where(u => u.Id == r.SchoolUnitId).Select(u => u.Name).FirstOrDefault(),
            Requester = db.Users.Where(u => u.Id == r.RequesterId).Select(u => u.DisplayName).FirstOrDefault(),
        })
            .ToListAsync())
        .Select(r => new Row(r.Id, r.Resource ?? "", r.Unit ?? "", r.Status, withRequester ? r.SubmittedAt ?? r.UpdatedAt : r.UpdatedAt,
            withRequester ? r.Requester : null))
        .ToList();
}
