using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Agreements;

/// <summary>An objection to a description version, as others see it: the reason only where its organizer shared it.</summary>
public sealed record SharedObjection(string Organizer, DateTime At, string Reason);

/// <summary>A review an organizer chose to share: its name and dates, never its reviewer's.</summary>
public sealed record SharedReview(string Organizer, DateTime At, string? ReviewNotes, string? SecurityNotes);

/// <summary>How organizers have assessed one version of a supplier's description: how many signed it (signed or in
/// force on it), are reviewing it (an agreement in progress on it) or objected to it (as a pending version), and the
/// texts their organizers chose to share.</summary>
public sealed record VersionAssessment(Guid DescriptionId, int Version, int SignedBy, int ReviewingBy, int ObjectedBy,
    IReadOnlyList<SharedObjection> Objections, IReadOnlyList<SharedReview> Reviews)
{
    /// <summary>Objections whose reason was not shared: counted, not named.</summary>
    public int UnsharedObjections => ObjectedBy - Objections.Select(o => o.Organizer).Distinct().Count();
}

/// <summary>What a page shows: the versions' assessments, and those the user is about to commit to (approve for signing,
/// sign, accept) although another organizer objected to them, to be warned of first.</summary>
public sealed record AssessmentsView(IReadOnlyList<VersionAssessment> Versions, IReadOnlyList<VersionAssessment> Warnings, bool ForSupplier);

/// <summary>The one place that reads agreements across organizers for assessments. It passes the tenant filter on purpose
/// and gives out only counts (of distinct organizers), organizer names with reasons shared on objections, and reviews
/// shared by their organizer: never an unshared note, a reviewer's name or another organizer's agreement.</summary>
public sealed class VersionAssessments(EnsaDbContext db)
{
    private static readonly AgreementStatus[] SignedStatuses = [AgreementStatus.Signed, AgreementStatus.InForce];
    private static readonly AgreementStatus[] InProgress =
    [
        AgreementStatus.Draft, AgreementStatus.SentToSupplier, AgreementStatus.SupplierCompleted, AgreementStatus.UnderReview,
        AgreementStatus.ReadyToSign,
    ];

    /// <summary>The steps before which another organizer's objection to the version must be seen first.</summary>
    private static readonly AgreementStep[] CommittingToCurrent = [AgreementStep.ApproveForSigning, AgreementStep.RecordSigning, AgreementStep.SignInEnsa];

    /// <summary>For the agreement page: other organizers' assessments of the agreement's version and its pending one.</summary>
    public async Task<AssessmentsView> ForAgreementAsync(Agreement agreement, IReadOnlySet<AgreementStep> allowed)
    {
        var ids = new[] { agreement.DescriptionId, agreement.PendingDescriptionId }.OfType<Guid>().ToList();
        var found = await AssessAsync(ids, except: agreement.OrganizerId, withReviews: true);
        var current = agreement.DescriptionId is { } c ? found.GetValueOrDefault(c) : null;
        var pending = agreement.PendingDescriptionId is { } p ? found.GetValueOrDefault(p) : null;
        var warnings = new List<VersionAssessment>();
        if (current is { ObjectedBy: > 0 } && CommittingToCurrent.Any(allowed.Contains)) warnings.Add(current);
        if (pending is { ObjectedBy: > 0 } && allowed.Contains(AgreementStep.AcceptVersionChange)) warnings.Add(pending);
        return new AssessmentsView(new[] { pending, current }.OfType<VersionAssessment>().ToList(), warnings, ForSupplier: false);
    }

    /// <summary>For the supplier's portal: every published version of its description of the resource, newest first, with
    /// counts over all organizers and the objections' reasons shared with it (reviews are shared with organizers only).</summary>
    public async Task<AssessmentsView> ForSupplierAsync(Guid supplierId, Guid resourceId)
    {
        var ids = await db.SupplierDescriptions.Where(d => d.SupplierId == supplierId && d.ResourceId == resourceId && d.PublishedAt != null)
            .Select(d => d.Id).ToListAsync();
        var found = await AssessAsync(ids, except: null, withReviews: false);
        return new AssessmentsView(found.Values.OrderByDescending(v => v.Version).ToList(), [], ForSupplier: true);
    }

    private async Task<Dictionary<Guid, VersionAssessment>> AssessAsync(List<Guid> ids, Guid? except, bool withReviews)
    {
        if (ids.Count == 0) return [];
        var versions = await db.SupplierDescriptions.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Version }).ToListAsync();
        // Across organizers on purpose; only the columns the aggregates and the shared texts need leave the database.
        var others = db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => except == null || a.OrganizerId != except);
        var on = await others.Where(a => a.DescriptionId != null && ids.Contains(a.DescriptionId.Value))
            .Select(a => new
            {
                DescriptionId = a.DescriptionId!.Value, a.OrganizerId, a.Status, a.ReviewShared, a.ReviewedAt, a.SecurityReviewedAt,
                ReviewNotes = a.ReviewShared ? a.ReviewNotes : null, SecurityNotes = a.ReviewShared ? a.SecurityNotes : null,
            })
            .ToListAsync();
        var objected = await others.Where(a => a.PendingDescriptionId != null && ids.Contains(a.PendingDescriptionId.Value) && a.ObjectedAt != null)
            .Select(a => new
            {
                DescriptionId = a.PendingDescriptionId!.Value, a.OrganizerId, At = a.ObjectedAt!.Value,
                Reason = a.ObjectionReasonShared ? a.ObjectionReason : null,
            })
            .ToListAsync();
        var named = on.Where(a => withReviews && a.ReviewShared).Select(a => a.OrganizerId)
            .Concat(objected.Where(o => o.Reason != null).Select(o => o.OrganizerId)).Distinct().ToList();
        var names = await db.Organizers.AsNoTracking().Where(o => named.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);

        return versions.ToDictionary(v => v.Id, v =>
        {
            var here = on.Where(a => a.DescriptionId == v.Id).ToList();
            var objections = objected.Where(o => o.DescriptionId == v.Id).ToList();
            var reviews = withReviews
                ? here.Where(a => a.ReviewShared && (a.ReviewedAt != null || a.SecurityReviewedAt != null))
                    .Select(a => new SharedReview(names[a.OrganizerId], new[] { a.ReviewedAt, a.SecurityReviewedAt }.Max()!.Value, a.ReviewNotes, a.SecurityNotes))
                    .OrderByDescending(r => r.At).ToList()
                : [];
            return new VersionAssessment(v.Id, v.Version,
                here.Where(a => SignedStatuses.Contains(a.Status)).Select(a => a.OrganizerId).Distinct().Count(),
                here.Where(a => InProgress.Contains(a.Status)).Select(a => a.OrganizerId).Distinct().Count(),
                objections.Select(o => o.OrganizerId).Distinct().Count(),
                objections.Where(o => o.Reason != null).Select(o => new SharedObjection(names[o.OrganizerId], o.At, o.Reason!))
                    .OrderByDescending(o => o.At).ToList(),
                reviews);
        });
    }
}
