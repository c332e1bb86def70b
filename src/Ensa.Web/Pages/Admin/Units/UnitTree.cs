using Ensa.Data;
using Ensa.Organizers;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Admin.Units;

/// <summary>The current organizer's units in tree order (each after its parent, siblings by name), with their depth.</summary>
public sealed class UnitTree
{
    private readonly Dictionary<Guid, OrganisationUnit> _byId;

    private UnitTree(List<OrganisationUnit> units)
    {
        _byId = units.ToDictionary(u => u.Id);
        var children = units.OrderBy(u => u.Name, SwedishCalendar.Comparer).ToLookup(u => u.ParentId is { } p && _byId.ContainsKey(p) ? p : (Guid?)null);
        var ordered = new List<(OrganisationUnit, int)>();
        void Add(Guid? parent, int depth)
        {
            foreach (var unit in children[parent])
            {
                ordered.Add((unit, depth));
                Add(unit.Id, depth + 1);
            }
        }
        Add(null, 0);
        Ordered = ordered;
    }

    public IReadOnlyList<(OrganisationUnit Unit, int Depth)> Ordered { get; }

    /// <summary>Tracked, so a page can change a unit and save.</summary>
    public static async Task<UnitTree> LoadAsync(EnsaDbContext db) => new(await db.OrganisationUnits.ToListAsync());

    public OrganisationUnit? Find(Guid? id) => id is { } key ? _byId.GetValueOrDefault(key) : null;

    public Guid? ParentOf(Guid id) => Find(id)?.ParentId;

    public bool HasOpenChildren(Guid id) => _byId.Values.Any(u => u.ParentId == id && u.ClosedOn is null);

    /// <summary>The units a unit may be placed under: open, and not school units.</summary>
    public IEnumerable<(OrganisationUnit Unit, int Depth)> Parents => Ordered.Where(u => u.Unit.Kind != UnitKind.SchoolUnit && u.Unit.ClosedOn is null);

    /// <summary>The name with its place, for a list of choices ("— — Norrskolan").</summary>
    public static string Indented(OrganisationUnit unit, int depth) => new string('—', depth) + (depth > 0 ? " " : "") + unit.Name;
}
