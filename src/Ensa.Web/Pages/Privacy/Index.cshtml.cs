using Ensa.Data;
using Ensa.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Privacy;

/// <summary>The central department's rights requests: open ones first (oldest deadline first) with progress and overdue
/// marks, then closed ones.</summary>
public sealed class IndexModel(EnsaDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, RightsKind Kind, string Reference, DateOnly Deadline, DateTime? ClosedAt, int Tasks, int Answered, bool Overdue);

    public IReadOnlyList<Row> Open { get; private set; } = [];
    public IReadOnlyList<Row> Closed { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = SwedishCalendar.Today(clock);
        var rows = (await db.RightsRequests.AsNoTracking()
                .Select(r => new { r.Id, r.Kind, r.CaseReference, r.Deadline, r.ClosedAt, Tasks = r.Tasks.Count, Answered = r.Tasks.Count(t => t.Status != RightsTaskStatus.Open) })
                .ToListAsync())
            .Select(r => new Row(r.Id, r.Kind, r.CaseReference, r.Deadline, r.ClosedAt, r.Tasks, r.Answered, r.ClosedAt is null && today > r.Deadline))
            .ToList();
        Open = rows.Where(r => r.ClosedAt is null).OrderBy(r => r.Deadline).ToList();
        Closed = rows.Where(r => r.ClosedAt is not null).OrderByDescending(r => r.ClosedAt).ToList();
    }
}
