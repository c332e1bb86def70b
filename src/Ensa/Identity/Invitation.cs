using System.Security.Cryptography;
using System.Text;
using Ensa.Common;

namespace Ensa.Identity;

/// <summary>A one-time link sent by e-mail. Only the SHA-256 of the token is stored. It grants nothing until the
/// person it was sent to accepts it: a new account is made at acceptance, and an existing account must be signed in.
/// Until then the inviter sees only what they typed.</summary>
public abstract class OneTimeInvitation : IAudited
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    public const int DisplayNameMaxLength = 200;
    public const int EmailMaxLength = EnsaUser.EmailMaxLength;

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    /// <summary>The name the inviter typed; the account's own name once it exists.</summary>
    public string DisplayName { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public Guid InvitedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    /// <summary>The account that accepted.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>Fills the common part and returns the token to put in the link (never stored).</summary>
    protected string Start(string email, string displayName, Guid invitedBy, DateTime now)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        (Id, Email, DisplayName, TokenHash, InvitedByUserId, CreatedAt, ExpiresAt) =
            (Guid.NewGuid(), email.Trim(), displayName.Trim(), Hash(token), invitedBy, now, now + Lifetime);
        return token;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public bool IsOpen(DateTime now) => AcceptedAt is null && now < ExpiresAt;

    /// <summary>Only the account with the invited address may accept (a forwarded link is useless to anyone else).</summary>
    public Result Accept(EnsaUser user, DateTime now)
    {
        if (AcceptedAt is not null) return new DomainError("Invitation.AlreadyUsed");
        if (now >= ExpiresAt) return new DomainError("Invitation.Expired");
        if (!string.Equals(user.Email, Email, StringComparison.OrdinalIgnoreCase)) return new DomainError("Invitation.OtherAccount", Email);
        (AcceptedAt, UserId) = (now, user.Id);
        return Result.Ok;
    }
}

/// <summary>An organizer admin's invitation to a role at the organizer.</summary>
public sealed class Invitation : OneTimeInvitation, IOrganizerOwned
{
    private Invitation() { }

    public Guid OrganizerId { get; private set; }
    /// <summary>The role granted on acceptance; null on invitations made before roles waited for acceptance.</summary>
    public Role? Role { get; private set; }
    public Guid? OrganisationUnitId { get; private set; }

    public static (Invitation Invitation, string Token) Create(Guid organizerId, Role role, Guid? unitId, string email,
        string displayName, Guid invitedBy, DateTime now)
    {
        var invitation = new Invitation { OrganizerId = organizerId, Role = role, OrganisationUnitId = unitId };
        return (invitation, invitation.Start(email, displayName, invitedBy, now));
    }
}

/// <summary>An invitation to act for a supplier. Only the platform admin (who has checked who the supplier's person is)
/// or the supplier's own admin makes one; an organizer never does.</summary>
public sealed class SupplierInvitation : OneTimeInvitation
{
    private SupplierInvitation() { }

    public Guid SupplierId { get; private set; }
    /// <summary>The person may in turn invite the supplier's other users.</summary>
    public bool IsAdmin { get; private set; }

    public static Result Create(InvitingForSupplier by, Guid supplierId, bool isAdmin, string email, string displayName, DateTime now,
        out SupplierInvitation invitation, out string token)
    {
        invitation = new SupplierInvitation { SupplierId = supplierId, IsAdmin = isAdmin };
        token = "";
        if (!by.IsPlatformAdmin && by.SupplierAdminOf != supplierId) return new DomainError("Supplier.NotAdmin");
        token = invitation.Start(email, displayName, by.UserId, now);
        return Result.Ok;
    }

    public Result CanBeAcceptedBy(EnsaUser user) =>
        user.SupplierId is { } other && other != SupplierId ? new DomainError("Invitation.OtherSupplier") : Result.Ok;

    /// <summary>Makes the account a user of this supplier; an account already acting for another supplier is refused.</summary>
    public Result AcceptFor(EnsaUser user, DateTime now)
    {
        var possible = CanBeAcceptedBy(user);
        if (!possible.Succeeded) return possible;
        var accepted = Accept(user, now);
        if (!accepted.Succeeded) return accepted;
        user.SupplierId = SupplierId;
        user.IsSupplierAdmin |= IsAdmin;
        return Result.Ok;
    }
}

/// <summary>Who invites for a supplier: the platform admin, or a supplier's own admin (for that supplier only).</summary>
public sealed record InvitingForSupplier(Guid UserId, bool IsPlatformAdmin, Guid? SupplierAdminOf)
{
    public static InvitingForSupplier Of(EnsaUser user) =>
        new(user.Id, user.IsPlatformAdmin, user.IsSupplierAdmin ? user.SupplierId : null);
}
