using Ensa.Agreements;
using Ensa.Data;
using Ensa.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages;

/// <summary>The central department's queue at a glance on the start page: four small charts, each drawn from a table
/// with the same numbers (the table is what screen readers and a page without JavaScript get). Every figure is a count
/// done by the database over an index, so it stays fast at the largest organizer.</summary>
public sealed class QueueOverviewViewComponent(EnsaDbContext db, TimeProvider clock) : ViewComponent
{
    /// <summary>One bar: a label's resource key (and argument) and its count.</summary>
    public sealed record Bar(string Key, int Count, object? Argument = null);

    public sealed record Chart(string Id, string TitleKey, string Link, IReadOnlyList<Bar> Bars);

    /// <summary>The states an agreement passes through on its way into force, and in force; ended ones are history.</summary>
    private static readonly AgreementStatus[] OpenStates =
    [
        AgreementStatus.Draft, AgreementStatus.SentToSupplier, AgreementStatus.SupplierCompleted, AgreementStatus.UnderReview,
        AgreementStatus.ReadyToSign, AgreementStatus.Signed, AgreementStatus.InForce,
    ];

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = SwedishCalendar.Today(clock);

        // The query filter limits every count to the current organizer.
        var (week, fortnight, month) = (now.AddDays(-7), now.AddDays(-14), now.AddDays(-30));
        var queue = await db.ResourceRequests
            .Where(r => r.Status == RequestStatus.InReview || r.Status == RequestStatus.AwaitingAgreement)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Week = g.Count(r => r.ReviewQueuedAt >= week),
                Fortnight = g.Count(r => r.ReviewQueuedAt < week && r.ReviewQueuedAt >= fortnight),
                Month = g.Count(r => r.ReviewQueuedAt < fortnight && r.ReviewQueuedAt >= month),
                Older = g.Count(r => r.ReviewQueuedAt < month),
            })
            .SingleOrDefaultAsync();

        var states = await db.Agreements.Where(a => OpenStates.Contains(a.Status))
            .GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count);

        var (in30, in60, in90) = (today.AddDays(30), today.AddDays(60), today.AddDays(90));
        var ending = await db.Agreements
            .Where(a => a.Status == AgreementStatus.InForce && a.EndDate >= today && a.EndDate <= in90)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Soon = g.Count(a => a.EndDate <= in30),
                Later = g.Count(a => a.EndDate > in30 && a.EndDate <= in60),
                Last = g.Count(a => a.EndDate > in60),
            })
            .SingleOrDefaultAsync();

        var nextWeek = today.AddDays(7);
        var rights = await db.RightsRequests.Where(r => r.ClosedAt == null)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Overdue = g.Count(r => r.Deadline < today),
                ThisWeek = g.Count(r => r.Deadline >= today && r.Deadline <= nextWeek),
                Later = g.Count(r => r.Deadline > nextWeek),
            })
            .SingleOrDefaultAsync();

        IReadOnlyList<Chart> charts =
        [
            new("chart-queue-age", "Overview.QueueByAge", "/Review",
            [
                new("Overview.Days0To7", queue?.Week ?? 0), new("Overview.Days8To14", queue?.Fortnight ?? 0),
                new("Overview.Days15To30", queue?.Month ?? 0), new("Overview.DaysOver30", queue?.Older ?? 0),
            ]),
            new("chart-agreement-states", "Overview.AgreementsByState", "/Agreements",
                OpenStates.Select(s => new Bar("AgreementStatus." + s, states.GetValueOrDefault(s))).ToList()),
            new("chart-agreements-ending", "Overview.AgreementsEnding", "/Agreements",
            [
                new("Overview.Days0To30", ending?.Soon ?? 0), new("Overview.Days31To60", ending?.Later ?? 0),
                new("Overview.Days61To90", ending?.Last ?? 0),
            ]),
            new("chart-rights-due", "Overview.RightsDue", "/Privacy",
            [
                new("Overview.Overdue", rights?.Overdue ?? 0), new("Overview.DueThisWeek", rights?.ThisWeek ?? 0),
                new("Overview.DueLater", rights?.Later ?? 0),
            ]),
        ];
        return View(charts);
    }
}
