using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ensa.Jobs;

/// <summary>A background job that runs one pass every <see cref="Interval"/> under the database lease named
/// <see cref="Name"/>, so with several app nodes only one runs a pass at a time. Each pass gets a fresh DI scope (its
/// own DbContext); a failing pass is logged and the next runs as planned.</summary>
public abstract class LeasedJob<TResult>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The lease's name in the JobLeases table.</summary>
    public abstract string Name { get; }

    /// <summary>This node as the lease holder (a test plays several nodes in one process).</summary>
    public string Node { get; init; } = LeaseStore.NodeName;

    protected TimeProvider Clock => clock;
    protected ILogger Logger => logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>The wait before the first pass, e.g. to stay out of start-up (migrations, demo data).</summary>
    protected virtual TimeSpan FirstRun => TimeSpan.Zero;

    /// <summary>A node that dies holding the lease blocks the job this long. A running pass renews it every
    /// <see cref="RenewInterval"/>, so a pass may take longer.</summary>
    protected virtual TimeSpan LeaseDuration => TimeSpan.FromMinutes(5);

    protected virtual TimeSpan RenewInterval => LeaseDuration / 3;

    /// <summary>One pass, in its own scope, while this node holds the lease.</summary>
    protected abstract Task<TResult> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Runs one pass if this node (or <paramref name="holder"/>) gets the lease; default when another node holds it.</summary>
    public async Task<TResult?> RunOnceAsync(CancellationToken cancellationToken, string? holder = null)
    {
        holder ??= Node;
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<LeaseStore>();
        if (!await leases.TryAcquireAsync(Name, LeaseDuration, cancellationToken, holder)) return default;
        using var pass = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(holder, pass);
        try
        {
            return await RunPassAsync(scope.ServiceProvider, pass.Token);
        }
        finally
        {
            await pass.CancelAsync();
            await renewing;
            await leases.ReleaseAsync(Name, CancellationToken.None, holder);
        }
    }

    /// <summary>Renews the lease until the pass ends. A lease lost all the same (renewals failed for longer than the lease,
    /// and another node took it) stops the pass, so two nodes never go on at once.</summary>
    private async Task RenewAsync(string holder, CancellationTokenSource pass)
    {
        using var timer = new PeriodicTimer(RenewInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(pass.Token))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (await scope.ServiceProvider.GetRequiredService<LeaseStore>().RenewAsync(Name, LeaseDuration, pass.Token, holder)) continue;
                    logger.LogWarning("Job {Job} lost its lease: the pass stops", Name);
                    await pass.CancelAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Job {Job} could not renew its lease", Name);
                }
            }
        }
        catch (OperationCanceledException) when (pass.IsCancellationRequested)
        {
            // The pass is over.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRun, clock, stoppingToken);
            using var timer = new PeriodicTimer(Interval, clock);
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                // A pass's own timeout is a failure like any other; only stopping ends the loop.
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Job {Job} failed", Name);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the lease was given back by the pass's finally.
        }
    }
}

public static class LeasedJobRegistration
{
    /// <summary>The job as a singleton (tests and pages can run a pass) that the host also runs in the background.</summary>
    public static IServiceCollection AddLeasedJob<TJob>(this IServiceCollection services) where TJob : class, IHostedService
    {
        services.AddSingleton<TJob>();
        return services.AddHostedService(sp => sp.GetRequiredService<TJob>());
    }
}
