using Ensa.Demo;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.Mail;
using Ensa.MasterData;
using Ensa.Organizers;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Jobs;
using Ensa.Web.MasterData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>The app with a local SS 12000 source; the sync job runs only when a test runs a pass.</summary>
public sealed class SyncAppFactory() : Ss12000AppFactory(postgres: false);

/// <summary>The daily SS 12000 sync: which organizers a pass takes, what it applies and logs, the mail to the organizer's
/// admins when a run fails or skips records, and one node at a time.</summary>
public sealed class MasterDataSyncTests(SyncAppFactory app) : IClassFixture<SyncAppFactory>
{
    private Ss12000SyncJob Job => app.Services.GetRequiredService<Ss12000SyncJob>();

    private Task<Ss12000SyncJob.PassResult?> PassAsync(string? holder = null) => Job.RunOnceAsync(CancellationToken.None, holder);

    private Task<Organizer> OrganizerAsync(string slug) => app.StoredAsync<Organizer>(o => o.Slug == slug);

    /// <summary>Every earlier scheduled run is older than the interval, and the source answers.</summary>
    private void NextDay()
    {
        app.Clock.Offset += TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1);
        app.Source.Failing.Clear();
    }

    /// <summary>Stores the organizer's connection (a good token unless told) with the daily sync on or off.</summary>
    private Task<int> ConnectAsync(string slug, bool dailySync, string token = Ss12000Server.Token) => app.WithDbAsync(async db =>
    {
        var organizer = await db.Organizers.SingleAsync(o => o.Slug == slug);
        var settings = await db.Ss12000Settings.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.OrganizerId == organizer.Id);
        if (settings is null) db.Ss12000Settings.Add(settings = new Ss12000Settings(organizer.Id));
        settings.Update(app.Source.BaseUrl.ToString(), null, null, dailySync, app.Services.GetRequiredService<Ss12000Secrets>().Protect(token), null);
        return await db.SaveChangesAsync();
    });

    /// <summary>Both organizers' sync off, then this one's on: only it is due.</summary>
    private async Task OnlyAsync(string slug, string token = Ss12000Server.Token)
    {
        NextDay();
        await ConnectAsync(DemoData.MittkopingSlug, false);
        await ConnectAsync(DemoData.LarandeNorrSlug, false);
        await ConnectAsync(slug, true, token);
    }

    /// <summary>The organizer's source: its Huvudman and one school unit with its Rektor.</summary>
    private async Task<(Ss12000Data Data, Dictionary<string, object?> Unit, string Code)> SourceOfAsync(string slug)
    {
        var organizer = await OrganizerAsync(slug);
        var data = new Ss12000Data();
        var huvudman = data.Organisation("Huvudman", organizer.Name, null, orgNumber: organizer.OrganisationNumber.Replace("-", "", StringComparison.Ordinal));
        var code = Ss12000Data.NewSchoolUnitCode();
        var unit = data.Organisation("Skolenhet", $"Synkskolan {code}", huvudman["id"]!.ToString(), code);
        var rektor = data.Person("Sara", "Synk" + code, "19750312-4839", $"sara.{code}@example.com");
        data.Duty(rektor["id"], unit["id"], "Rektor");
        app.Source.Data = data;
        return (data, unit, code);
    }

    private Task<List<ImportRun>> ScheduledRunsAsync(Guid organizerId) => app.WithDbAsync(db => db.ImportRuns.IgnoreQueryFilters()
        .Where(r => r.OrganizerId == organizerId && r.Source == ImportSource.Scheduled).OrderBy(r => r.StartedAt).ToListAsync());

    private Task<List<string>> AdminEmailsAsync(Guid organizerId) => app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters()
        .Where(m => m.OrganizerId == organizerId && m.Role == Role.OrganizerAdmin)
        .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email!).ToListAsync());

    /// <summary>The sync mails queued since <paramref name="since"/>.</summary>
    private Task<List<OutboxMessage>> SyncMailsAsync(DateTime since) => app.WithDbAsync(db => db.OutboxMessages
        .Where(m => m.CreatedAt >= since && m.Subject.Contains("SS 12000")).ToListAsync());

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Pass_Due_AppliesTheSourceAndLogsTheRun_ThenNothingWithinTheInterval_ThenRunsAgainChangingNothing()
    {
        await OnlyAsync(DemoData.MittkopingSlug);
        var organizer = await OrganizerAsync(DemoData.MittkopingSlug);
        var (_, _, code) = await SourceOfAsync(DemoData.MittkopingSlug);
        var since = Now;

        Assert.Equal(new Ss12000SyncJob.PassResult(1, 0), await PassAsync());

        var unit = await app.StoredAsync<OrganisationUnit>(u => u.OrganizerId == organizer.Id && u.SchoolUnitCode == code);
        Assert.Equal($"Synkskolan {code}", unit.Name);
        var run = Assert.Single(await ScheduledRunsAsync(organizer.Id), r => r.StartedAt >= since);
        Assert.Equal(ImportRunStatus.Applied, run.Status);
        Assert.Null(run.SnapshotJson);
        Assert.Equal(1, ImportRunSummary.Parse(run.SummaryJson)!.Organisations[0]);
        Assert.Empty(await SyncMailsAsync(since)); // a clean run: no mail

        // Within the interval: nothing, even when an hour's check comes round.
        app.Clock.Offset += TimeSpan.FromHours(1);
        Assert.Equal(new Ss12000SyncJob.PassResult(0, 0), await PassAsync());
        Assert.Single(await ScheduledRunsAsync(organizer.Id), r => r.StartedAt >= since);

        // A day later: it runs again, and the same source changes nothing.
        app.Clock.Offset += TimeSpan.FromDays(1);
        Assert.Equal(new Ss12000SyncJob.PassResult(1, 0), await PassAsync());
        var runs = (await ScheduledRunsAsync(organizer.Id)).Where(r => r.StartedAt >= since).ToList();
        Assert.Equal(2, runs.Count);
        var second = ImportRunSummary.Parse(runs[1].SummaryJson)!;
        Assert.Equal(ImportRunStatus.Applied, runs[1].Status);
        Assert.Empty(second.Changes);
        Assert.Empty(await SyncMailsAsync(since));
    }

    [Fact]
    public async Task Pass_SyncOff_DoesNothing()
    {
        await OnlyAsync(DemoData.MittkopingSlug);
        await ConnectAsync(DemoData.MittkopingSlug, false);
        var requests = app.Source.Requests.Count;

        Assert.Equal(new Ss12000SyncJob.PassResult(0, 0), await PassAsync());
        Assert.Equal(requests, app.Source.Requests.Count);
    }

    [Fact]
    public async Task Pass_SourceRefusesOneOrganizer_FailedRunAndAMailToEachOfItsAdmins_TheOtherStillSyncs()
    {
        await OnlyAsync(DemoData.MittkopingSlug, token: "wrong-token");
        await ConnectAsync(DemoData.LarandeNorrSlug, true);
        var (mittkoping, larande) = (await OrganizerAsync(DemoData.MittkopingSlug), await OrganizerAsync(DemoData.LarandeNorrSlug));
        var english = await app.CreateUserWithPasswordAsync($"admin.{Guid.NewGuid():N}@mittkoping.example", "Very-long-passw0rd!", Role.OrganizerAdmin);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == english.Id)).Language = "en";
            return await db.SaveChangesAsync();
        });
        var (_, _, code) = await SourceOfAsync(DemoData.LarandeNorrSlug);
        var since = Now;

        Assert.Equal(new Ss12000SyncJob.PassResult(1, 1), await PassAsync());

        var failed = Assert.Single(await ScheduledRunsAsync(mittkoping.Id), r => r.StartedAt >= since);
        Assert.Equal(ImportRunStatus.Failed, failed.Status);
        Assert.Equal("Ss12000.Unauthorized", failed.ErrorCode);
        Assert.True(await app.IsStoredAsync<OrganisationUnit>(u => u.OrganizerId == larande.Id && u.SchoolUnitCode == code));
        Assert.Equal(ImportRunStatus.Applied, Assert.Single(await ScheduledRunsAsync(larande.Id), r => r.StartedAt >= since).Status);

        var admins = await AdminEmailsAsync(mittkoping.Id);
        var mails = await SyncMailsAsync(since);
        Assert.Equal(admins.Order(StringComparer.OrdinalIgnoreCase), mails.Select(m => m.To).Order(StringComparer.OrdinalIgnoreCase));
        var inEnglish = Assert.Single(mails, m => m.To == english.Email);
        Assert.Equal("Ensa: The SS 12000 sync failed", inEnglish.Subject);
        Assert.Contains($"{EnsaAppFactory.PublicUrl}/Admin/MasterData?run={failed.Id}", inEnglish.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("misslyckades", inEnglish.TextBody, StringComparison.Ordinal);
        Assert.All(mails.Where(m => m != inEnglish), m => Assert.Equal("Ensa: SS 12000-synkroniseringen misslyckades", m.Subject));
    }

    [Fact]
    public async Task Pass_SourceFails_FailedRunNothingChangedAndMailed()
    {
        await OnlyAsync(DemoData.MittkopingSlug);
        var organizer = await OrganizerAsync(DemoData.MittkopingSlug);
        var (_, _, code) = await SourceOfAsync(DemoData.MittkopingSlug);
        app.Source.Failing.Add("duties");
        var since = Now;

        Assert.Equal(new Ss12000SyncJob.PassResult(0, 1), await PassAsync());

        var run = Assert.Single(await ScheduledRunsAsync(organizer.Id), r => r.StartedAt >= since);
        Assert.Equal((ImportRunStatus.Failed, "Ss12000.HttpFailed"), (run.Status, run.ErrorCode));
        Assert.False(await app.IsStoredAsync<OrganisationUnit>(u => u.SchoolUnitCode == code));
        var mail = Assert.Single(await SyncMailsAsync(since), m => m.Subject.EndsWith("misslyckades", StringComparison.Ordinal));
        Assert.Contains("500", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pass_RecordsSkipped_AppliedAndMailedWithCountsPerReason()
    {
        await OnlyAsync(DemoData.MittkopingSlug);
        var organizer = await OrganizerAsync(DemoData.MittkopingSlug);
        var (data, unit, code) = await SourceOfAsync(DemoData.MittkopingSlug);
        data.Duty("not-sent-1", unit["id"], "Rektor");
        data.Duty("not-sent-2", unit["id"], "Rektor");
        var since = Now;

        Assert.Equal(new Ss12000SyncJob.PassResult(1, 0), await PassAsync());

        Assert.True(await app.IsStoredAsync<OrganisationUnit>(u => u.OrganizerId == organizer.Id && u.SchoolUnitCode == code));
        var run = Assert.Single(await ScheduledRunsAsync(organizer.Id), r => r.StartedAt >= since);
        Assert.Equal(2, ImportRunSummary.Parse(run.SummaryJson)!.Skipped.Count);
        var mails = await SyncMailsAsync(since);
        Assert.Equal((await AdminEmailsAsync(organizer.Id)).Count, mails.Count);
        // An admin of another test reads English; the rest Swedish.
        Assert.All(mails.Where(m => !m.Subject.StartsWith("Ensa: The ", StringComparison.Ordinal)), m =>
        {
            Assert.Equal("Ensa: SS 12000-synkroniseringen hoppade över 2 poster", m.Subject);
            Assert.Contains("2 × duty: uppdrag för en person som källan inte skickade", m.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/Admin/MasterData?run={run.Id}", m.TextBody, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Pass_AnotherNodeHoldsTheLease_DoesNotRun()
    {
        await OnlyAsync(DemoData.MittkopingSlug);
        await SourceOfAsync(DemoData.MittkopingSlug);
        var organizer = await OrganizerAsync(DemoData.MittkopingSlug);
        var since = Now;
        await using var scope = app.Services.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<LeaseStore>();
        Assert.True(await leases.TryAcquireAsync(Ss12000SyncJob.LeaseName, TimeSpan.FromMinutes(5), CancellationToken.None, "node-a"));

        Assert.Null(await PassAsync("node-b"));
        Assert.DoesNotContain(await ScheduledRunsAsync(organizer.Id), r => r.StartedAt >= since);

        await leases.ReleaseAsync(Ss12000SyncJob.LeaseName, CancellationToken.None, "node-a");
        Assert.Equal(new Ss12000SyncJob.PassResult(1, 0), await PassAsync("node-b"));
    }
}
