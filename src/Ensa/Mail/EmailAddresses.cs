using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace Ensa.Mail;

/// <summary>E-mail addresses as Ensa sends to them: one parser, MimeKit's in its strict RFC mode, for what a form takes
/// and for what <see cref="MailDelivery"/> hands to the server, so an address the form takes is never one the outbox
/// cannot send to. A bare address only (no display name, no group, no list), with a domain of at least two labels;
/// <c>ny..larare@x.example</c> (two dots in a row) is refused.</summary>
public static class EmailAddresses
{
    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    public static bool IsValid([NotNullWhen(true)] string? text) => TryParse(text, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out MailboxAddress? mailbox)
    {
        mailbox = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (!MailboxAddress.TryParse(Strict, trimmed, out var parsed) || parsed.Route.Count > 0 || !string.IsNullOrEmpty(parsed.Name)) return false;
        var at = parsed.Address.LastIndexOf('@');
        var local = at > 0 ? parsed.Address[..at] : "";
        var domain = at > 0 ? parsed.Address[(at + 1)..] : "";
        // The strict parser still takes what RFC 5322 calls obsolete: dots at the ends of the local part or doubled.
        if (!string.Equals(parsed.Address, trimmed, StringComparison.Ordinal) || local.Length == 0 || local.StartsWith('.') || local.EndsWith('.')
            || local.Contains("..", StringComparison.Ordinal) || !domain.Contains('.', StringComparison.Ordinal)
            || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
            return false;
        mailbox = parsed;
        return true;
    }

    /// <summary>The mailbox to send to; throws <see cref="ParseException"/> when the address is not one Ensa sends to.</summary>
    public static MailboxAddress Parse(string text) =>
        TryParse(text, out var mailbox) ? mailbox : throw new ParseException($"'{text}' is not a valid e-mail address.", 0, 0);
}
