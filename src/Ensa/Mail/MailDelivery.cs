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
        return new MimeMessage([from], [MailboxAddress.Parse(message.To)], message.Subject, body.ToMessageBody())
        {
            Date = date,
            MessageId = $"{message.Id:N}@{from.Domain}",
        };
    }

    /// <summary>TLS as <c>Mail:SmtpEnableSsl</c> asks: on connect for port 465, STARTTLS required otherwise; none when off.</summary>
    internal static SecureSocketOptions Security(MailOptions options) =>
        !options.SmtpEnableSsl ? SecureSocketOptions.None
        : options.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;

    public sealed class Batch(MailOptions options, TimeProvider clock) : IAsyncDisposable
    {
        private readonly SmtpClient _smtp = new();
        // Once connecting failed, the rest of the batch fails with the same reason instead of trying again each time.
        private MailDeliveryException? _connectFailure;

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
                await _smtp.ConnectAsync(host, options.SmtpPort, Security(options), cancellationToken);
                if (options.SmtpUserName is { Length: > 0 } user)
                    await _smtp.AuthenticateAsync(user, options.SmtpPassword ?? "", cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _connectFailure = new MailDeliveryException($"Cannot reach the SMTP server: {ex.Message}", ex);
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
