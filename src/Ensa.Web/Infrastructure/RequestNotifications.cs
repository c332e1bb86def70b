using System.Globalization;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.Notifications;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Infrastructure;

/// <summary>Tells the requester and the unit's principals of every step of their request, in the app and by
/// e-mail (through the outbox), in the same save as the step itself, so no step can go untold.</summary>
public sealed class RequestNotifications : NotifyingInterceptor
{
    protected override async Task AddAsync(EnsaDbContext db, CancellationToken cancellationToken)
    {
        var steps = db.ChangeTracker.Entries<RequestEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(e => e.Kind != RequestEventKind.Created).ToList();
        foreach (var step in steps)
        {
            var request = db.ChangeTracker.Entries<ResourceRequest>().Select(e => e.Entity).Single(r => r.Id == step.RequestId);
            var recipients = await db.Memberships.IgnoreQueryFilters()
                .Where(m => m.OrganizerId == request.OrganizerId && m.Role == Role.Principal && m.OrganisationUnitId == request.SchoolUnitId)
                .Select(m => m.UserId).ToListAsync(cancellationToken);
            recipients.Add(request.RequesterId);
            var people = await db.Users.Where(u => recipients.Contains(u.Id) && u.Id != step.ActorUserId)
                .Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
            // The resource may be new in this same save (added from a review), so look in the tracker first.
            var name = request.ResourceId is { } resourceId
                ? db.LearningResources.Local.FirstOrDefault(r => r.Id == resourceId)?.Name
                  ?? await db.LearningResources.Where(r => r.Id == resourceId).Select(r => r.Name).SingleAsync(cancellationToken)
                : request.ProposedName ?? "";
            var key = "Notify." + step.Kind;
            var link = $"/Requests/{request.Id}";
            var url = (db.Session.BaseUrl ?? "") + link;
            foreach (var person in people.DistinctBy(p => p.Id))
            {
                db.Notifications.Add(new Notification(person.Id, request.OrganizerId, key, name, link, step.At));
                if (person.Email is null) continue;
                // The reader's language is not known: Swedish first, English below.
                var subject = $"Ensa: {Text(key, Format.Swedish, name)}";
                var body = $"{Text(key, Format.Swedish, name)}\n{Text("Notify.MailLink", Format.Swedish, url)}\n\n" +
                           $"{Text(key, MailTexts.English, name)}\n{Text("Notify.MailLink", MailTexts.English, url)}\n";
                db.OutboxMessages.Add(new OutboxMessage(person.Email, subject, body, null, step.At));
            }
        }
    }

    private static string Text(string key, CultureInfo culture, string argument) => MailTexts.Text(key, culture, argument);
}
