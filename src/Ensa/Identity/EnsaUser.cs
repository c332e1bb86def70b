using Ensa.Common;
using Microsoft.AspNetCore.Identity;

namespace Ensa.Identity;

public sealed class EnsaUser : IdentityUser<Guid>, IAudited
{
    public string DisplayName { get; set; } = "";
    /// <summary>Set for a supplier's user (role SupplierUser).</summary>
    public Guid? SupplierId { get; set; }
    public bool IsPlatformAdmin { get; set; }
    public DateTime CreatedAt { get; set; }

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
