using Ensa.Data;
using Ensa.Identity;
using Ensa.Notifications;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Mail;

/// <summary>Tells the requester and the unit's principals of every step of their request (and the central department of
/// a withdrawal from its queue), in the app and by
/// e-mail (through the outbox), in the same save as the step itself, so no step can go untold.</summary>
public sealed class RequestNotifications(MailComposer mail) : NotifyingInterceptor
{
    protected override async Task AddAsync(EnsaDbContext db, CancellationToken cancellationToken)
    {
        var steps = db.ChangeTracker.Entries<RequestEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(e => e.Kind != RequestEventKind.Created).ToList();
        foreach (var step in steps)
        {
            var request = db.ChangeTracker.Entries<ResourceRequest>().Select(e => e.Entity).Single(r => r.Id == step.RequestId);
            // A withdrawal from the review queue also tells the central department, who may have started on it.
            var withdrawnFromReview = step.Kind == RequestEventKind.Withdrawn && request.ReviewQueuedAt is not null;
            var recipients = await db.Memberships.IgnoreQueryFilters()
                .Where(m => m.OrganizerId == request.OrganizerId && (m.Role == Role.Principal && m.OrganisationUnitId == request.SchoolUnitId
                    || withdrawnFromReview && m.Role == Role.CentralReviewer))
                .Select(m => m.UserId).ToListAsync(cancellationToken);
            recipients.Add(request.RequesterId);
            var people = await db.Users.Where(u => recipients.Contains(u.Id) && u.Id != step.ActorUserId)
                .Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
            // The resource may be new in this same save (added from a review), so look in the tracker first.
            var name = request.ResourceId is { } resourceId
                ? db.LearningResources.Local.FirstOrDefault(r => r.Id == resourceId)?.Name
                  ?? await db.LearningResources.Where(r => r.Id == resourceId).Select(r => r.Name).SingleAsync(cancellationToken)
                : request.ProposedName ?? "";
            var link = $"/Requests/{request.Id}";
            foreach (var person in people.DistinctBy(p => p.Id))
                db.Notifications.Add(new Notification(person.Id, request.OrganizerId, "Notify." + step.Kind, name, link, step.At));
            await mail.QueueAsync(db, new RequestStepMail(step.Kind, name, request.Id), people.Select(p => p.Email), step.At, cancellationToken);
        }
    }
}
