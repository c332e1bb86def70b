using Ensa.Agreements;
using Ensa.Common;
using Ensa.Data;
using Ensa.Privacy;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tasks;

/// <summary>A step that waits on someone. <see cref="WaitingTask.Id"/> is the request's, agreement's, rights case's,
/// (for <see cref="SupplierDescription"/>) resource's or (for <see cref="SupplierOnboarding"/>) supplier's id.</summary>
public enum TaskKind
{
    PrincipalApproval, Review, SecurityPart, Decision, NameResponsibles, ConfirmTraining,
    AgreementStartReview, AgreementReview, AgreementSecurityReview, AgreementApproval, AgreementSigning, AgreementInForce, VersionChange, RightsTask, SupplierDescription,
    /// <summary>A platform admin's: organizers wait on a supplier nobody acts for in Ensa, and nobody has been invited
    /// for it (or the invitation expired).</summary>
    SupplierOnboarding,
}

public sealed class WaitingTask
{
    public TaskKind Kind { get; init; }
    public Guid Id { get; init; }
    /// <summary>The resource (or proposed name, or for a platform admin the supplier) it is about.</summary>
    public string About { get; init; } = "";
    /// <summary>The school unit, or for a supplier the organizer.</summary>
    public string? Where { get; init; }
    public DateTime Since { get; init; }
}

/// <summary>Every open step that waits on one person at the current organizer (the query filter), on a supplier's
/// user, or on a platform admin: the inbox and the start page's count. Mirrors the step checks of <see cref="ResourceRequest"/>,
/// <see cref="Agreement"/> and <see cref="RightsRequest"/>; each kind is one indexed query, counted in SQL, listed oldest
/// first up to <see cref="Cap"/>.</summary>
public sealed class TaskList(EnsaDbContext db)
{
    public const int Cap = 200;

    public async Task<int> CountAsync(Actor actor, string? email)
    {
        var total = 0;
        foreach (var query in Queries(actor, email)) total += await query.CountAsync();
        return total;
    }

    public async Task<IReadOnlyList<WaitingTask>> ListAsync(Actor actor, string? email)
    {
        var all = new List<WaitingTask>();
        foreach (var query in Queries(actor, email)) all.AddRange(await query.OrderBy(t => t.Since).Take(Cap).ToListAsync());
        return all.OrderBy(t => t.Since).Take(Cap).ToList();
    }

