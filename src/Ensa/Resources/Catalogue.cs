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
        var here = await LatestDecisionsAsync(db.ResourceReviews, ids);
        // Every organizer's latest decision counts, shared or not: a count shows no organizer's review.
        var everywhere = await LatestDecisionsByOrganizerAsync(ids);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return resources.OrderBy(r => order[r.Id])
            .Select(r => new CatalogueItem(r.Id, r.Name, r.Type, r.Supplier, r.Subjects, r.Grades, here.GetValueOrDefault(r.Id),
                everywhere.GetValueOrDefault(r.Id)))
            .ToList();
    }

    /// <summary>The latest decided review of each resource among <paramref name="reviews"/> (the query filter keeps
    /// them to the current organizer).</summary>
    private static async Task<Dictionary<Guid, Decision?>> LatestDecisionsAsync(IQueryable<ResourceReview> reviews, IReadOnlyCollection<Guid> ids) =>
        (await reviews.AsNoTracking()
            .Where(r => r.ResourceId != null && ids.Contains(r.ResourceId.Value) && r.DecidedAt != null)
            .Select(r => new { ResourceId = r.ResourceId!.Value, r.Decision, r.DecidedAt })
            .ToListAsync())
        .GroupBy(r => r.ResourceId)
        .ToDictionary(g => g.Key, g => g.MaxBy(r => r.DecidedAt)!.Decision);

    /// <summary>Per resource, the number of organizers whose latest decision approves it (with or without conditions).</summary>
    private async Task<Dictionary<Guid, int>> LatestDecisionsByOrganizerAsync(IReadOnlyCollection<Guid> ids) =>
        (await db.ResourceReviews.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.ResourceId != null && ids.Contains(r.ResourceId.Value) && r.DecidedAt != null)
            .Select(r => new { ResourceId = r.ResourceId!.Value, r.OrganizerId, r.Decision, r.DecidedAt })
            .ToListAsync())
        .GroupBy(r => r.ResourceId)
        .ToDictionary(g => g.Key, g => g.GroupBy(r => r.OrganizerId)
            .Count(o => o.MaxBy(r => r.DecidedAt)!.Decision is Decision.Approved or Decision.ApprovedWithConditions));
}
