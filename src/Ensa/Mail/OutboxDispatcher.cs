using Ensa.Data;
using Ensa.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ensa.Mail;

/// <summary>Sends what is in the outbox through SMTP (or a pickup folder). Holds a database lease while it
/// works, so with several app nodes only one sends at a time and no message goes out twice.</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<MailOptions> options, MailDelivery delivery,
    TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const string LeaseName = "mail-outbox";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox dispatch failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends the due messages if this node gets the lease; returns how many were sent.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnsaDbContext>();
        var leases = scope.ServiceProvider.GetRequiredService<LeaseStore>();
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(2), cancellationToken)) return 0;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
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
                    message.MarkSent(clock.GetUtcNow().UtcDateTime);
                    sent++;
                }
                catch (MailDeliveryException ex)
                {
                    logger.LogWarning(ex, "Sending mail {Id} failed", message.Id);
                    message.MarkFailed(ex.Message, clock.GetUtcNow().UtcDateTime);
                }
                // Saved one by one: a crash after sending must not resend the whole batch.
                await db.SaveChangesAsync(cancellationToken);
            }
            return sent;
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, CancellationToken.None);
        }
    }
}
