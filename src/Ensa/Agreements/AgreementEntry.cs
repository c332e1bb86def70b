using Ensa.Common;
using Ensa.Data;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Agreements;

/// <summary>An agreement comes into force, and every request of its organizer that waited for it for the resource gets
/// the decision its reviewer held (with its conditions). The caller saves; the request events added here tell the
/// requesters and principals (RequestNotifications in the web app).</summary>
public static class AgreementEntry
{
    public static async Task<Result> PutInForceAsync(EnsaDbContext db, Actor actor, Agreement agreement, DateOnly? from,
        DateOnly? reviewDate, DateOnly? endDate, DateTime now, CancellationToken cancellationToken = default)
    {
        var result = agreement.PutInForce(actor, from, reviewDate, endDate, now);
        if (!result.Succeeded) return result;
        await ApplyHeldDecisionsAsync(db, agreement, now, cancellationToken);
        return Result.Ok;
    }

    /// <summary>After <paramref name="agreement"/> came into force by any step (put in force, or signed on a standing
    /// offer): the requests that waited for it get their held decisions.</summary>
    public static async Task ApplyHeldDecisionsAsync(EnsaDbContext db, Agreement agreement, DateTime now, CancellationToken cancellationToken = default)
    {
        var waiting = await db.ResourceRequests
            .Where(r => r.OrganizerId == agreement.OrganizerId && r.ResourceId == agreement.ResourceId && r.Status == RequestStatus.AwaitingAgreement)
            .ToListAsync(cancellationToken);
        var ids = waiting.Select(r => r.Id).ToList();
        var reviews = (await db.ResourceReviews.Where(v => ids.Contains(v.RequestId)).ToListAsync(cancellationToken))
            .GroupBy(v => v.RequestId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.CreatedAt)!);
        foreach (var request in waiting)
        {
            // One without a held decision (waiting from before decisions were kept) stays for its reviewer.
            if (reviews.TryGetValue(request.Id, out var review) && review.PendingDecision is not null)
                request.ApplyPendingDecision(review, now);
        }
    }
}
