using Ensa.Data;
using Ensa.Organizers;
using Ensa.Web.Skolverket;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Admin;

/// <summary>The organizer admin compares the organizer's school units with Skolverket's school-unit register and gets
/// the differences as a list to act on. Reads only: nothing in Ensa changes.</summary>
public sealed class SchoolUnitRegisterModel(EnsaDbContext db, SchoolUnitRegisterClient register) : PageModel
{
    public string OrganizerName { get; private set; } = "";
    public string OrganisationNumber { get; private set; } = "";
    public int UnitCount { get; private set; }
    /// <summary>Null when the register could not be read.</summary>
    public IReadOnlyList<RegisterDifference>? Differences { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organizerId = User.OrganizerId()!.Value;
        (OrganizerName, OrganisationNumber) = await db.Organizers.Where(o => o.Id == organizerId)
            .Select(o => ValueTuple.Create(o.Name, o.OrganisationNumber)).SingleAsync(cancellationToken);
        var units = await db.OrganisationUnits.Where(u => u.Kind == UnitKind.SchoolUnit && u.SchoolUnitCode != null)
            .Select(u => new EnsaSchoolUnit(u.Id, u.SchoolUnitCode!, u.Name)).ToListAsync(cancellationToken);
        UnitCount = units.Count;
        if (await register.SchoolUnitsAsync(OrganisationNumber, cancellationToken) is { } listed)
            Differences = SchoolUnitRegisterCheck.Compare(units, listed);
    }
}
