namespace Ensa.Mail;

/// <summary>Configuration section "Mail".</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";
    public string From { get; set; } = "ensa@localhost";
    /// <summary>When set, messages are written as .eml files to this folder instead of sent (Development).</summary>
    public string? PickupDirectory { get; set; }
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.Auto;
    /// <summary>Sent only over an encrypted connection.</summary>
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>SHA-256 hash (hex) of a certificate the SMTP server may present though no trusted authority issued it
    /// (an internal relay); any other certificate is still validated as usual.</summary>
    public string? SmtpCertificateThumbprint { get; set; }
    /// <summary>How often the dispatcher looks for messages to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>How the SMTP connection is encrypted. All but <see cref="None"/> require TLS: none falls back to plain
/// text when a server does not offer STARTTLS, since anyone on the way could strip that offer.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS on any other port.</summary>
    Auto,
    StartTls,
    SslOnConnect,
    /// <summary>Plain text, for a relay on the same host; Ensa then does not sign in.</summary>
    None,
}
