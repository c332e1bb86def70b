using Ensa.Data;
using Ensa.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ensa.Mail;

/// <summary>Sends what is in the outbox through SMTP (or a pickup folder). Holds a database lease while it
/// works, so with several app nodes only one sends at a time and no message goes out twice.</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<MailOptions> options, MailDelivery delivery,
    TimeProvider clock, ILogger<OutboxDispatcher> logger) : LeasedJob<int>(scopes, clock, logger)
{
    public const string LeaseName = "mail-outbox";

    public override string Name => LeaseName;
    protected override TimeSpan Interval => options.Value.PollInterval;
    protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(2);

    /// <summary>Sends the due messages if this node gets the lease; returns how many were sent.</summary>
    public Task<int> DispatchOnceAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    protected override async Task<int> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<EnsaDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt).Take(50).ToListAsync(cancellationToken);
        var sent = 0;
        await using var batch = delivery.Open();
        foreach (var message in due)
        {
            try
            {
                await batch.SendAsync(message, cancellationToken);
                message.MarkSent(Clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            catch (MailDeliveryException ex)
            {
                Logger.LogWarning(ex, "Sending mail {Id} failed: {Reason}", message.Id, ex.Message);
                message.MarkFailed(ex.Message, Clock.GetUtcNow().UtcDateTime);
            }
            // Saved one by one: a crash after sending must not resend the whole batch.
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }
}
