using Ensa.Data;
using Ensa.MasterData;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ensa.Web.MasterData;

/// <summary>Configuration section "Ss12000".</summary>
public sealed class Ss12000Options
{
    public const string Section = "Ss12000";
    /// <summary>The named <see cref="HttpClient"/> for SS 12000 sources (page and command line).</summary>
    public const string HttpClient = "Ss12000";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
    /// <summary>The largest uploaded response file.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
    /// <summary>A run in progress without a sign of life for this long has lost its worker and is shown as failed.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How often the worker looks for queued runs (a run queued on this node wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How often a run being read writes its progress (and so shows it is alive).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How often an organizer with the daily sync on is synced.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromDays(1);
    /// <summary>How often the sync job looks for organizers that are due.</summary>
    public TimeSpan SyncCheckInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>The sync job's wait after start-up (migrations, demo data) before its first look.</summary>
    public TimeSpan SyncFirstRun { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after a scheduled run the next is due: half a check early, so the daily time does not creep by a
    /// check each day.</summary>
    public TimeSpan SyncAfter => SyncInterval - SyncCheckInterval / 2;
}

/// <summary>The token and client secret of an SS 12000 connection, protected with data protection (the key ring is shared
/// by every node through the database).</summary>
public sealed class Ss12000Secrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Ensa.MasterData.Ss12000Connection.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The stored token when there is one, else the client credentials.</summary>
    public Ss12000Connection Connection(Ss12000Settings s) => s.ProtectedToken is { } token
        ? new Ss12000Connection(new Uri(s.BaseUrl), _protector.Unprotect(token))
        : new Ss12000Connection(new Uri(s.BaseUrl), null, s.TokenUrl is null ? null : new Uri(s.TokenUrl), s.ClientId,
            s.ProtectedClientSecret is null ? null : _protector.Unprotect(s.ProtectedClientSecret));
}

