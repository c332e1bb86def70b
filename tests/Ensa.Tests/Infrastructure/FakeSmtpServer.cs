using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MimeKit;

namespace Ensa.Tests.Infrastructure;

/// <summary>Just enough of an SMTP server on loopback to see what Ensa hands over: how many connections, which sign-in,
/// and each message (read back with MimeKit). A recipient named in <see cref="Rejected"/> is refused with 550. With a
/// <see cref="Certificate"/> it offers STARTTLS and presents that certificate.</summary>
public sealed class FakeSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public FakeSmtpServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public int Connections => _connections;
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();
    public ConcurrentQueue<string> Logins { get; } = new();
    public ConcurrentDictionary<string, bool> Rejected { get; } = new(StringComparer.OrdinalIgnoreCase);
    public X509Certificate2? Certificate { get; set; }
    /// <summary>Messages that arrived after STARTTLS.</summary>
    public ConcurrentQueue<MimeMessage> EncryptedMessages { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        Stream stream = client.GetStream();
        // Latin-1 maps each byte to one char and back, so 8-bit message bytes pass unchanged.
        var reader = new StreamReader(stream, Encoding.Latin1);
        var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        var certificate = Certificate;
        var encrypted = false;
        await writer.WriteLineAsync("220 fake ESMTP");
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync(certificate is not null && !encrypted
                            ? "250-fake\r\n250-STARTTLS\r\n250 8BITMIME\r\n"
                            : "250-fake\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n");
                        break;
                    case "STARTTLS" when certificate is not null:
                        await writer.WriteLineAsync("220 2.0.0 Ready to start TLS");
                        var tls = new SslStream(stream);
                        await tls.AuthenticateAsServerAsync(certificate);
                        (stream, encrypted) = (tls, true);
                        reader = new StreamReader(tls, Encoding.Latin1);
                        writer = new StreamWriter(tls, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
                        break;
                    case "AUTH":
                        var parts = line.Split(' ');
                        var response = parts.Length > 2 ? parts[2] : await AskAsync(writer, reader);
                        Logins.Enqueue(Encoding.UTF8.GetString(Convert.FromBase64String(response)).Replace('\0', ' ').Trim());
                        await writer.WriteLineAsync("235 2.7.0 Authenticated");
                        break;
                    case "RCPT":
                        var address = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                        await writer.WriteLineAsync(Rejected.ContainsKey(address) ? "550 5.1.1 No such user" : "250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 Go ahead");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())));
                        Messages.Enqueue(message);
                        if (encrypted) EncryptedMessages.Enqueue(message);
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default: // MAIL, RSET, NOOP
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            // The client went away, or refused the certificate.
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    private static async Task<string> AskAsync(StreamWriter writer, StreamReader reader)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync() ?? "";
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
