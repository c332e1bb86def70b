using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.Notifications;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>The reminder job on the demo agreement in force (Mittköping, Läsresan): one reminder before the review
/// date and one before the end date, once whichever node runs it, none while another node holds the lease; and the
/// agreement expires when its end date has passed.</summary>
public sealed class AgreementReminderTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private static readonly Actor Admin = Actor.OrganizerStaff(Guid.NewGuid(), "Test", new HashSet<Role> { Role.OrganizerAdmin });

    private AgreementReminders Job => app.Services.GetRequiredService<AgreementReminders>();

    [Fact]
    public async Task Reminders_SentOncePerDateAcrossNodes_ThenAgreementExpires()
    {
        var today = SwedishCalendar.Today(app.Clock);
        var id = await app.DemoAgreementIdAsync();
        await app.ChangeAgreementAsync(id, a => a.SetDates(Admin, today.AddDays(30), today.AddDays(45), app.Clock.GetUtcNow().UtcDateTime));
        var contact = (await app.AgreementAsync(id)).AgreementContactEmail;

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

        Assert.Equal(2, (await app.MailAsync(m => m.To == contact && m.Subject.Contains("Sagoväven Läsresan ("))).Count);
        Assert.True(await app.CountStoredAsync<Notification>(n => n.Link == $"/Agreements/{id}" && n.MessageKey.StartsWith("Notify.Agreement.") && n.MessageKey.EndsWith("Reminder")) >= 2);
        var kinds = (await app.AgreementAsync(id)).Events.Select(e => e.Kind).ToList();
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
            Assert.Equal(AgreementStatus.Expired, (await app.AgreementAsync(id)).Status);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }
}
