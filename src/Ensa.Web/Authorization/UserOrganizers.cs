using System.Security.Claims;
using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Authorization;

public sealed record OrganizerChoice(Guid Id, string Name);

/// <summary>The organizers a user holds any role at (for the organizer switch).</summary>
public sealed class UserOrganizers(EnsaDbContext db)
{
    public async Task<IReadOnlyList<OrganizerChoice>> ListAsync(ClaimsPrincipal user)
    {
        var userId = user.UserId();
        if (userId is null) return [];
        var list = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == userId)
            .Join(db.Organizers.Where(o => o.DeactivatedAt == null), m => m.OrganizerId, o => o.Id, (m, o) => new OrganizerChoice(o.Id, o.Name))
            .Distinct().ToListAsync();
        return list.OrderBy(o => o.Name, SwedishCalendar.Comparer).ToList();
    }

    public Task<bool> IsMemberAsync(Guid userId, Guid organizerId) =>
        db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == userId && m.OrganizerId == organizerId
            && db.Organizers.Any(o => o.Id == organizerId && o.DeactivatedAt == null));
}
