using System.Security.Claims;
using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Identity;

namespace Ensa.Web.Authorization;

/// <summary>An admin's reset of a person's two-factor (lost phone): TOTP off, authenticator key and recovery codes
/// replaced, every session ended, the person told by e-mail. The change of the account is in the audit log.</summary>
public sealed class TwoFactorReset(EnsaDbContext db, UserManager<EnsaUser> users, IUserStore<EnsaUser> store, MailComposer mail,
    TimeProvider clock)
{
    public async Task<Result> ResetAsync(EnsaUser user, ClaimsPrincipal admin)
    {
        if (!user.TwoFactorEnabled) return new DomainError("TwoFactorReset.NotOn");
        // One transaction: the mail is never queued for a reset that did not happen, nor the reset left half done.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var by = admin.FindFirstValue(EnsaClaimTypes.DisplayName) ?? "";
        await mail.QueueAsync(db, new TwoFactorResetMail(user.DisplayName, by), [user.Email], clock.GetUtcNow().UtcDateTime);
        await ((IUserTwoFactorRecoveryCodeStore<EnsaUser>)store).ReplaceCodesAsync(user, [], CancellationToken.None);
        // Both renew the security stamp: every session of the account ends.
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await transaction.CommitAsync();
        return Result.Ok;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>The reset's section on a person's page (<c>_TwoFactorReset</c>), shown while the person has two-factor on.</summary>
public sealed record TwoFactorResetPanel(string Page, Guid UserId, string Name, bool Confirming);
