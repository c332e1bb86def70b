using Ensa.Identity;
using Microsoft.AspNetCore.Identity;

namespace Ensa.Web.Authorization;

/// <summary>The cost of checking one password, spent where there is no password to check, so that a sign-in for an
/// unknown, password-less or locked account takes as long as a wrong password for a real one.</summary>
public static class PasswordWork
{
    private static readonly EnsaUser Nobody = new();
    private static string? _dummyHash;

    public static void Spend(IPasswordHasher<EnsaUser> hasher, string password)
    {
        _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
    }
}