    private IEnumerable<IQueryable<WaitingTask>> Queries(Actor actor, string? email)
    {
        if (actor.SupplierId is { } supplierId)
        {
            // Supplier users act across organizers, only for their own supplier.
            yield return db.Agreements.IgnoreQueryFilters()
                .Where(a => a.SupplierId == supplierId).Where(Agreement.WaitsForDescription(db.SupplierDescriptions))
                .Select(a => new WaitingTask
                {
                    Kind = TaskKind.SupplierDescription, Id = a.ResourceId, Since = a.UpdatedAt,
                    About = db.LearningResources.Where(r => r.Id == a.ResourceId).Select(r => r.Name).First(),
                    Where = db.Organizers.Where(o => o.Id == a.OrganizerId).Select(o => o.Name).First(),
                });
            yield break;
        }
        if (actor.IsPlatformAdmin)
        {
            // Across organizers: a supplier that organizers wait on, with no people in Ensa and no invitation still open.
            var now = db.Clock.GetUtcNow().UtcDateTime;
            yield return db.Suppliers
                .Where(s => !db.Users.Any(u => u.SupplierId == s.Id)
                            && !db.SupplierInvitations.Any(i => i.SupplierId == s.Id && i.AcceptedAt == null && i.ExpiresAt > now))
                .Select(s => new
                {
                    Supplier = s,
                    Since = db.Agreements.IgnoreQueryFilters().Where(a => a.SupplierId == s.Id && a.Status == AgreementStatus.SentToSupplier)
                        .Min(a => (DateTime?)a.UpdatedAt),
                })
                .Where(x => x.Since != null)
                .Select(x => new WaitingTask { Kind = TaskKind.SupplierOnboarding, Id = x.Supplier.Id, About = x.Supplier.Name, Since = x.Since!.Value });
        }

        var inReview = db.ResourceRequests.Where(r => r.Status == RequestStatus.InReview || r.Status == RequestStatus.AwaitingAgreement);
        if (actor.PrincipalOfUnits.Count > 0)
        {
            var units = actor.PrincipalOfUnits.ToList();
            yield return Requests(db.ResourceRequests.Where(r => r.Status == RequestStatus.AwaitingPrincipal && units.Contains(r.SchoolUnitId))
                .Select(r => new Stamped<ResourceRequest> { Item = r, At = r.SubmittedAt ?? r.UpdatedAt }), TaskKind.PrincipalApproval);
            var approved = db.ResourceRequests.Where(r => (r.Status == RequestStatus.Approved || r.Status == RequestStatus.ApprovedWithConditions)
                && units.Contains(r.SchoolUnitId));
            yield return Requests(approved.Where(r => r.Use == null || r.Use.RegisteransvarigUserId == null || r.Use.AdministratorName == null)
                .Select(r => new Stamped<ResourceRequest> { Item = r, At = r.DecidedAt ?? r.UpdatedAt }), TaskKind.NameResponsibles);
            yield return Requests(approved.Where(r => r.Use == null || r.Use.TrainingConfirmedAt == null)
                .Select(r => new Stamped<ResourceRequest> { Item = r, At = r.DecidedAt ?? r.UpdatedAt }), TaskKind.ConfirmTraining);
        }
        if (actor.IsReviewer)
        {
            // The latest review round is the current one (a re-review starts a new one). Nobody reviews their own request.
            var reviewed = inReview.Where(r => r.RequesterId != actor.UserId).Select(r => new
            {
                Request = r,
                ReviewedAt = db.ResourceReviews.Where(v => v.RequestId == r.Id).OrderByDescending(v => v.CreatedAt).Select(v => v.ReviewedAt).FirstOrDefault(),
            });
            yield return Requests(reviewed.Where(x => x.ReviewedAt == null)
                .Select(x => new Stamped<ResourceRequest> { Item = x.Request, At = x.Request.ReviewQueuedAt ?? x.Request.UpdatedAt }), TaskKind.Review);
            yield return Requests(reviewed.Where(x => x.ReviewedAt != null && x.Request.Status == RequestStatus.InReview)
                .Select(x => new Stamped<ResourceRequest> { Item = x.Request, At = x.ReviewedAt!.Value }), TaskKind.Decision);
            yield return Agreements(db.Agreements.Where(a => a.Status == AgreementStatus.UnderReview && a.ReviewedAt == null)
                .Select(a => new Stamped<Agreement> { Item = a, At = a.UpdatedAt }), TaskKind.AgreementReview);
            yield return Agreements(db.Agreements.Where(a => a.Status == AgreementStatus.UnderReview && a.ReviewedAt != null && a.SecurityReviewedAt != null)
                .Select(a => new Stamped<Agreement> { Item = a, At = a.UpdatedAt }), TaskKind.AgreementApproval);
        }
        if (actor.IsSecurityCoordinator)
        {
            // Settled by the part itself or by a reviewer's recorded waiver, on the latest review round.
            yield return Requests(inReview.Where(r => !db.ResourceReviews.Where(v => v.RequestId == r.Id).OrderByDescending(v => v.CreatedAt).Take(1)
                    .Any(v => v.SecurityAssessedAt != null || v.SecurityWaivedAt != null))
                .Select(r => new Stamped<ResourceRequest> { Item = r, At = r.ReviewQueuedAt ?? r.UpdatedAt }), TaskKind.SecurityPart);
            yield return Agreements(db.Agreements.Where(a => a.Status == AgreementStatus.UnderReview && a.SecurityReviewedAt == null)
                .Select(a => new Stamped<Agreement> { Item = a, At = a.UpdatedAt }), TaskKind.AgreementSecurityReview);
        }
        if (actor.IsAgreementManager)
        {
            yield return Agreements(db.Agreements.Where(a => a.Status == AgreementStatus.SupplierCompleted)
                .Select(a => new Stamped<Agreement> { Item = a, At = a.UpdatedAt }), TaskKind.AgreementStartReview);
            yield return Agreements(db.Agreements.Where(a => a.Status == AgreementStatus.ReadyToSign)
                .Select(a => new Stamped<Agreement> { Item = a, At = a.UpdatedAt }), TaskKind.AgreementSigning);
            yield return Agreements(db.Agreements.Where(a => a.Status == AgreementStatus.Signed)
                .Select(a => new Stamped<Agreement> { Item = a, At = a.SignedAt ?? a.UpdatedAt }), TaskKind.AgreementInForce);
        }
        if (actor.IsAgreementManager || actor.IsSecurityCoordinator)
        {
            yield return Agreements(db.Agreements.Where(a => a.Status == AgreementStatus.InForce && a.PendingDescriptionId != null && a.ObjectedAt == null)
                .Select(a => new Stamped<Agreement> { Item = a, At = a.VersionChangeNotifiedAt ?? a.UpdatedAt }), TaskKind.VersionChange);
        }
        if (!string.IsNullOrEmpty(email))
        {
            yield return db.RightsTasks.Where(t => t.Status == RightsTaskStatus.Open && t.AdministratorEmail == email)
                .Join(db.RightsRequests.Where(c => c.ClosedAt == null), t => t.RightsRequestId, c => c.Id, (t, c) => new WaitingTask
                {
                    Kind = TaskKind.RightsTask, Id = c.Id, Since = t.LinkIssuedAt ?? c.CreatedAt,
                    About = db.LearningResources.Where(r => r.Id == t.ResourceId).Select(r => r.Name).First(),
                    Where = db.OrganisationUnits.Where(u => u.Id == t.SchoolUnitId).Select(u => u.Name).First(),
                });
        }
    }

    private IQueryable<WaitingTask> Requests(IQueryable<Stamped<ResourceRequest>> requests, TaskKind kind) =>
        requests.Select(s => new WaitingTask
        {
            Kind = kind, Id = s.Item.Id, Since = s.At,
            About = db.LearningResources.Where(x => x.Id == s.Item.ResourceId).Select(x => x.Name).FirstOrDefault() ?? s.Item.ProposedName ?? "",
            Where = db.OrganisationUnits.Where(u => u.Id == s.Item.SchoolUnitId).Select(u => u.Name).FirstOrDefault(),
        });

    private IQueryable<WaitingTask> Agreements(IQueryable<Stamped<Agreement>> agreements, TaskKind kind) =>
        agreements.Select(s => new WaitingTask
        {
            Kind = kind, Id = s.Item.Id, Since = s.At,
            About = db.LearningResources.Where(x => x.Id == s.Item.ResourceId).Select(x => x.Name).First(),
        });

    /// <summary>A row with the time its step began to wait, so each kind says its own "since" once.</summary>
    private sealed class Stamped<T>
    {
        public required T Item { get; init; }
        public DateTime At { get; init; }
    }
}
