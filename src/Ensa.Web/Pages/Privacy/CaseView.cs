using System.Security.Claims;
using Ensa.Data;
using Ensa.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Privacy;

/// <summary>A rights request as its page and its report show it: the tasks with unit, resource and supplier names.</summary>
public sealed record CaseView(RightsRequest Case, IReadOnlyList<CaseView.TaskRow> Rows, IReadOnlyList<string> UnitNames, bool Overdue)
{
    public sealed record TaskRow(RightsTask Task, string Unit, string Resource, string? Supplier);

    /// <summary>The case with its tasks (tracked, so a page may answer one), or null when it is not the user's
    /// organizer's: filtered by the tenant filter and checked again by authorization.</summary>
    public static async Task<CaseView?> LoadAsync(EnsaDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Guid id, DateTime now)
    {
        var found = await db.RightsRequests.Include(r => r.Tasks).Include(r => r.Units).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id);
        if (found is null || !(await authorization.AuthorizeAsync(user, found, Policies.SameOrganizer)).Succeeded) return null;
        var unitIds = found.Units.Select(u => u.SchoolUnitId).ToList();
        var units = await db.OrganisationUnits.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        var resourceIds = found.Tasks.Select(t => t.ResourceId).Distinct().ToList();
        var resources = await db.LearningResources.Where(r => resourceIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, Supplier = db.Suppliers.Where(s => s.Id == r.SupplierId).Select(s => s.Name).FirstOrDefault() })
            .ToDictionaryAsync(r => r.Id);
        var rows = found.Tasks
            .Select(t => new TaskRow(t, units.GetValueOrDefault(t.SchoolUnitId) ?? "", resources[t.ResourceId].Name, resources[t.ResourceId].Supplier))
            .OrderBy(r => r.Unit, SwedishCalendar.Comparer).ThenBy(r => r.Resource, SwedishCalendar.Comparer).ToList();
        return new CaseView(found, rows, units.Values.OrderBy(n => n, SwedishCalendar.Comparer).ToList(),
            found.IsOverdue(SwedishCalendar.Today(now)));
    }
}
