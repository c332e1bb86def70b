using Ensa.Common;
using Microsoft.AspNetCore.Identity;

namespace Ensa.Identity;

public sealed class EnsaUser : IdentityUser<Guid>, IAudited
{
    /// <summary>Identity's own column length for e-mail addresses.</summary>
    public const int EmailMaxLength = 256;
    public const int PasswordMaxLength = 200;
    /// <summary>A code from an authenticator app or a recovery code, with spaces or dashes.</summary>
    public const int CodeMaxLength = 20;
    public const int LanguageMaxLength = 10;
    /// <summary>Swedish, the language of every account until its user chooses another.</summary>
    public const string DefaultLanguage = "sv-SE";
    public string DisplayName { get; set; } = "";
    /// <summary>Set for a supplier's user (role SupplierUser).</summary>
    public Guid? SupplierId { get; set; }
    /// <summary>A supplier's admin invites the supplier's other users.</summary>
    public bool IsSupplierAdmin { get; set; }
    /// <summary>The organizer the user last chose: where the next sign-in lands (never one they were just invited to).</summary>
    public Guid? LastOrganizerId { get; set; }
    public bool IsPlatformAdmin { get; set; }
    /// <summary>The UI culture the user last chose ("sv-SE" or "en"): Ensa's e-mail to them is written in it.</summary>
    public string Language { get; set; } = DefaultLanguage;
    public DateTime CreatedAt { get; set; }
    /// <summary>Step notices reach the user by e-mail once a day, as one digest, instead of one by one.</summary>
    public bool DailyDigest { get; set; }
    /// <summary>Up to when the user's notices were last sent as a digest (so a digest lists each notice once).</summary>
    public DateTime? LastDigestAt { get; set; }

    public static EnsaUser Create(string email, string displayName, DateTime createdAt) => new()
    {
        Id = Guid.NewGuid(),
        UserName = email,
        Email = email,
        DisplayName = displayName,
        CreatedAt = createdAt,
        LockoutEnabled = true,
    };
}
