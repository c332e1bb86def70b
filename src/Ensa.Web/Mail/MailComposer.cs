using Ensa.Data;
using Ensa.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Mail;

/// <summary>The one way Ensa writes e-mail: renders a <see cref="MailTemplate"/> in each reader's language and puts it
/// in the outbox, in the caller's save. A reader with an account gets their own language only; an address without one
/// gets Swedish with English below. Sending is the outbox dispatcher's.</summary>
public sealed class MailComposer(PublicLinks links)
{
    private static readonly UpperInvariantLookupNormalizer Normalizer = new();

    /// <summary>Subject and body for a reader of this language; null when it is not known.</summary>
    public (string Subject, string Body) Render(MailTemplate mail, MailTexts? language) => language is not null
        ? (mail.Subject(language), mail.Body(language, links).TrimEnd() + "\n")
        : (mail.Subject(MailTexts.Swedish),
            mail.Body(MailTexts.Swedish, links).TrimEnd() + "\n\n" + mail.Body(MailTexts.English, links).TrimEnd() + "\n");

    /// <summary>Adds one outbox message per distinct address (case does not matter), each in its reader's language, to be
    /// sent at once: for mail that is not a step notice (invitations, resets, links with tokens).</summary>
    public Task QueueAsync(EnsaDbContext db, MailTemplate mail, IEnumerable<string?> to, DateTime now,
        CancellationToken cancellationToken = default) => QueueAsync(db, mail, to, now, notice: false, cancellationToken);

    /// <summary>As <see cref="QueueAsync(EnsaDbContext, MailTemplate, IEnumerable{string?}, DateTime, CancellationToken)"/>,
    /// for a step notice: a reader who chose the daily digest gets it there (from its in-app notice) instead.</summary>
    public Task QueueNoticeAsync(EnsaDbContext db, MailTemplate mail, IEnumerable<string?> to, DateTime now,
        CancellationToken cancellationToken = default) => QueueAsync(db, mail, to, now, notice: true, cancellationToken);

    private async Task QueueAsync(EnsaDbContext db, MailTemplate mail, IEnumerable<string?> to, DateTime now, bool notice,
        CancellationToken cancellationToken)
    {
        var addresses = to.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (addresses.Count == 0) return;
        var normalized = addresses.Select(Normalizer.NormalizeEmail).ToList();
        var accounts = await db.Users.Where(u => normalized.Contains(u.NormalizedEmail!))
            .Select(u => new { u.NormalizedEmail, u.Language, u.DailyDigest })
            .ToDictionaryAsync(u => u.NormalizedEmail!, cancellationToken);
        foreach (var address in addresses)
        {
            var account = accounts.GetValueOrDefault(Normalizer.NormalizeEmail(address)!);
            if (notice && account is { DailyDigest: true }) continue;
            var language = account is not null ? MailTexts.For(account.Language) : null;
            var (subject, body) = Render(mail, language);
            db.OutboxMessages.Add(new OutboxMessage(address, subject, body, null, now));
        }
    }
}
