using Ensa.Agreements;
using Ensa.Common;
using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Requests;

/// <summary>The organizer's decision on a resource: what its approved list, register and record of processing show.
/// Each full review's decision is a new one; it supersedes the one before, which stays as history. A unit's request for
/// a resource the current decision approves needs no new review (<see cref="ResourceRequest.ApplyStandingDecision"/>).</summary>
public sealed class ResourceDecision : IOrganizerOwned, IAudited
{
    private ResourceDecision() { }

    internal ResourceDecision(ResourceReview review, Guid resourceId)
    {
        Id = Guid.NewGuid();
        OrganizerId = review.OrganizerId;
        ResourceId = resourceId;
        ReviewId = review.Id;
        RequestId = review.RequestId;
        Decision = review.Decision!.Value;
        Conditions = review.Conditions;
        Reason = review.Reason;
        AgreementNeed = review.AgreementNeed;
        DecidedById = review.DecidedById!.Value;
        DecidedByName = review.DecidedByName ?? "";
        DecidedAt = review.DecidedAt!.Value;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid ResourceId { get; private set; }
    /// <summary>The review the decision rests on, and the request it was made on.</summary>
    public Guid ReviewId { get; private set; }
    public Guid RequestId { get; private set; }
    public Decision Decision { get; private set; }
    public string? Conditions { get; private set; }
    public string? Reason { get; private set; }
    public AgreementNeed AgreementNeed { get; private set; }
    public Guid DecidedById { get; private set; }
    public string DecidedByName { get; private set; } = "";
    public DateTime DecidedAt { get; private set; }
    /// <summary>When a later decision took its place; null for the current one.</summary>
    public DateTime? SupersededAt { get; private set; }

    public bool Approves => Decision is Decision.Approved or Decision.ApprovedWithConditions;

    /// <summary>The current decision of <paramref name="organizerId"/> on <paramref name="resourceId"/>, if any.</summary>
    public static Task<ResourceDecision?> CurrentAsync(EnsaDbContext db, Guid organizerId, Guid resourceId,
        CancellationToken cancellationToken = default) =>
        db.ResourceDecisions.IgnoreQueryFilters()
            .SingleOrDefaultAsync(d => d.OrganizerId == organizerId && d.ResourceId == resourceId && d.SupersededAt == null, cancellationToken);

    /// <summary>Whether <paramref name="current"/> approves the resource for a unit's request without a new review: an
    /// approval, and an agreement in force where one was needed.</summary>
    public static async Task<bool> StandsAsync(EnsaDbContext db, ResourceDecision? current, CancellationToken cancellationToken = default) =>
        current is { Approves: true }
        && (current.AgreementNeed != AgreementNeed.Needed
            || await db.Agreements.IgnoreQueryFilters().AnyAsync(a => a.OrganizerId == current.OrganizerId && a.ResourceId == current.ResourceId
                && a.Status == AgreementStatus.InForce, cancellationToken));

    /// <summary>The current decision of <paramref name="organizerId"/> on <paramref name="resourceId"/>, if it
    /// <see cref="StandsAsync">stands</see> for a unit's request.</summary>
    public static async Task<ResourceDecision?> StandingApprovalAsync(EnsaDbContext db, Guid organizerId, Guid? resourceId,
        CancellationToken cancellationToken = default)
    {
        if (resourceId is not { } id) return null;
        var current = await CurrentAsync(db, organizerId, id, cancellationToken);
        return await StandsAsync(db, current, cancellationToken) ? current : null;
    }

    /// <summary>Before a save: each new decision supersedes the current one for its organizer and resource (the unique
    /// index on current decisions refuses a second current one made at the same time elsewhere).</summary>
    internal static async Task SupersedePreviousAsync(EnsaDbContext db, CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<ResourceDecision>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .OrderBy(d => d.DecidedAt).ToList();
        foreach (var group in added.GroupBy(d => (d.OrganizerId, d.ResourceId)))
        {
            var (organizerId, resourceId) = group.Key;
            var newest = group.Last();
            var previous = await db.ResourceDecisions.IgnoreQueryFilters()
                .Where(d => d.OrganizerId == organizerId && d.ResourceId == resourceId && d.SupersededAt == null).ToListAsync(cancellationToken);
            foreach (var old in previous.Where(d => d.Id != newest.Id)) old.SupersededAt = newest.DecidedAt;
            foreach (var (older, next) in group.Zip(group.Skip(1))) older.SupersededAt = next.DecidedAt;
        }
    }
}
