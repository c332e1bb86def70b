using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>The reminder job on the demo agreement in force (Mittköping, Läsresan): one reminder before the review
/// date and one before the end date, once whichever node runs it, none while another node holds the lease; and the
/// agreement expires when its end date has passed.</summary>
public sealed class AgreementReminderTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private static readonly Actor Admin = Actor.OrganizerStaff(Guid.NewGuid(), "Test", new HashSet<Role> { Role.OrganizerAdmin });

    private AgreementReminders Job => app.Services.GetRequiredService<AgreementReminders>();

    private static Task<Agreement> DemoAsync(Ensa.Data.EnsaDbContext db) =>
        db.Agreements.IgnoreQueryFilters().Include(a => a.Events).SingleAsync(a => a.Status == AgreementStatus.InForce && a.RegistryNumber == "GSN 2026/0412");

    [Fact]
    public async Task Reminders_SentOncePerDateAcrossNodes_ThenAgreementExpires()
    {
        var today = SwedishCalendar.Today(app.Clock);
        var (id, contact) = await app.WithDbAsync(async db =>
        {
            var agreement = await DemoAsync(db);
            Assert.True(agreement.SetDates(Admin, today.AddDays(30), today.AddDays(45), app.Clock.GetUtcNow().UtcDateTime).Succeeded);
            await db.SaveChangesAsync();
            return (agreement.Id, agreement.AgreementContactEmail);
        });

        // Another node holds the lease: this one does nothing.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var leases = scope.ServiceProvider.GetRequiredService<LeaseStore>();
            // (The app's own run may hold it for a moment.)
            var taken = false;
            for (var i = 0; i < 50 && !taken; i++)
            {
                taken = await leases.TryAcquireAsync(AgreementReminders.LeaseName, TimeSpan.FromMinutes(5), CancellationToken.None, "node-x");
                if (!taken) await Task.Delay(100);
            }
            Assert.True(taken);
            Assert.Null(await Job.RunOnceAsync(CancellationToken.None, "node-y"));
            await leases.ReleaseAsync(AgreementReminders.LeaseName, CancellationToken.None, "node-x");
        }

        // (The app's own timer, a minute after start, would be a third node: the records below hold whoever ran first.)
        Assert.NotNull(await Job.RunOnceAsync(CancellationToken.None, "node-a"));
        Assert.Equal(new AgreementReminders.RunResult(0, 0), await Job.RunOnceAsync(CancellationToken.None, "node-b"));

        var (mails, notices, kinds) = await app.WithDbAsync(async db => (
            await db.OutboxMessages.CountAsync(m => m.To == contact && m.Subject.Contains("Sagoväven Läsresan")),
            await db.Notifications.IgnoreQueryFilters().CountAsync(n => n.Link == $"/Agreements/{id}" && n.MessageKey.StartsWith("Notify.Agreement.") && n.MessageKey.EndsWith("Reminder")),
            (await DemoAsync(db)).Events.Select(e => e.Kind).ToList()));
        Assert.Equal(2, mails);
        Assert.True(notices >= 2);
        Assert.Single(kinds, AgreementEventKind.ReviewReminderSent);
        Assert.Single(kinds, AgreementEventKind.EndReminderSent);

        // The organizer sees the reminders in the app, in Swedish.
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        Assert.Contains("Avtalet för Sagoväven Läsresan", EnsaClient.Text(await lisa.GetPageAsync("/Notifications"), "ul.notifications"), StringComparison.Ordinal);
        Assert.Contains("Påminnelse om omprövning skickad", EnsaClient.Text(await lisa.GetPageAsync($"/Agreements/{id}"), "ol.timeline"), StringComparison.Ordinal);

        // After the end date the agreement expires.
        app.Clock.Offset = TimeSpan.FromDays(46);
        try
        {
            Assert.Equal(new AgreementReminders.RunResult(0, 1), await Job.RunOnceAsync(CancellationToken.None, "node-b"));
            Assert.Equal(AgreementStatus.Expired, await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }
}
