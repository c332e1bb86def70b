using System.Globalization;
using Ensa.Agreements;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Jobs;

/// <summary>Reminds an organizer's agreement people before an agreement's review date and end date, and expires
/// agreements whose end date has passed. Runs under a database lease, so of several app nodes one works at a time,
/// and each reminder is recorded on the agreement's timeline in the same save as its mail: it is sent once.</summary>
public sealed class AgreementReminders(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<AgreementReminders> logger, MailComposer mail) : LeasedJob<AgreementReminders.RunResult>(scopes, clock, logger)
{
    public const string LeaseName = "agreement-reminders";

    public sealed record RunResult(int Reminders, int Expired);

    public override string Name => LeaseName;
    protected override TimeSpan Interval => configuration.GetValue("Agreements:ReminderInterval", TimeSpan.FromHours(1));
    protected override TimeSpan FirstRun =>
        // Not in the middle of start-up (migrations, demo data); reminders are days ahead, a minute's wait costs nothing.
        configuration.GetValue("Agreements:ReminderFirstRun", TimeSpan.FromMinutes(1));

    protected override async Task<RunResult> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<EnsaDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var today = SwedishCalendar.Today(now);
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
