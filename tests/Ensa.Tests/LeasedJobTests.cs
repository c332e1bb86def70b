using Ensa.Jobs;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ensa.Tests;

/// <summary>The leased-job base on the real database: of two nodes one runs a pass at a time, a failing pass does not
/// stop the next, and stopping gives the lease back.</summary>
public sealed class LeasedJobTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    /// <summary>A job whose passes are scripted: each takes the next step (or succeeds once the script ends).</summary>
    private sealed class ScriptedJob(IServiceScopeFactory scopes, TimeProvider clock, string name, Func<int, CancellationToken, Task> step)
        : LeasedJob<int>(scopes, clock, NullLogger.Instance)
    {
        private int _passes;
        public int Passes => _passes;
        public override string Name => name;
        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(20);
        // A minute of the test clock, renewed often on the real one (the test moves its clock past the minute).
        protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(1);
        protected override TimeSpan RenewInterval => TimeSpan.FromMilliseconds(50);

        protected override async Task<int> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var pass = Interlocked.Increment(ref _passes);
            await step(pass, cancellationToken);
            return pass;
        }
    }

    private ScriptedJob Job(string name, string node, Func<int, CancellationToken, Task> step) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock, name, step) { Node = node };

    private static string NewName() => "test-" + Guid.NewGuid().ToString("N");

    private Task<string?> HolderAsync(string name) => app.WithDbAsync(db => db.JobLeases.Where(l => l.Name == name).Select(l => l.Holder).SingleAsync());

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(20);
        Assert.True(condition(), "timed out");
    }

    [Fact]
    public async Task RunOnce_TwoNodesOneLease_OnlyOnePassRuns()
    {
        var name = NewName();
        var gate = new TaskCompletionSource();
        var a = Job(name, "node-a", (_, _) => gate.Task);
        var b = Job(name, "node-b", (_, _) => Task.CompletedTask);

        var running = a.RunOnceAsync(CancellationToken.None);
        await UntilAsync(() => a.Passes == 1);
        Assert.Equal("node-a", await HolderAsync(name));
        Assert.Equal(0, await b.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, b.Passes);

        gate.SetResult();
        Assert.Equal(1, await running);
        Assert.Null(await HolderAsync(name));
        Assert.Equal(1, await b.RunOnceAsync(CancellationToken.None)); // given back: the other node may run now
    }

    [Fact]
    public async Task RunOnce_PassOutlivesTheLeaseDuration_LeaseRenewedSoTheOtherNodeWaits()
    {
        var name = NewName();
        var gate = new TaskCompletionSource();
        var a = Job(name, "node-a", (_, _) => gate.Task);
        var b = Job(name, "node-b", (_, _) => Task.CompletedTask);
        var running = a.RunOnceAsync(CancellationToken.None);
        await UntilAsync(() => a.Passes == 1);

        // Two minutes on: the lease as first taken has run out; the renewals keep it ahead of the clock.
        app.Clock.Offset += TimeSpan.FromMinutes(2);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 100 && await ExpiresAtAsync(name) <= now; i++) await Task.Delay(20);

        Assert.True(await ExpiresAtAsync(name) > now);
        Assert.Equal(0, await b.RunOnceAsync(CancellationToken.None));
        Assert.Equal(("node-a", 0), (await HolderAsync(name), b.Passes));
        gate.SetResult();
        Assert.Equal(1, await running);
        Assert.Equal(1, await b.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunOnce_LeaseTakenByAnotherNode_PassStopped()
    {
        var name = NewName();
        var a = Job(name, "node-a", (_, cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken));
        var running = a.RunOnceAsync(CancellationToken.None);
        await UntilAsync(() => a.Passes == 1);

        // The lease ran out without renewal (the database was away) and node b took it.
        await app.WithDbAsync(db => db.JobLeases.Where(l => l.Name == name).ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "node-b")));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal("node-b", await HolderAsync(name));
    }

    private Task<DateTime> ExpiresAtAsync(string name) => app.WithDbAsync(db => db.JobLeases.Where(l => l.Name == name).Select(l => l.ExpiresAt).SingleAsync());

    [Fact]
    public async Task Loop_TwoNodes_NeverRunAPassAtOnce()
    {
        var name = NewName();
        var (running, overlapped) = (0, false);
        async Task Step(int pass, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref running) > 1) overlapped = true;
            try { await Task.Delay(30, cancellationToken); }
            finally { Interlocked.Decrement(ref running); }
        }
        var (a, b) = (Job(name, "node-a", Step), Job(name, "node-b", Step));
        await Task.WhenAll(a.StartAsync(CancellationToken.None), b.StartAsync(CancellationToken.None));
        await UntilAsync(() => a.Passes + b.Passes >= 10);
        await Task.WhenAll(a.StopAsync(CancellationToken.None), b.StopAsync(CancellationToken.None));
        Assert.False(overlapped);
        Assert.Null(await HolderAsync(name));
    }

    [Fact]
    public async Task Loop_FailingPasses_DoNotStopTheNext_StopIsClean()
    {
        var name = NewName();
        var job = Job(name, "node-a", (pass, cancellationToken) => pass switch
        {
            1 => throw new InvalidOperationException("the database is away"),
            2 => throw new TaskCanceledException("a pass's own timeout"),
            3 => Task.CompletedTask,
            _ => Task.Delay(Timeout.Infinite, cancellationToken), // still working when the host stops
        });
        await job.StartAsync(CancellationToken.None);
        await UntilAsync(() => job.Passes >= 4);
        await job.StopAsync(CancellationToken.None);
        Assert.True(job.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Null(await HolderAsync(name));
    }
}
