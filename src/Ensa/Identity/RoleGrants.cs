using Ensa.Common;
using Ensa.Data;
using Ensa.Organizers;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Identity;

/// <summary>The rules for giving and taking roles at an organizer.</summary>
public static class RoleGrants
{
    public static async Task<Result> GrantAsync(EnsaDbContext db, Guid userId, Guid organizerId, Role role, Guid? unitId, DateTime now)
    {
        var valid = await ValidateAsync(db, organizerId, role, unitId, now);
        if (!valid.Succeeded) return valid;
        var held = await db.Memberships.IgnoreQueryFilters().AnyAsync(m =>
            m.UserId == userId && m.OrganizerId == organizerId && m.Role == role && m.OrganisationUnitId == unitId);
        if (held) return new DomainError("Roles.AlreadyHeld");
        db.Memberships.Add(new Membership(userId, organizerId, role, unitId, now));
        return Result.Ok;
    }

    /// <summary>Whether the role can be held at the organizer (a principal at one of its school units; no unit closed by
    /// today), before anyone holds it.</summary>
    public static async Task<Result> ValidateAsync(EnsaDbContext db, Guid organizerId, Role role, Guid? unitId, DateTime now)
    {
        if (!Enum.IsDefined(role)) return new DomainError("Roles.Unknown");
        if (role == Role.Principal && unitId is null) return new DomainError("Roles.PrincipalNeedsUnit");
        if (unitId is not null)
        {
            var unit = await db.OrganisationUnits.IgnoreQueryFilters()
                .SingleOrDefaultAsync(u => u.Id == unitId && u.OrganizerId == organizerId);
            if (unit is null) return new DomainError("Roles.UnknownUnit");
            if (unit.IsClosedOn(SwedishCalendar.Today(now))) return new DomainError("Roles.UnitClosed", unit.Name);
            if (role == Role.Principal && unit.Kind != UnitKind.SchoolUnit) return new DomainError("Roles.PrincipalNeedsUnit");
        }
        return Result.Ok;
    }

    public static async Task<Result> RevokeAsync(EnsaDbContext db, Membership membership)
    {
        if (membership.Role == Role.OrganizerAdmin)
        {
            var admins = await db.Memberships.IgnoreQueryFilters().CountAsync(m =>
                m.OrganizerId == membership.OrganizerId && m.Role == Role.OrganizerAdmin);
            if (admins <= 1) return new DomainError("Roles.LastAdmin");
        }
        db.Memberships.Remove(membership);
        return Result.Ok;
    }
}
