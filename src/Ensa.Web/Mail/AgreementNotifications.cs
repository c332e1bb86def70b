using Ensa.Agreements;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Mail;

/// <summary>Tells an organizer's agreement people (reviewers, security coordinators, admins, and the agreement's
/// contact) when a supplier changed the description an agreement in force rests on: in the app and by e-mail with the
/// field-by-field comparison and the objection deadline, in the same save as the notice itself; and of each step that
/// waits on them (the supplier answered or published the description a draft waits for, review started, ready to sign),
/// never the one who took it.</summary>
public sealed class AgreementNotifications(MailComposer mail) : NotifyingInterceptor
{
    private const string Key = "Notify.Agreement.VersionChangeNotified";

    /// <summary>Steps that give the agreement people the next move: the supplier answered (or published the description a
    /// draft waits for), the review began, it is ready to sign.</summary>
    private static readonly AgreementEventKind[] TaskSteps =
        [AgreementEventKind.SupplierCompleted, AgreementEventKind.DescriptionPublished, AgreementEventKind.ReviewStarted, AgreementEventKind.ReadyToSign];

    private static readonly Role[] AgreementPeople = [Role.CentralReviewer, Role.SecurityCoordinator, Role.Signatory, Role.OrganizerAdmin];

    protected override async Task AddAsync(EnsaDbContext db, CancellationToken cancellationToken)
    {
        await AddVersionChangesAsync(db, cancellationToken);
        var steps = db.ChangeTracker.Entries<AgreementEvent>()
            .Where(e => e.State == EntityState.Added && TaskSteps.Contains(e.Entity.Kind)).Select(e => e.Entity).ToList();
        foreach (var step in steps)
        {
            var agreement = db.ChangeTracker.Entries<Agreement>().Select(e => e.Entity).Single(a => a.Id == step.AgreementId);
            var name = await ResourceNameAsync(db, agreement.ResourceId, cancellationToken);
            var key = "Notify.Agreement." + step.Kind;
            var link = $"/Agreements/{agreement.Id}";
            var told = new HashSet<Guid>();
            if (step.ActorUserId is { } actor) told.Add(actor);
            await TellAsync(db, mail, told, await MembersAsync(db, agreement.OrganizerId, AgreementPeople, cancellationToken), agreement.OrganizerId,
                key, name, link, new TaskMail(key, name, link), step.At, cancellationToken);
        }
    }

    private async Task AddVersionChangesAsync(EnsaDbContext db, CancellationToken cancellationToken)
    {
        var notices = db.ChangeTracker.Entries<AgreementEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == AgreementEventKind.VersionChangeNotified)
            .Select(e => e.Entity).ToList();
        var comparisons = new Dictionary<(Guid, Guid), IReadOnlyList<FieldChange>>();
        foreach (var notice in notices)
        {
            var agreement = db.ChangeTracker.Entries<Agreement>().Select(e => e.Entity).Single(a => a.Id == notice.AgreementId);
            if (agreement is not { DescriptionId: { } fromId, PendingDescriptionId: { } toId, ObjectionDeadline: { } deadline }) continue;
            if (!comparisons.TryGetValue((fromId, toId), out var changes))
            {
                // Find looks in the change tracker first: the new version is usually saved in this very save.
                var from = await db.SupplierDescriptions.FindAsync([fromId], cancellationToken);
                var to = await db.SupplierDescriptions.FindAsync([toId], cancellationToken);
                changes = comparisons[(fromId, toId)] = DescriptionComparison.Compare(from!.Content(), to!.Content());
            }
            var name = await db.LearningResources.Where(r => r.Id == agreement.ResourceId).Select(r => r.Name).SingleAsync(cancellationToken);

            var userIds = await MembersAsync(db, agreement.OrganizerId, AgreementPeople, cancellationToken);
            var people = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
            var link = $"/Agreements/{agreement.Id}";
            foreach (var person in people)
                db.Notifications.Add(new Notification(person.Id, agreement.OrganizerId, Key, name, link, notice.At));
            // The contact named in the agreement is who the supplier's notice is addressed to, with an account or not.
            await mail.QueueAsync(db, new AgreementVersionChangeMail(name, deadline, changes, agreement.Id),
                people.Select(p => p.Email).Append(agreement.AgreementContactEmail), notice.At, cancellationToken);
        }
    }
}
