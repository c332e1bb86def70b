using Ensa.Common;
using Ensa.Notifications;
using Ensa.Tasks;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>The task reminder job: a task that waited longer than 10 working days reminds its people once, whichever node
/// runs it; past 20 working days the central department is told once; a task within its target is left alone.</summary>
public abstract class TaskReminderTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Sara = "sara.nilsson@mittkoping.example";
    private const string Ahmed = "ahmed.karimi@mittkoping.example";
    private const string Lisa = "lisa.ekstrom@mittkoping.example";

    private TaskReminderJob Job => app.Services.GetRequiredService<TaskReminderJob>();

    [Fact]
    public async Task OverdueReview_RemindsItsPeopleOnce_AcrossNodes_NotTheCentralDepartmentYet()
    {
        app.RequireDatabase();
        var id = await QueuedAsync(workingDaysAgo: 11);

        Assert.NotNull(await Job.RunOnceAsync(CancellationToken.None, "node-a"));
        Assert.Equal(new TaskReminderJob.RunResult(0, 0), await Job.RunOnceAsync(CancellationToken.None, "node-b"));

        var reminders = await app.AllStoredAsync<TaskReminder>(r => r.SubjectId == id);
        Assert.Equal([(TaskKind.Review, false), (TaskKind.SecurityPart, false)],
            reminders.Select(r => (r.Kind, r.Escalated)).OrderBy(r => r.Kind).ToList());
        // The reviewer for the review, the security coordinator for their part: each once, in the app and by e-mail.
        var toSara = Assert.Single(await MailAsync(Sara, "Väntar på dig", id));
        Assert.Contains("Granska förfrågan: Numerix", toSara.Subject, StringComparison.Ordinal);
        Assert.Contains("/Inbox", toSara.TextBody, StringComparison.Ordinal);
        Assert.Contains("informationssäkerhetens del", Assert.Single(await MailAsync(Ahmed, "Väntar på dig", id)).Subject, StringComparison.Ordinal);
        var sara = await app.UserIdAsync(Sara);
        Assert.True(await app.IsStoredAsync<Notification>(n => n.UserId == sara && n.MessageKey == "Notify.TaskReminder" && n.Link == "/Inbox"));
        Assert.Empty(await MailAsync(Lisa, "Försenat", id));
    }

    [Fact]
    public async Task TaskPastTwiceTheTarget_EscalatesToTheCentralDepartmentOnce()
    {
        app.RequireDatabase();
        var id = await QueuedAsync(workingDaysAgo: 21);

        await Job.RunOnceAsync(CancellationToken.None, "node-a");
        await Job.RunOnceAsync(CancellationToken.None, "node-b");

        Assert.True(await app.IsStoredAsync<TaskReminder>(r => r.SubjectId == id && r.Kind == TaskKind.Review && r.Escalated));
        // The reviewers and the organizer's admins, once per task (the review and the security part), not the requester.
        foreach (var central in new[] { Sara, Lisa }) Assert.Equal(2, (await MailAsync(central, "Försenat", id)).Count);
        Assert.Empty(await MailAsync("anna.lindberg@mittkoping.example", "Försenat", id));
    }

    [Fact]
    public async Task TaskWithinItsTarget_IsNotReminded()
    {
        app.RequireDatabase();
        var id = await QueuedAsync(workingDaysAgo: 9);
        await Job.RunOnceAsync(CancellationToken.None, "node-a");
        Assert.False(await app.IsStoredAsync<TaskReminder>(r => r.SubjectId == id));
    }

    [Fact]
    public async Task OrganizersOwnTarget_IsTheOneThatCounts()
    {
        app.RequireDatabase();
        await SetTargetAsync(15);
        try
        {
            var within = await QueuedAsync(workingDaysAgo: 12);
            await Job.RunOnceAsync(CancellationToken.None, "node-a");
            Assert.False(await app.IsStoredAsync<TaskReminder>(r => r.SubjectId == within));

            await SetTargetAsync(5);
            var past = await QueuedAsync(workingDaysAgo: 7);
            await Job.RunOnceAsync(CancellationToken.None, "node-a");
            Assert.True(await app.IsStoredAsync<TaskReminder>(r => r.SubjectId == past && !r.Escalated));
        }
        finally
        {
            await SetTargetAsync(Organizers.Organizer.DefaultTaskTargetWorkingDays);
        }
    }

    private Task<int> SetTargetAsync(int workingDays) => app.WithDbAsync(db => db.Organizers.Where(o => o.Name == "Mittköpings kommun")
        .ExecuteUpdateAsync(s => s.SetProperty(o => o.TaskTargetWorkingDays, workingDays)));

    [Fact]
    public void WorkingDays_SkipWeekendsAndSwedishHolidays()
    {
        // Christmas Eve and Day (Thu–Fri) and the weekend are not working days; midsummer eve neither.
        Assert.Equal(new DateOnly(2026, 12, 23), SwedishCalendar.WorkingDaysBefore(new DateOnly(2026, 12, 28), 1));
        Assert.False(SwedishCalendar.IsWorkingDay(new DateOnly(2026, 6, 19)));
        Assert.True(SwedishCalendar.IsWorkingDay(new DateOnly(2026, 12, 1)));
    }

    /// <summary>The mail to <paramref name="to"/> about this request (its queue date is in the subject) whose subject has
    /// <paramref name="text"/>.</summary>
    private async Task<List<Ensa.Mail.OutboxMessage>> MailAsync(string to, string text, Guid id)
    {
        var queued = await app.WithDbAsync(db => db.ResourceRequests.IgnoreQueryFilters().Where(r => r.Id == id).Select(r => r.ReviewQueuedAt!.Value).SingleAsync());
        var day = Ensa.Web.Forms.Format.Date(queued);
        return await app.MailAsync(m => m.To == to && m.Subject.Contains(text) && m.Subject.Contains("Numerix") && m.Subject.Contains(day));
    }

    /// <summary>A request for Numerix in the review queue since that many working days.</summary>
    private async Task<Guid> QueuedAsync(int workingDaysAgo)
    {
        var id = await app.InReviewAsync();
        var day = SwedishCalendar.WorkingDaysBefore(SwedishCalendar.Today(app.Clock), workingDaysAgo);
        var at = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(9, 0)), SwedishCalendar.TimeZone);
        await app.WithDbAsync(db => db.ResourceRequests.IgnoreQueryFilters().Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewQueuedAt, at)));
        return id;
    }
}

public sealed class TaskReminderSqliteTests(EnsaAppFactory app) : TaskReminderTests<EnsaAppFactory>(app);

public sealed class TaskReminderPostgresTests(PostgresAppFactory app) : TaskReminderTests<PostgresAppFactory>(app);
