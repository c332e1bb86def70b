using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Ensa.Mail;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests.Infrastructure;

/// <summary>What the app put in the outbox, oldest first.</summary>
public static partial class MailScenarios
{
    public static Task<List<OutboxMessage>> MailAsync(this EnsaAppFactory app, Expression<Func<OutboxMessage, bool>> where) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(where).OrderBy(m => m.CreatedAt).ToListAsync());

    public static Task<List<OutboxMessage>> MailToAsync(this EnsaAppFactory app, string to) => app.MailAsync(m => m.To == to);

    /// <summary>The text of the latest mail to <paramref name="to"/>.</summary>
    public static async Task<string> LatestMailBodyToAsync(this EnsaAppFactory app, string to) => (await app.MailToAsync(to)).Last().TextBody;

    /// <summary>The text of the one mail to <paramref name="to"/>.</summary>
    public static async Task<string> OnlyMailBodyToAsync(this EnsaAppFactory app, string to) => Assert.Single(await app.MailToAsync(to)).TextBody;

    /// <summary>The path and query of the invitation link in the one mail to <paramref name="to"/>.</summary>
    public static async Task<string> InvitationLinkToAsync(this EnsaAppFactory app, string to) =>
        new Uri(InvitationLink().Match(await app.OnlyMailBodyToAsync(to)).Value).PathAndQuery;

    [GeneratedRegex(@"https?://\S+AcceptInvitation\?token=[0-9a-f]+")]
    private static partial Regex InvitationLink();
}
