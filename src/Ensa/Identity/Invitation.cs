using System.Security.Cryptography;
using System.Text;
using Ensa.Common;

namespace Ensa.Identity;

/// <summary>A one-time invitation link sent by e-mail. Only the SHA-256 of the token is stored.</summary>
public sealed class Invitation : IOrganizerOwned, IAudited
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation() { }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid UserId { get; private set; }
    public string Email { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public Guid InvitedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }

    /// <summary>Creates an invitation and returns the token to put in the link (never stored).</summary>
    public static (Invitation Invitation, string Token) Create(Guid organizerId, Guid userId, string email,
        Guid invitedBy, DateTime now)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (new Invitation
        {
            Id = Guid.NewGuid(),
            OrganizerId = organizerId,
            UserId = userId,
            Email = email,
            TokenHash = Hash(token),
            InvitedByUserId = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        }, token);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public bool IsOpen(DateTime now) => AcceptedAt is null && now < ExpiresAt;

    public Result Accept(DateTime now)
    {
        if (AcceptedAt is not null) return new DomainError("Invitation.AlreadyUsed");
        if (now >= ExpiresAt) return new DomainError("Invitation.Expired");
        AcceptedAt = now;
        return Result.Ok;
    }
}
