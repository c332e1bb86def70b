using System.Globalization;
using System.Security.Claims;
using Ensa.Common;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Resources;

/// <summary>A catalogue resource with what the current organizer last decided about it (null: not decided here) and how
/// many organizers approve it.</summary>
public sealed record CatalogueItem(Guid Id, string Name, ResourceType Type, string? Supplier, string? Subjects, string? Grades,
    Decision? Decision, int ApprovedBy);

/// <summary>The shared catalogue of learning resources, seen from the current organizer: search, and where each resource
/// stands here and elsewhere. Used by the resource pages and by the request form ("check the list first").</summary>
public sealed class Catalogue(EnsaDbContext db)
{

    /// <summary>Who may add and change catalogue entries (the web's CatalogueEditor policy): the central
    /// departments, who meet new resources in their reviews, and the platform's administrators.</summary>
    public static readonly string[] EditorRoles = [Roles.CentralReviewer, Roles.PlatformAdmin];

    public static bool CanEdit(ClaimsPrincipal user) => EditorRoles.Any(user.IsInRole);

    /// <summary>Whether <paramref name="user"/>, acting for <paramref name="organizerId"/>, may change the entry's shared
    /// facts at once: the platform admin always; an organizer's central department only for an entry it added, while no
    /// other organizer has acted on it. Everyone else with <see cref="CanEdit"/> proposes the change instead
    /// (<see cref="ResourceChangeProposal"/>).</summary>
    public async Task<bool> MayChangeDirectlyAsync(LearningResource resource, ClaimsPrincipal user, Guid? organizerId)
    {
        if (user.IsInRole(Roles.PlatformAdmin)) return true;
        if (!user.IsInRole(Roles.CentralReviewer) || organizerId is null) return false;
        return resource.CreatedByOrganizerId == organizerId && !await OthersActedAsync(resource.Id, organizerId.Value);
    }

    /// <summary>Who applies or rejects proposed changes: the platform admin, or a user of the resource's supplier
    /// (<paramref name="userSupplierId"/>: the supplier the user acts for).</summary>
    public static bool MayDecideProposals(LearningResource resource, ClaimsPrincipal user, Guid? userSupplierId) =>
        user.IsInRole(Roles.PlatformAdmin)
        || (resource.SupplierId is { } supplierId && user.IsInRole(Roles.SupplierUser) && userSupplierId == supplierId);

    /// <summary>Whether an organizer other than <paramref name="organizerId"/> has requested, reviewed, decided, used, made an
    /// agreement for, written guidance for or proposed a change to the resource: then its facts are theirs too.</summary>
    private async Task<bool> OthersActedAsync(Guid id, Guid organizerId) =>
        await db.ResourceRequests.IgnoreQueryFilters().AnyAsync(r => r.ResourceId == id && r.OrganizerId != organizerId)
        || await db.ResourceReviews.IgnoreQueryFilters().AnyAsync(r => r.ResourceId == id && r.OrganizerId != organizerId)
        || await db.ResourceUses.IgnoreQueryFilters().AnyAsync(r => r.ResourceId == id && r.OrganizerId != organizerId)
        || await db.Agreements.IgnoreQueryFilters().AnyAsync(r => r.ResourceId == id && r.OrganizerId != organizerId)
        || await db.ResourceGuidance.IgnoreQueryFilters().AnyAsync(r => r.ResourceId == id && r.OrganizerId != organizerId)
        || await db.ResourceChangeProposals.AnyAsync(p => p.ResourceId == id && p.ProposedByOrganizerId != organizerId);

    /// <summary>Ids of the resources whose name, supplier, subjects or description contain <paramref name="q"/> (Swedish
    /// comparison, ignoring case), sorted by name. In memory: the catalogue is thousands of rows, and SQLite's LIKE
    /// folds only ASCII case. The public list searches its own cached, pre-folded copy instead (<see cref="Publishing.PublicList"/>).</summary>
    public async Task<List<Guid>> SearchAsync(string? q, ResourceType? type = null)
    {
        var rows = await db.LearningResources.AsNoTracking()
            .Where(r => type == null || r.Type == type)
            .Select(r => new
            {
                r.Id, r.Name, r.Subjects, r.Description,
                Supplier = db.Suppliers.Where(s => s.Id == r.SupplierId).Select(s => s.Name).FirstOrDefault(),
            })
            .ToListAsync();
        var compare = SwedishCalendar.Culture.CompareInfo;
        bool Hit(string? text) => text is not null && compare.IndexOf(text, q!, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
        return rows.Where(r => string.IsNullOrWhiteSpace(q) || Hit(r.Name) || Hit(r.Supplier) || Hit(r.Subjects) || Hit(r.Description))
            .OrderBy(r => r.Name, SwedishCalendar.Comparer).Select(r => r.Id).ToList();
    }

    /// <summary>The resources with <paramref name="ids"/>, in that order.</summary>
    public async Task<IReadOnlyList<CatalogueItem>> DescribeAsync(IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0) return [];
        var resources = await db.LearningResources.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.Name, r.Type, r.Subjects, r.Grades,
                Supplier = db.Suppliers.Where(s => s.Id == r.SupplierId).Select(s => s.Name).FirstOrDefault(),
            })
            .ToListAsync();
        var here = await db.ResourceDecisions.AsNoTracking().Where(d => d.SupersededAt == null && ids.Contains(d.ResourceId))
            .ToDictionaryAsync(d => d.ResourceId, d => (Decision?)d.Decision);
        // Every organizer's current decision counts, shared or not: a count shows no organizer's review.
        var everywhere = await db.ResourceDecisions.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.SupersededAt == null && ids.Contains(d.ResourceId)
                && (d.Decision == Decision.Approved || d.Decision == Decision.ApprovedWithConditions))
            .GroupBy(d => d.ResourceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return resources.OrderBy(r => order[r.Id])
            .Select(r => new CatalogueItem(r.Id, r.Name, r.Type, r.Supplier, r.Subjects, r.Grades, here.GetValueOrDefault(r.Id),
                everywhere.GetValueOrDefault(r.Id)))
            .ToList();
    }
}