/// <summary>Reads and plans queued import runs in the background, and applies the previews an admin chose to apply, one
/// at a time per node; a conditional update claims a run, so two nodes never take the same one. The plan is a preview:
/// only the run (its progress, summary and snapshot) is saved. The apply makes the previewed changes, from the snapshot, as
/// the admin who asked.</summary>
public sealed class ImportRunWorker(IServiceScopeFactory scopes, IHttpClientFactory httpClients, IOptions<Ss12000Options> options,
    TimeProvider clock, ILogger<ImportRunWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>A run was queued on this node: look now rather than at the next poll.</summary>
    public void Wake() => _wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken)) { }
                await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "SS 12000 import worker failed");
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Claims the oldest queued run and plans it (or applies it); false when none is queued.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnsaDbContext>();
        var next = await db.ImportRuns.IgnoreQueryFilters()
            .Where(r => r.Status == ImportRunStatus.Queued || r.Status == ImportRunStatus.ApplyQueued)
            .OrderBy(r => r.StartedAt).Select(r => new { r.Id, r.Status }).FirstOrDefaultAsync(cancellationToken);
        if (next is null) return false;
        var (now, apply) = (clock.GetUtcNow().UtcDateTime, next.Status == ImportRunStatus.ApplyQueued);
        var claimed = await db.ImportRuns.IgnoreQueryFilters().Where(r => r.Id == next.Id && r.Status == next.Status).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, apply ? ImportRunStatus.Applying : ImportRunStatus.Reading).SetProperty(r => r.UpdatedAt, now),
            cancellationToken);
        if (claimed == 1 && apply) await ApplyAsync(scope.ServiceProvider, next.Id, cancellationToken);
        else if (claimed == 1) await PlanAsync(db, scope.ServiceProvider.GetRequiredService<Ss12000Secrets>(), next.Id, cancellationToken);
        return true;
    }

    /// <summary>Makes the previewed changes from the stored snapshot and marks the run applied, in one save; the audit log
    /// names the admin who applied it (FinishedBy, set when the page claimed the run).</summary>
    private async Task ApplyAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        var run = await services.GetRequiredService<EnsaDbContext>().ImportRuns.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.Id == id, cancellationToken);
        var name = await services.GetRequiredService<EnsaDbContext>().Users.Where(u => u.Id == run.FinishedBy)
            .Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        await using var db = new EnsaDbContext(services.GetRequiredService<DbContextOptions<EnsaDbContext>>(),
            new FixedSession(run.FinishedBy, name, run.OrganizerId), clock);
        run = await db.ImportRuns.SingleAsync(r => r.Id == id, cancellationToken);
        var progress = new LatestProgress();
        progress.Report(new Ss12000Progress(run.ListsRead, run.RecordsRead));
        using var applying = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(id, progress, applying.Token);
        DomainError? refused;
        try
        {
            var (result, summary) = await Ss12000Import.RunAsync(db, run.OrganizerId, run.Snapshot!, clock.GetUtcNow().UtcDateTime, cancellationToken);
            refused = result.Error;
            if (refused is null)
            {
                run.Applied(summary!, run.FinishedBy, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        catch (DbUpdateException e)
        {
            logger.LogError(e, "SS 12000 apply of run {RunId} failed", id);
            refused = new DomainError("MasterData.SyncError");
        }
        finally
        {
            await applying.CancelAsync();
            await heartbeat;
        }
        if (refused is null) return;
        db.ChangeTracker.Clear();
        run = await db.ImportRuns.SingleAsync(r => r.Id == id, CancellationToken.None);
        run.Failed(refused, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task PlanAsync(EnsaDbContext db, Ss12000Secrets secrets, Guid id, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.IgnoreQueryFilters().SingleAsync(r => r.Id == id, cancellationToken);
        Ss12000Snapshot? snapshot = null;
        ImportSummary? summary = null;
        DomainError? refused;
        try
        {
            snapshot = run.Snapshot ?? await ReadAsync(db, secrets, run, cancellationToken);
            (var result, summary) = await Ss12000Import.RunAsync(db, run.OrganizerId, snapshot, clock.GetUtcNow().UtcDateTime, cancellationToken);
            refused = result.Error;
        }
        catch (Ss12000Exception e)
        {
            refused = e.Error;
        }
        // A preview: the planned changes are dropped, only the run is kept.
        db.ChangeTracker.Clear();
        run = await db.ImportRuns.IgnoreQueryFilters().SingleAsync(r => r.Id == id, CancellationToken.None);
        if (refused is not null) run.Failed(refused, clock.GetUtcNow().UtcDateTime);
        else
        {
            if (run.SnapshotJson is null) run.KeepSnapshot(snapshot!);
            run.Previewed(summary!, clock.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<Ss12000Snapshot> ReadAsync(EnsaDbContext db, Ss12000Secrets secrets, ImportRun run, CancellationToken cancellationToken)
    {
        var settings = await db.Ss12000Settings.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.OrganizerId == run.OrganizerId, cancellationToken)
            ?? throw new Ss12000Exception(new DomainError("MasterData.NotConnected"));
        var progress = new LatestProgress();
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(run.Id, progress, reading.Token);
        try
        {
            return await Ss12000Source.ReadAsync(httpClients.CreateClient(Ss12000Options.HttpClient), secrets.Connection(settings), progress,
                cancellationToken);
        }
        finally
        {
            await reading.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>Writes the latest progress to the run while it is read or applied: what any node's page shows, and the sign
    /// of life.</summary>
    private async Task HeartbeatAsync(Guid id, LatestProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.ProgressInterval, clock);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<EnsaDbContext>();
                var (lists, records, now) = (progress.Value.ListsRead, progress.Value.RecordsRead, clock.GetUtcNow().UtcDateTime);
                await db.ImportRuns.IgnoreQueryFilters().Where(r => r.Id == id && (r.Status == ImportRunStatus.Reading || r.Status == ImportRunStatus.Applying))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.ListsRead, lists).SetProperty(r => r.RecordsRead, records)
                        .SetProperty(r => r.UpdatedAt, now), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Reading is over.
        }
    }

    private sealed class LatestProgress : IProgress<Ss12000Progress>
    {
        private volatile Ss12000Progress _value = new(0, 0);
        public Ss12000Progress Value => _value;
        public void Report(Ss12000Progress value) => _value = value;
    }
}

public static class Ss12000Uploads
{
    /// <summary>The master-data page takes three response files of up to Ss12000:MaxFileBytes each, more than any other
    /// form: its requests get that room before the form is read (RequestSize answers 413 above it).</summary>
    public static IApplicationBuilder UseSs12000UploadSize(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/Admin/MasterData", StringComparison.OrdinalIgnoreCase)
            && context.Request.HasFormContentType)
        {
            var limit = 3 * context.RequestServices.GetRequiredService<IOptions<Ss12000Options>>().Value.MaxFileBytes + 1024 * 1024;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
        await next();
    });
}
