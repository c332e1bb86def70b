using System.Globalization;
using Ensa.Agreements;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.Notifications;
using Ensa.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Infrastructure;

/// <summary>Reminds an organizer's agreement people before an agreement's review date and end date, and expires
/// agreements whose end date has passed. Runs under a database lease, so of several app nodes one works at a time,
/// and each reminder is recorded on the agreement's timeline in the same save as its mail: it is sent once.</summary>
public sealed class AgreementReminders(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<AgreementReminders> logger, MailComposer mail) : BackgroundService
{
    public const string LeaseName = "agreement-reminders";

    public sealed record RunResult(int Reminders, int Expired);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Agreements:ReminderInterval", TimeSpan.FromHours(1));
        // Not in the middle of start-up (migrations, demo data); reminders are days ahead, a minute's wait costs nothing.
        await Task.Delay(configuration.GetValue("Agreements:ReminderFirstRun", TimeSpan.FromMinutes(1)), clock, stoppingToken);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Agreement reminders failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass, if this node gets the lease (null when another node holds it).</summary>
    public async Task<RunResult?> RunOnceAsync(CancellationToken cancellationToken, string? holder = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnsaDbContext>();
        var leases = scope.ServiceProvider.GetRequiredService<LeaseStore>();
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(5), cancellationToken, holder)) return null;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var horizon = today.AddDays(Agreement.ReminderDaysBefore);
            // Every organizer's agreements: the job works for all tenants.
            var candidates = await db.Agreements.IgnoreQueryFilters().Include(a => a.Events)
                .Where(a => a.Status == AgreementStatus.InForce && (a.ReviewDate <= horizon || a.EndDate <= horizon))
                .ToListAsync(cancellationToken);
            var (reminders, expired) = (0, 0);
            foreach (var agreement in candidates)
            {
                if (agreement.EndDate < today)
                {
                    if (agreement.Expire(now).Succeeded) expired++;
                }
                else
                {
                    foreach (var (kind, date) in agreement.DueReminders(now))
                    {
                        if (!agreement.RecordReminder(kind, date, now).Succeeded) continue;
                        await NotifyAsync(db, agreement, kind, date, now, cancellationToken);
                        reminders++;
                    }
                }
                // One save per agreement: a crash leaves the others to the next run, never a reminder without its record.
                await db.SaveChangesAsync(cancellationToken);
            }
            return new RunResult(reminders, expired);
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, CancellationToken.None, holder);
        }
    }

    private async Task NotifyAsync(EnsaDbContext db, Agreement agreement, AgreementReminder kind, DateOnly date, DateTime now,
        CancellationToken cancellationToken)
    {
        var key = kind == AgreementReminder.ReviewDate ? "Notify.Agreement.ReviewReminder" : "Notify.Agreement.EndReminder";
        var name = await db.LearningResources.Where(r => r.Id == agreement.ResourceId).Select(r => r.Name).SingleAsync(cancellationToken);
        var argument = $"{name} ({date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
        var link = $"/Agreements/{agreement.Id}";
        var userIds = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.OrganizerId == agreement.OrganizerId && (m.Role == Role.CentralReviewer || m.Role == Role.OrganizerAdmin))
            .Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
        foreach (var userId in userIds) db.Notifications.Add(new Notification(userId, agreement.OrganizerId, key, argument, link, now));
        await mail.QueueAsync(db, new AgreementReminderMail(kind, name, date, agreement.Id), [agreement.AgreementContactEmail], now,
            cancellationToken);
    }
}
