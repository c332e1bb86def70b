using Ensa.Mail;
using Ensa.Tests.Infrastructure;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The app sending through an SMTP server (a fake one on loopback) with credentials, as in production.</summary>
public sealed class SmtpAppFactory : EnsaAppFactory
{
    public FakeSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:PickupDirectory", "");
        builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Mail:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:SmtpEnableSsl", "false");
        builder.UseSetting("Mail:SmtpUserName", "ensa-relay");
        builder.UseSetting("Mail:SmtpPassword", "relay secret");
    }

    /// <summary>Starts with the demo data's mail sent, so each test counts only its own.</summary>
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await DispatchMailAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

public sealed class MailDeliveryTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    private async Task<List<Guid>> QueueAsync(params string[] to) => await app.WithDbAsync(async db =>
    {
        var messages = to.Select((address, i) => new OutboxMessage(address, $"Ämne {i} – {Guid.NewGuid():N}", $"Hej {address}!\nÅterkoppling följer.",
            null, app.Clock.GetUtcNow().UtcDateTime)).ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    });

    [Fact]
    public async Task Dispatch_SeveralDue_SignsInOnceAndSendsThemOverOneConnection()
    {
        var ids = await QueueAsync("a@mittkoping.example", "b@mittkoping.example", "c@mittkoping.example");
        var connections = app.Smtp.Connections;

        Assert.Equal(3, await app.DispatchMailAsync());

        Assert.Equal(connections + 1, app.Smtp.Connections);
        Assert.Contains("ensa-relay relay secret", app.Smtp.Logins);
        var sent = app.Smtp.Messages.Where(m => ids.Any(id => m.MessageId == $"{id:N}@localhost")).ToList();
        Assert.Equal(["a@mittkoping.example", "b@mittkoping.example", "c@mittkoping.example"],
            sent.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        var first = sent.Single(m => m.To.Mailboxes.Single().Address == "a@mittkoping.example");
        Assert.StartsWith("Ämne 0 – ", first.Subject ?? "", StringComparison.Ordinal);
        Assert.Equal("Hej a@mittkoping.example!\nÅterkoppling följer.", first.TextBody?.ReplaceLineEndings("\n").TrimEnd());
        Assert.Equal("ensa@localhost", first.From.Mailboxes.Single().Address);
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).AllAsync(m => m.SentAt != null)));
    }

    [Fact]
    public async Task Dispatch_ServerRefusesOneRecipient_SendsTheOthersOnTheSameConnectionAndRetriesThatOneLater()
    {
        app.Smtp.Rejected["nobody@mittkoping.example"] = true;
        var ids = await QueueAsync("d@mittkoping.example", "nobody@mittkoping.example", "e@mittkoping.example");
        var connections = app.Smtp.Connections;

        Assert.Equal(2, await app.DispatchMailAsync());

        Assert.Equal(connections + 1, app.Smtp.Connections);
        var refused = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == ids[1]));
        Assert.Null(refused.SentAt);
        Assert.Equal(1, refused.Attempts);
        Assert.Contains("No such user", refused.LastError, StringComparison.Ordinal);
        Assert.True(refused.NextAttemptAt > app.Clock.GetUtcNow().UtcDateTime);
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == ids[0] || m.Id == ids[2]).AllAsync(m => m.SentAt != null)));
    }

    [Theory]
    [InlineData(true, 587, SecureSocketOptions.StartTls)]
    [InlineData(true, 465, SecureSocketOptions.SslOnConnect)]
    [InlineData(false, 25, SecureSocketOptions.None)]
    public void Security_FromSmtpEnableSslAndPort(bool enableSsl, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, MailDelivery.Security(new MailOptions { SmtpEnableSsl = enableSsl, SmtpPort = port }));
}
