using Ensa.Data;
using Ensa.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Admin.Users;

/// <summary>The role-and-unit part of the invite and role forms (partial _RoleFields).</summary>
public sealed class RoleChoice
{
    public Role Role { get; set; } = Role.Requester;
    public Guid? UnitId { get; set; }
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    /// <summary>The units a role can be given at: those not closed by <paramref name="today"/>.</summary>
    public async Task LoadUnitsAsync(EnsaDbContext db, DateOnly today) =>
        Units = (await db.OrganisationUnits.AsNoTracking().Where(u => u.ClosedOn == null || u.ClosedOn > today)
                .Select(u => new { u.Id, u.Name }).ToListAsync())
            .OrderBy(u => u.Name, SwedishCalendar.Comparer).Select(u => (u.Id, u.Name)).ToList();
}
