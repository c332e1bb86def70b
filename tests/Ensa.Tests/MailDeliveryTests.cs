using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ensa.Mail;
using Ensa.Tests.Infrastructure;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ensa.Tests;

/// <summary>The app sending through an SMTP server (a fake one on loopback) with credentials, as in production: by
/// STARTTLS, the server's self-signed certificate pinned by its SHA-256 hash as for an internal relay.</summary>
public sealed class SmtpAppFactory : EnsaAppFactory
{
    public SmtpAppFactory() => Smtp = new() { Certificate = Pinned };

    public X509Certificate2 Pinned { get; } = SelfSigned();
    public FakeSmtpServer Smtp { get; }
    public ConcurrentQueue<string> Warnings { get; } = new();

    public static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=smtp.mittkoping.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Loaded again from PKCS#12 so that the server side can use its private key on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:PickupDirectory", "");
        builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Mail:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:SmtpUserName", "ensa-relay");
        builder.UseSetting("Mail:SmtpPassword", "relay secret");
        // With colons, as a certificate viewer shows it.
        builder.UseSetting("Mail:SmtpCertificateThumbprint",
            string.Join(':', Pinned.GetCertHashString(HashAlgorithmName.SHA256).Chunk(2).Select(pair => new string(pair))));
        builder.ConfigureLogging(logging => logging.AddProvider(new WarningsProvider(Warnings)));
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
        Pinned.Dispose();
    }

    private sealed class WarningsProvider(ConcurrentQueue<string> warnings) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) warnings.Enqueue(formatter(state, exception));
        }
        public void Dispose() { }
    }
}

public sealed class MailDeliveryTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    /// <summary>Queues one message to each of <paramref name="to"/>, after sending what was due (the demo data's own mail),
    /// so the next pass has these only.</summary>
    private async Task<List<Guid>> QueueAsync(params string[] to)
    {
        while (await app.DispatchMailAsync() > 0) { }
        return await app.WithDbAsync(async db =>
        {
            var messages = to.Select((address, i) => new OutboxMessage(address, $"Ämne {i} – {Guid.NewGuid():N}", $"Hej {address}!\nÅterkoppling följer.",
                null, app.Clock.GetUtcNow().UtcDateTime)).ToList();
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
            return messages.Select(m => m.Id).ToList();
        });
    }

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

    [Fact]
    public async Task Dispatch_ServerPresentsThePinnedSelfSignedCertificate_DeliversOverStartTls()
    {
        var ids = await QueueAsync("tls@mittkoping.example");

        Assert.Equal(1, await app.DispatchMailAsync());

        Assert.Contains(app.Smtp.EncryptedMessages, m => m.MessageId == $"{ids[0]:N}@localhost");
        Assert.NotNull((await app.StoredAsync<OutboxMessage>(m => m.Id == ids[0])).SentAt);
    }

    [Fact]
    public async Task Dispatch_ServerPresentsAnotherSelfSignedCertificate_SendsNothingKeepsTheMessageAndLogsWhy()
    {
        using var other = SmtpAppFactory.SelfSigned();
        app.Smtp.Certificate = other;
        try
        {
            var ids = await QueueAsync("untrusted@mittkoping.example");
            var logins = app.Smtp.Logins.Count;

            Assert.Equal(0, await app.DispatchMailAsync());

            Assert.DoesNotContain(app.Smtp.Messages, m => m.MessageId == $"{ids[0]:N}@localhost");
            Assert.Equal(logins, app.Smtp.Logins.Count);
            var stored = await app.StoredAsync<OutboxMessage>(m => m.Id == ids[0]);
            Assert.Null(stored.SentAt);
            Assert.Equal(1, stored.Attempts);
            Assert.True(stored.NextAttemptAt > app.Clock.GetUtcNow().UtcDateTime);
            var thumbprint = other.GetCertHashString(HashAlgorithmName.SHA256);
            Assert.Contains($"certificate (CN=smtp.mittkoping.example, SHA-256 {thumbprint}) is not trusted (RemoteCertificateNameMismatch, RemoteCertificateChainErrors)",
                stored.LastError, StringComparison.Ordinal);
            Assert.Contains(app.Warnings, line => line.Contains($"{ids[0]}", StringComparison.Ordinal) && line.Contains(thumbprint, StringComparison.Ordinal));
        }
        finally
        {
            app.Smtp.Certificate = app.Pinned;
        }
    }

    [Fact]
    public async Task Send_ServerDoesNotOfferStartTls_RefusesRatherThanSendInPlainText()
    {
        using var plain = new FakeSmtpServer();
        await using var batch = Delivery(plain, SmtpSecurity.Auto).Open();

        var refused = await Assert.ThrowsAsync<MailDeliveryException>(() => batch.SendAsync(Message(), CancellationToken.None));

        Assert.Contains("STARTTLS", refused.Message, StringComparison.Ordinal);
        Assert.Empty(plain.Messages);
    }

    [Fact]
    public async Task Send_CredentialsWithoutEncryption_DoesNotSignInOrSend()
    {
        using var plain = new FakeSmtpServer();
        await using var batch = Delivery(plain, SmtpSecurity.None, user: "ensa-relay").Open();

        var refused = await Assert.ThrowsAsync<MailDeliveryException>(() => batch.SendAsync(Message(), CancellationToken.None));

        Assert.Contains("the password is not sent in plain text", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, plain.Connections);
        Assert.Empty(plain.Logins);
    }

    [Fact]
    public async Task Send_NoneWithoutCredentials_SendsInPlainTextToALocalRelay()
    {
        using var plain = new FakeSmtpServer();
        await using var batch = Delivery(plain, SmtpSecurity.None).Open();

        await batch.SendAsync(Message(), CancellationToken.None);

        Assert.Single(plain.Messages);
    }

    private static MailDelivery Delivery(FakeSmtpServer server, SmtpSecurity security, string? user = null) =>
        new(Options.Create(new MailOptions
        {
            SmtpHost = "127.0.0.1", SmtpPort = server.Port, SmtpSecurity = security, SmtpUserName = user, SmtpPassword = "relay secret",
        }), TimeProvider.System);

    private static OutboxMessage Message() => new("x@mittkoping.example", "Ämne", "Hej!", null, DateTime.UtcNow);

    [Theory]
    [InlineData(SmtpSecurity.Auto, 587, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.Auto, 465, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.StartTls, 2525, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect, 2465, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.None, 25, SecureSocketOptions.None)]
    public void Security_FromSmtpSecurityAndPort(SmtpSecurity security, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, MailDelivery.Security(new MailOptions { SmtpSecurity = security, SmtpPort = port }));
}
