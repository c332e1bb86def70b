using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Forms;

/// <summary>Identity's messages in the user's language (the framework's are English only).</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError E(string code, params object[] args) => new() { Code = code, Description = l["Identity." + code, args] };

    public override IdentityError DefaultError() => E(nameof(DefaultError));
    public override IdentityError InvalidToken() => E(nameof(InvalidToken));
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), uniqueChars);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), email ?? "");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), email);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateEmail), userName);
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidEmail), userName ?? "");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword));
}
