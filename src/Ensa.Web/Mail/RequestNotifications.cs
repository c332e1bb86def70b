using Ensa.Data;
using Ensa.Identity;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Mail;

/// <summary>Tells the people of a request of each step, in the app and by e-mail (through the outbox), in the same save
/// as the step itself, so no step can go untold: whoever acts next is told what to do first (the central reviewers and
/// security coordinators when it enters the queue, the unit's principals when it is approved, the named local system
/// administrator), then the requester and the unit's principals are told of the steps that concern them (and the central
/// department of a withdrawal from its queue). Each person once per step, never the one who took it.</summary>
public sealed class RequestNotifications(MailComposer mail) : NotifyingInterceptor
{
    /// <summary>The central department's own steps: nothing for the requester to know or do.</summary>
    private static readonly RequestEventKind[] Internal =
    [
        RequestEventKind.Created, RequestEventKind.ResourceLinked, RequestEventKind.ReviewRecorded,
        RequestEventKind.SecurityReviewRecorded, RequestEventKind.PurchaseRecorded,
    ];

    protected override async Task AddAsync(EnsaDbContext db, CancellationToken cancellationToken)
    {
        var steps = db.ChangeTracker.Entries<RequestEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(e => e.Kind != RequestEventKind.Created).ToList();
        foreach (var step in steps)
        {
            var request = db.ChangeTracker.Entries<ResourceRequest>().Select(e => e.Entity).Single(r => r.Id == step.RequestId);
            var name = request.ResourceId is { } resourceId ? await ResourceNameAsync(db, resourceId, cancellationToken) : request.ProposedName ?? "";
            var link = $"/Requests/{request.Id}";
            var told = new HashSet<Guid> { step.ActorUserId };
            Task TellAsync(IEnumerable<Guid> userIds, string key, MailTemplate template) =>
                NotifyingInterceptor.TellAsync(db, mail, told, userIds, request.OrganizerId, key, name, link, template, step.At, cancellationToken);
            Task<List<Guid>> MembersAsync(Role role, Guid? unitId = null) =>
                NotifyingInterceptor.MembersAsync(db, request.OrganizerId, [role], cancellationToken, unitId);

            if (EntersReview(step, request))
            {
                await TellAsync(await MembersAsync(Role.CentralReviewer), "Notify.Task.Review", new TaskMail("Notify.Task.Review", name, link));
                await TellAsync(await MembersAsync(Role.SecurityCoordinator), "Notify.Task.SecurityPart",
                    new TaskMail("Notify.Task.SecurityPart", name, link));
            }
            var decision = step.Kind switch
            {
                RequestEventKind.Decided => await DecisionAsync(db, request.Id, cancellationToken),
                RequestEventKind.ApprovedByStandingDecision => request.Status == RequestStatus.ApprovedWithConditions
                    ? Decision.ApprovedWithConditions : Decision.Approved,
                _ => null,
            };
            if (decision is Decision.Approved or Decision.ApprovedWithConditions)
                await TellAsync(await MembersAsync(Role.Principal, request.SchoolUnitId), "Notify.Task.NameResponsibles",
                    new TaskMail("Notify.Task.NameResponsibles", name, link));
            if (step.Kind == RequestEventKind.ResponsiblesNamed && request.Use?.AdministratorEmail is { } administrator)
                await AdministratorNamedAsync(db, request, name, administrator, step, cancellationToken);
            if (Internal.Contains(step.Kind)) continue;
            // Approved at once by the organizer's decision: the approval's notice says it all.
            if (step.Kind is RequestEventKind.Submitted or RequestEventKind.PrincipalApproved
                && steps.Any(s => s.RequestId == step.RequestId && s.Kind == RequestEventKind.ApprovedByStandingDecision))
                continue;

            // A withdrawal from the review queue also tells the central department, who may have started on it.
            var withdrawnFromReview = step.Kind == RequestEventKind.Withdrawn && request.ReviewQueuedAt is not null;
            var concerned = await MembersAsync(Role.Principal, request.SchoolUnitId);
            concerned.Insert(0, request.RequesterId);
            if (withdrawnFromReview) concerned.AddRange(await MembersAsync(Role.CentralReviewer));
            await TellAsync(concerned, "Notify." + step.Kind, new RequestStepMail(step.Kind, name, request.Id, decision, step.Comment));
        }
    }

    /// <summary>The request went to the central department in this step: the principal approved (or submitted it for
    /// their own unit), or a decided request was reopened; unless the organizer's decision approved it at once.</summary>
    private static bool EntersReview(RequestEvent step, ResourceRequest request) => request.Status == RequestStatus.InReview && step.Kind switch
    {
        RequestEventKind.PrincipalApproved or RequestEventKind.ReopenedForReview => true,
        RequestEventKind.Submitted => request.ReviewQueuedAt == step.At,
        _ => false,
    };

    private static async Task<Decision?> DecisionAsync(EnsaDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        db.ResourceReviews.Local.Where(r => r.RequestId == requestId && r.Decision is not null).Select(r => r.Decision).FirstOrDefault()
        ?? await db.ResourceReviews.Where(r => r.RequestId == requestId && r.Decision != null).OrderByDescending(r => r.DecidedAt)
            .Select(r => r.Decision).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The local system administrator named for the service, often without an account: by e-mail, and in the app
    /// too when they have one.</summary>
    private async Task AdministratorNamedAsync(EnsaDbContext db, ResourceRequest request, string resource, string email, RequestEvent step,
        CancellationToken cancellationToken)
    {
        const string key = "Notify.Task.AdministratorNamed";
        var normalized = email.ToUpperInvariant();
        var account = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (account == step.ActorUserId) return;
        var unit = db.OrganisationUnits.Local.FirstOrDefault(u => u.Id == request.SchoolUnitId)?.Name
                   ?? await db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.Id == request.SchoolUnitId).Select(u => u.Name)
                       .SingleAsync(cancellationToken);
        var argument = $"{resource} ({unit})";
        await mail.QueueNoticeAsync(db, new TaskMail(key, argument, null), [email], step.At, cancellationToken);
        if (account is { } userId)
            db.Notifications.Add(new Ensa.Notifications.Notification(userId, request.OrganizerId, key, argument, $"/Requests/{request.Id}", step.At));
    }
}
