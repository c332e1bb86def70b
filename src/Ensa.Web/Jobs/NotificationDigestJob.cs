using Ensa.Data;
using Ensa.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Jobs;

/// <summary>Sends each person who chose the daily digest one e-mail a day listing their notices since their last digest,
/// under a database lease. The last digest time is stored on the user, so a second node (or a second pass the same
/// Swedish day) sends nothing more.</summary>
public sealed class NotificationDigestJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<NotificationDigestJob> logger) : LeasedJob<int>(scopes, clock, logger)
{
    public const string LeaseName = "notification-digest";

    public override string Name => LeaseName;
    protected override TimeSpan Interval => configuration.GetValue("Notifications:DigestInterval", TimeSpan.FromHours(1));
    protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(10);

    /// <summary>Returns how many digests were queued.</summary>
    protected override async Task<int> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<EnsaDbContext>();
        var mail = services.GetRequiredService<MailComposer>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var today = SwedishCalendar.Today(now);
        var sent = 0;
        foreach (var user in await db.Users.Where(u => u.DailyDigest && u.Email != null).ToListAsync(cancellationToken))
        {
            if (user.LastDigestAt is { } last && SwedishCalendar.DateOf(last) >= today) continue;
            var since = user.LastDigestAt ?? DateTime.MinValue;
            var items = await db.Notifications.IgnoreQueryFilters()
                .Where(n => n.UserId == user.Id && n.CreatedAt > since && n.CreatedAt <= now).OrderBy(n => n.CreatedAt)
                .Select(n => new DigestMail.Item(n.MessageKey, n.Argument, n.Link, n.CreatedAt)).ToListAsync(cancellationToken);
            if (items.Count == 0) continue;
            await mail.QueueAsync(db, new DigestMail(items), [user.Email], now, cancellationToken);
            user.LastDigestAt = now;
            sent++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
