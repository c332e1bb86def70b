using Ensa.Data;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.MasterData;
using Ensa.Web.MasterData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ensa.Web.Jobs;

/// <summary>The daily SS 12000 sync: each pass reads the API of every organizer whose connection has the sync on and
/// whose last scheduled run is due, applies the import with the same rules as the page, and logs the run. A run that
/// fails or skips records is mailed to the organizer's admins. One organizer at a time, each in its own scope, so one
/// failure leaves the others alone.</summary>
public sealed class Ss12000SyncJob(IServiceScopeFactory scopes, IOptions<Ss12000Options> options, TimeProvider clock,
    ILogger<Ss12000SyncJob> logger) : LeasedJob<Ss12000SyncJob.PassResult>(scopes, clock, logger)
{
    public const string LeaseName = "ss12000-sync";

    public sealed record PassResult(int Applied, int Failed);

    public override string Name => LeaseName;
    protected override TimeSpan Interval => options.Value.SyncCheckInterval;
    protected override TimeSpan FirstRun => options.Value.SyncFirstRun;
    // A pass over many organizers (each read may take the HTTP timeout, or more over many pages) outlives this: LeasedJob
    // renews the lease while it runs, so this is only how long a node that died holding it blocks the sync.
    protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(10);

    protected override async Task<PassResult> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<EnsaDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var recent = now - options.Value.SyncAfter;
        // Every organizer's settings: the job works for all tenants.
        var due = await db.Ss12000Settings.IgnoreQueryFilters()
            .Where(s => s.DailySync && !db.ImportRuns.IgnoreQueryFilters()
                .Any(r => r.OrganizerId == s.OrganizerId && r.Source == ImportSource.Scheduled && r.StartedAt > recent))
            .Select(s => s.OrganizerId).ToListAsync(cancellationToken);
        var (applied, failed) = (0, 0);
        foreach (var organizerId in due)
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            try
            {
                if (await SyncAsync(scope.ServiceProvider, organizerId, cancellationToken)) applied++;
                else failed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not even the failed run could be logged (e.g. the database): the next pass tries again.
                logger.LogError(ex, "SS 12000 sync of organizer {OrganizerId} failed", organizerId);
                failed++;
            }
        }
        return new PassResult(applied, failed);
    }

    /// <summary>Reads, applies and logs one organizer's sync, with its mail; false when the run failed.</summary>
    private async Task<bool> SyncAsync(IServiceProvider services, Guid organizerId, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<EnsaDbContext>();
        var run = ImportRun.FromSchedule(organizerId, Clock.GetUtcNow().UtcDateTime);
        DomainError? error;
        try
        {
            var settings = await db.Ss12000Settings.IgnoreQueryFilters().SingleAsync(s => s.OrganizerId == organizerId, cancellationToken);
            var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(Ss12000Options.HttpClient);
            var snapshot = await Ss12000Source.ReadAsync(http, services.GetRequiredService<Ss12000Secrets>().Connection(settings), cancellationToken);
            var (result, summary) = await Ss12000Import.RunAsync(db, organizerId, snapshot, Clock.GetUtcNow().UtcDateTime, cancellationToken);
            error = result.Error;
            if (summary is not null)
            {
                var now = Clock.GetUtcNow().UtcDateTime;
                run.Previewed(summary, now);
                run.Applied(summary, null, now);
            }
        }
        catch (Ss12000Exception e)
        {
            error = e.Error;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "SS 12000 sync of organizer {OrganizerId} failed", organizerId);
            error = new DomainError("MasterData.SyncError");
        }
        if (error is not null)
        {
            // Nothing of a failed run is applied.
            db.ChangeTracker.Clear();
            run.Failed(error, Clock.GetUtcNow().UtcDateTime);
        }
        db.ImportRuns.Add(run);
        var skipped = ImportRunSummary.Parse(run.SummaryJson)?.Skipped ?? [];
        if (error is not null || skipped.Count > 0)
        {
            var admins = await db.Memberships.IgnoreQueryFilters()
                .Where(m => m.OrganizerId == organizerId && m.Role == Role.OrganizerAdmin)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email).ToListAsync(cancellationToken);
            await services.GetRequiredService<MailComposer>().QueueAsync(db, new Ss12000SyncMail(error, skipped, run.Id), admins,
                Clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        // The import's changes, its run and its mail in one save.
        await db.SaveChangesAsync(CancellationToken.None);
        return error is null;
    }
}
