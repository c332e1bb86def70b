using Ensa.Jobs;
using Ensa.Mail;
using Ensa.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>The app with SMTP unreachable: nothing in the outbox may be lost.</summary>
public sealed class SmtpDownAppFactory : EnsaAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:PickupDirectory", "");
        builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Mail:SmtpPort", "9"); // discard port: nothing listens
        builder.UseSetting("Mail:SmtpSecurity", "None");
    }
}

public sealed class OutboxTests(SmtpDownAppFactory app) : IClassFixture<SmtpDownAppFactory>
{
    [Fact]
    public async Task Outbox_SmtpDown_KeepsTheMessageAndRetriesLater()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var message = new OutboxMessage("someone@mittkoping.example", "Ämne", "Text", null, app.Clock.GetUtcNow().UtcDateTime);
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        // A pass takes 50 messages, oldest first, and the demo data has queued more: pass until ours was tried. Every pass
        // sends nothing, and a message that failed waits, so no message is tried twice.
        OutboxMessage stored;
        var passes = 0;
        do
        {
            Assert.Equal(0, await app.DispatchMailAsync());
            stored = await app.StoredAsync<OutboxMessage>(m => m.Id == id);
        } while (stored.Attempts == 0 && ++passes < 20);
        Assert.Null(stored.SentAt);
        Assert.Equal(1, stored.Attempts);
        Assert.NotNull(stored.LastError);
        Assert.True(stored.NextAttemptAt > app.Clock.GetUtcNow().UtcDateTime);
    }
}

public sealed class LeaseTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public async Task Lease_TwoNodesAtOnce_OnlyOneGetsIt()
    {
        await LeaseAssertions.OnlyOneNodeHoldsALeaseAsync(app);
    }
}

internal static class LeaseAssertions
{
    public static async Task OnlyOneNodeHoldsALeaseAsync(EnsaAppFactory app)
    {
        var name = "test-" + Guid.NewGuid().ToString("N");
        async Task<bool> TryAsync(string node, TimeSpan duration)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<LeaseStore>();
            return await leases.TryAcquireAsync(name, duration, CancellationToken.None, node);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => TryAsync($"node-{i}", TimeSpan.FromMinutes(5))));
        Assert.Single(results, r => r);
        var holder = (await app.StoredAsync<JobLease>(l => l.Name == name)).Holder;
        Assert.True(await TryAsync(holder!, TimeSpan.FromMinutes(5)), "the holder renews its own lease");
        Assert.False(await TryAsync("other", TimeSpan.FromMinutes(5)));

        app.Clock.Offset = TimeSpan.FromMinutes(6);
        try
        {
            Assert.True(await TryAsync("other", TimeSpan.FromMinutes(5)), "an expired lease passes to another node");
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }
}
