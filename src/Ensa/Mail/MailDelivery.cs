using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ensa.Mail;

/// <summary>Failed to hand one message to the SMTP server (or the pickup folder); the outbox tries it again later.</summary>
public sealed class MailDeliveryException(string message, Exception inner) : Exception(message, inner);

/// <summary>Turns outbox messages into MIME and hands them over: over one SMTP connection per batch (MailKit), or as
/// <c>.eml</c> files in <see cref="MailOptions.PickupDirectory"/>.</summary>
public sealed class MailDelivery(IOptions<MailOptions> options, TimeProvider clock)
{
    /// <summary>A batch: connects on the first message and stays connected until disposed.</summary>
    public Batch Open() => new(options.Value, clock);

    /// <summary>The MIME message as it is sent. Its Message-Id comes from the outbox row, so a message sent again
    /// after a crash carries the same id.</summary>
    private static MimeMessage ToMime(OutboxMessage message, MailOptions options, DateTimeOffset date)
    {
        var from = MailboxAddress.Parse(options.From);
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        return new MimeMessage([from], [EmailAddresses.Parse(message.To)], message.Subject, body.ToMessageBody())
        {
            Date = date,
            MessageId = $"{message.Id:N}@{from.Domain}",
        };
    }

    internal static SecureSocketOptions Security(MailOptions options) => options.SmtpSecurity switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => options.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
    };

    public sealed class Batch(MailOptions options, TimeProvider clock) : IAsyncDisposable
    {
        private readonly SmtpClient _smtp = new();
        // Once connecting failed, the rest of the batch fails with the same reason instead of trying again each time.
        private MailDeliveryException? _connectFailure;
        // Why the server's certificate was refused, for the log: MailKit's own message does not name the thumbprint.
        private string? _refusedCertificate;

        /// <summary>The usual validation, or else the pinned certificate (by SHA-256, so its name and issuer do not matter).</summary>
        private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (errors == SslPolicyErrors.None) return true;
            var thumbprint = certificate?.GetCertHashString(HashAlgorithmName.SHA256);
            if (thumbprint is not null && options.SmtpCertificateThumbprint is { Length: > 0 } pinned
                && string.Equals(thumbprint, pinned.Replace(":", "", StringComparison.Ordinal).Trim(), StringComparison.OrdinalIgnoreCase))
                return true;
            _refusedCertificate = $"The SMTP server's certificate ({certificate?.Subject}, SHA-256 {thumbprint}) is not trusted ({errors}) and not the one in Mail:SmtpCertificateThumbprint.";
            return false;
        }

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            MimeMessage mime;
            try
            {
                mime = ToMime(message, options, clock.GetUtcNow());
            }
            catch (ParseException ex)
            {
                throw new MailDeliveryException($"Not a valid address: {ex.Message}", ex);
            }
            if (options.PickupDirectory is { Length: > 0 } pickup)
            {
                await WriteAsync(mime, pickup, message.Id, cancellationToken);
                return;
            }
            await ConnectAsync(cancellationToken);
            try
            {
                await _smtp.SendAsync(mime, cancellationToken);
            }
            catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or ServiceNotConnectedException)
            {
                throw new MailDeliveryException(ex.Message, ex);
            }
        }

        private static async Task WriteAsync(MimeMessage mime, string pickup, Guid id, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(pickup);
            var path = Path.Combine(pickup, $"{id:N}.eml");
            // Written aside and moved in, so a reader of the folder never sees half a message.
            var partial = Path.Combine(pickup, $"{id:N}.partial");
            await mime.WriteToAsync(partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }

        private async Task ConnectAsync(CancellationToken cancellationToken)
        {
            if (_connectFailure is not null) throw _connectFailure;
            if (_smtp.IsConnected) return;
            try
            {
                var host = options.SmtpHost is { Length: > 0 } h ? h : throw new InvalidOperationException("Mail:SmtpHost is not configured.");
                var security = Security(options);
                var user = options.SmtpUserName;
                if (user is { Length: > 0 } && security == SecureSocketOptions.None)
                    throw new InvalidOperationException("Mail:SmtpUserName is set but Mail:SmtpSecurity is None: the password is not sent in plain text.");
                _smtp.ServerCertificateValidationCallback = ValidateCertificate;
                await _smtp.ConnectAsync(host, options.SmtpPort, security, cancellationToken);
                if (user is { Length: > 0 })
                    await _smtp.AuthenticateAsync(user, options.SmtpPassword ?? "", cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _connectFailure = new MailDeliveryException(
                    ex is SslHandshakeException && _refusedCertificate is { } refused ? refused : $"Cannot reach the SMTP server: {ex.Message}", ex);
                throw _connectFailure;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_smtp.IsConnected) await _smtp.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException)
            {
                // The messages are handed over already; a QUIT that fails loses nothing.
            }
            _smtp.Dispose();
        }
    }
}
