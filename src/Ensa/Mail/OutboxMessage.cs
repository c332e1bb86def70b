namespace Ensa.Mail;

/// <summary>An e-mail waiting to be sent. Written in the same transaction as the change that causes it,
/// so nothing is lost when SMTP is down; the dispatcher retries with back-off.</summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 10;

    private OutboxMessage() { }

    public OutboxMessage(string to, string subject, string textBody, string? htmlBody, DateTime now)
    {
        Id = Guid.NewGuid();
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string? HtmlBody { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public void MarkSent(DateTime now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }

    public void MarkFailed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        // 1, 2, 4 … minutes, at most an hour; given up after MaxAttempts (still visible in the table).
        NextAttemptAt = Attempts >= MaxAttempts ? now.AddYears(100) : now.AddMinutes(Math.Min(60, Math.Pow(2, Attempts - 1)));
    }
}
