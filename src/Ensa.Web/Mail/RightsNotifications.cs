using Ensa.Data;
using Ensa.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Mail;

/// <summary>Tells the owner (who opened it) of a rights case when its last task is answered and the case closes, in the
/// app and by e-mail, in the same save; not when they closed it themselves.</summary>
public sealed class RightsNotifications(MailComposer mail) : NotifyingInterceptor
{
    private const string Key = "Notify.Rights.Closed";

    protected override async Task AddAsync(EnsaDbContext db, CancellationToken cancellationToken)
    {
        var closed = db.ChangeTracker.Entries<RightsRequest>()
            .Where(e => e.State == EntityState.Modified && e.Entity.ClosedAt is not null
                        && e.Property(r => r.ClosedAt).OriginalValue is null)
            .Select(e => e.Entity).ToList();
        foreach (var request in closed)
        {
            var told = new HashSet<Guid>();
            if (db.Session.UserId is { } actor) told.Add(actor);
            var link = $"/Privacy/{request.Id}";
            await TellAsync(db, mail, told, [request.CreatedByUserId], request.OrganizerId, Key, request.CaseReference, link,
                new TaskMail(Key, request.CaseReference, link), request.ClosedAt!.Value, cancellationToken);
        }
    }
}
