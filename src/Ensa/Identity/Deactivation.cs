using Ensa.Common;
using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Identity;

/// <summary>A role a deactivated person held at an organizer, kept so that reactivation restores it. It lives outside
/// <see cref="Membership"/> so that every query of roles sees only active ones.</summary>
public sealed class SuspendedMembership : IOrganizerOwned, IAudited
{
    private SuspendedMembership() { }

    internal SuspendedMembership(Membership m, Guid suspendedBy, DateTime now) =>
        (Id, UserId, OrganizerId, Role, OrganisationUnitId, GrantedAt, SuspendedAt, SuspendedByUserId) =
        (m.Id, m.UserId, m.OrganizerId, m.Role, m.OrganisationUnitId, m.GrantedAt, now, suspendedBy);

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Role Role { get; private set; }
    public Guid? OrganisationUnitId { get; private set; }
    public DateTime GrantedAt { get; private set; }
    public DateTime SuspendedAt { get; private set; }
    public Guid SuspendedByUserId { get; private set; }

    internal Membership Restore() => Membership.Restored(Id, UserId, OrganizerId, Role, OrganisationUnitId, GrantedAt);
}

/// <summary>A person who leaves an organizer: their roles there are suspended (not deleted) and restored on reactivation.
/// A person left with no active role anywhere, and no supplier or platform role, can no longer sign in.</summary>
public static class Deactivation
{
    /// <summary>Suspends every role of the user at the organizer. Once saved, a user who may no longer sign in
    /// (<see cref="MaySignInAsync"/>) has their sessions ended by the caller.</summary>
    public static async Task<Result> DeactivateAsync(EnsaDbContext db, Guid userId, Guid organizerId, Guid by, DateTime now)
    {
        if (userId == by) return new DomainError("Users.NotYourself");
        var memberships = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == userId && m.OrganizerId == organizerId).ToListAsync();
        if (memberships.Count == 0) return new DomainError("Users.NotActive");
        if (memberships.Any(m => m.Role == Role.OrganizerAdmin)
            && !await db.Memberships.IgnoreQueryFilters().AnyAsync(m =>
                m.OrganizerId == organizerId && m.Role == Role.OrganizerAdmin && m.UserId != userId))
            return new DomainError("Roles.LastAdmin");
        db.Memberships.RemoveRange(memberships);
        db.SuspendedMemberships.AddRange(memberships.Select(m => new SuspendedMembership(m, by, now)));
        return Result.Ok;
    }

    /// <summary>Restores the roles suspended at the organizer.</summary>
    public static async Task<Result> ReactivateAsync(EnsaDbContext db, Guid userId, Guid organizerId)
    {
        var suspended = await db.SuspendedMemberships.IgnoreQueryFilters()
            .Where(m => m.UserId == userId && m.OrganizerId == organizerId).ToListAsync();
        if (suspended.Count == 0) return new DomainError("Users.NotDeactivated");
        var active = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == userId && m.OrganizerId == organizerId).ToListAsync();
        db.SuspendedMemberships.RemoveRange(suspended);
        // A role given again since the deactivation is not restored twice.
        db.Memberships.AddRange(suspended.Where(s => !active.Any(m => m.Role == s.Role && m.OrganisationUnitId == s.OrganisationUnitId))
            .Select(s => s.Restore()));
        return Result.Ok;
    }

    /// <summary>Whether the account may sign in: not deactivated, or still with a role somewhere (an organizer's, a
    /// supplier's or the platform's).</summary>
    public static async Task<bool> MaySignInAsync(EnsaDbContext db, EnsaUser user) =>
        user.IsPlatformAdmin || user.SupplierId is not null
        || await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == user.Id)
        || !await db.SuspendedMemberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == user.Id);
}
