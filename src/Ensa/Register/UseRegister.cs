using Ensa.Agreements;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Register;

/// <summary>One resource at one school unit: in use (or approved and waiting for its people), with who answers for it.</summary>
public sealed record UseRow(
    Guid RequestId, RequestStatus Status, Guid UnitId, string Unit, Guid ResourceId, string Resource, DateTime? Since,
    Guid? RegisteransvarigUserId, string? Registeransvarig, string? Administrator, string? AdministratorEmail,
    AgreementCoverage Agreement, DateOnly? AgreementEnds);

/// <summary>What the central department must put right. <see cref="PeopleLeft"/> pairs each use with the unit's current
/// principal, the proposed new registeransvarig (null when the unit has none).</summary>
public sealed record Gaps(
    IReadOnlyList<UseRow> WithoutApprovedDecision, IReadOnlyList<UseRow> AgreementNotInForce, IReadOnlyList<UseRow> AgreementEndingSoon,
    IReadOnlyList<UseRow> MissingPeople, IReadOnlyList<(UseRow Use, Guid? ProposedUserId, string? Proposed)> PeopleLeft)
{
    public int Count => WithoutApprovedDecision.Count + AgreementNotInForce.Count + AgreementEndingSoon.Count + MissingPeople.Count + PeopleLeft.Count;
}

/// <summary>What a person answers for at the organizer, to be handed over when they leave.</summary>
public enum HandoverKind { Registeransvarig, Administrator, Requester }

public sealed record HandoverTask(Guid RequestId, HandoverKind Kind, string Unit, string Resource);

/// <summary>The register of which resources are used where, and its gaps, for the current organizer (the tenant filter
/// applies to every query here).</summary>
public sealed class UseRegister(EnsaDbContext db)
{
    public const int EndingSoonDays = 90;

    /// <summary>Requests that are approved, in use, or whose use has ended (with <paramref name="includeEnded"/>), at one unit,
    /// of one resource, or at the units in <paramref name="unitIds"/> (one page of the register).</summary>
    public async Task<List<UseRow>> UsesAsync(Guid? unitId = null, Guid? resourceId = null, bool includeEnded = false,
        IReadOnlyCollection<Guid>? unitIds = null)
    {
        var requests = Registered(includeEnded)
            .Where(r => unitId == null || r.SchoolUnitId == unitId)
            .Where(r => resourceId == null || r.ResourceId == resourceId);
        if (unitIds is not null) requests = requests.Where(r => unitIds.Contains(r.SchoolUnitId));
        // Names and each request's latest decision are read once per query, not per row (thousands of rows at a large organizer).
        var rows = await requests
            .Select(r => new
            {
                r.Id, r.Status, r.SchoolUnitId, ResourceId = r.ResourceId!.Value,
                Since = r.Use == null ? null : r.Use.InUseSince,
                RegisteransvarigUserId = r.Use == null ? null : r.Use.RegisteransvarigUserId,
                Administrator = r.Use == null ? null : r.Use.AdministratorName,
                AdministratorEmail = r.Use == null ? null : r.Use.AdministratorEmail,
            })
            .ToListAsync();
        // By id lists, not "exists a request for it": SQLite would look for the requests through the resource's index,
        // across every organizer's requests for a popular resource.
        var rowUnitIds = rows.Select(r => r.SchoolUnitId).Distinct().ToList();
        var resourceIds = rows.Select(r => r.ResourceId).Distinct().ToList();
        var unitNames = await db.OrganisationUnits.AsNoTracking().Where(u => rowUnitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name);
        var resourceNames = await db.LearningResources.AsNoTracking().Where(x => resourceIds.Contains(x.Id))
            .Select(x => new { x.Id, x.Name }).ToDictionaryAsync(x => x.Id, x => x.Name);
        var userIds = rows.Where(r => r.RegisteransvarigUserId != null).Select(r => r.RegisteransvarigUserId!.Value).Distinct().ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        // A page's few hundred requests by id (their reviews' index); the whole organizer's by a semi-join.
        var requestIds = rows.Select(r => r.Id).ToList();
        var reviews = rows.Count <= 1000
            ? db.ResourceReviews.AsNoTracking().Where(v => requestIds.Contains(v.RequestId))
            : db.ResourceReviews.AsNoTracking().Where(v => requests.Any(r => r.Id == v.RequestId));
        var needs = (await reviews.Where(v => v.DecidedAt != null)
                .Select(v => new { v.RequestId, v.DecidedAt, v.AgreementNeed }).ToListAsync())
            .GroupBy(v => v.RequestId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.DecidedAt)!.AgreementNeed);

        // This organizer's agreements per resource (the tenant filter applies): whether one is in force, and until when
        // (none means open-ended, so the latest end of those in force counts).
        var agreements = (await db.Agreements.AsNoTracking().Where(a => resourceIds.Contains(a.ResourceId))
                .Select(a => new { a.ResourceId, a.Status, a.EndDate }).ToListAsync())
            .GroupBy(a => a.ResourceId)
            .ToDictionary(g => g.Key, g =>
            {
                var inForce = g.Where(a => a.Status == AgreementStatus.InForce).ToList();
                return (InForce: inForce.Count > 0, Ends: inForce.Count == 0 || inForce.Any(a => a.EndDate is null) ? null : inForce.Max(a => a.EndDate));
            });
        return rows.Select(r =>
            {
                var agreement = agreements.TryGetValue(r.ResourceId, out var a) ? a : ((bool InForce, DateOnly? Ends)?)null;
                return new UseRow(r.Id, r.Status, r.SchoolUnitId, unitNames.GetValueOrDefault(r.SchoolUnitId, ""), r.ResourceId,
                    resourceNames.GetValueOrDefault(r.ResourceId, ""), r.Since,
                    r.RegisteransvarigUserId, r.RegisteransvarigUserId is { } user ? userNames.GetValueOrDefault(user) : null,
                    r.Administrator, r.AdministratorEmail,
                    Coverage.Of(needs.TryGetValue(r.Id, out var need) ? need : AgreementNeed.Needed, agreement?.InForce), agreement?.Ends);
            })
            .ToList();
    }

    /// <summary>The units that have rows in the register, so that it can be shown a page of units at a time.</summary>
    /// <summary>Resources in use now at the units, each with its local system administrator: whom a rights request's
    /// tasks go to.</summary>
    public async Task<List<Ensa.Privacy.UseAtUnit>> InUseWithAdministratorAtAsync(IReadOnlyCollection<Guid> unitIds) =>
        (await UsesAsync()).Where(u => u.Status == RequestStatus.InUse && unitIds.Contains(u.UnitId) && u.Administrator is not null)
            .Select(u => new Ensa.Privacy.UseAtUnit(u.RequestId, u.UnitId, u.ResourceId, u.Administrator!, u.AdministratorEmail ?? ""))
            .ToList();

    /// <summary>Requests still open (not decided, or sent back)—the statuses a requester still acts on.</summary>
    public static readonly RequestStatus[] OpenStatuses =
        [RequestStatus.Draft, RequestStatus.AwaitingPrincipal, RequestStatus.SentBack, RequestStatus.InReview, RequestStatus.AwaitingAgreement];

    /// <summary>What the person answers for here: uses they are registeransvarig or local system administrator of
    /// (by their e-mail), and open requests they made.</summary>
    public async Task<List<HandoverTask>> HandoverOfAsync(Guid userId, string? email)
    {
        var tasks = (await UsesAsync())
            .SelectMany(u => new[]
            {
                u.RegisteransvarigUserId == userId ? new HandoverTask(u.RequestId, HandoverKind.Registeransvarig, u.Unit, u.Resource) : null,
                email is not null && string.Equals(u.AdministratorEmail, email, StringComparison.OrdinalIgnoreCase)
                    ? new HandoverTask(u.RequestId, HandoverKind.Administrator, u.Unit, u.Resource) : null,
            })
            .OfType<HandoverTask>().ToList();
        var requests = await db.ResourceRequests.AsNoTracking()
            .Where(r => r.RequesterId == userId && OpenStatuses.Contains(r.Status))
            .Select(r => new
            {
                r.Id,
                Unit = db.OrganisationUnits.Where(u => u.Id == r.SchoolUnitId).Select(u => u.Name).FirstOrDefault(),
                Resource = db.LearningResources.Where(x => x.Id == r.ResourceId).Select(x => x.Name).FirstOrDefault() ?? r.ProposedName,
            })
            .ToListAsync();
        tasks.AddRange(requests.Select(r => new HandoverTask(r.Id, HandoverKind.Requester, r.Unit ?? "", r.Resource ?? "")));
        return tasks;
    }

    public Task<List<Guid>> UnitsWithUsesAsync(bool includeEnded = false) =>
        Registered(includeEnded).Select(r => r.SchoolUnitId).Distinct().ToListAsync();

    private IQueryable<ResourceRequest> Registered(bool includeEnded)
    {
        var statuses = includeEnded
            ? new[] { RequestStatus.Approved, RequestStatus.ApprovedWithConditions, RequestStatus.InUse, RequestStatus.UseEnded }
            : new[] { RequestStatus.Approved, RequestStatus.ApprovedWithConditions, RequestStatus.InUse };
        return db.ResourceRequests.AsNoTracking().Where(r => statuses.Contains(r.Status) && r.ResourceId != null);
    }

    public async Task<Gaps> GapsAsync(DateOnly today)
    {
        var uses = await UsesAsync();
        var inUse = uses.Where(u => u.Status == RequestStatus.InUse).ToList();

        // The organizer's current decision per resource: a later refusal (a re-review) leaves the use without approval.
        var latest = (await db.ResourceReviews.AsNoTracking().Where(v => v.DecidedAt != null && v.ResourceId != null)
                .Select(v => new { ResourceId = v.ResourceId!.Value, v.Decision, v.DecidedAt }).ToListAsync())
            .GroupBy(v => v.ResourceId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.DecidedAt)!.Decision);
        var withoutApproval = inUse.Where(u => latest.GetValueOrDefault(u.ResourceId) is not (Decision.Approved or Decision.ApprovedWithConditions)).ToList();

        var notInForce = inUse.Where(u => u.Agreement == AgreementCoverage.Missing).ToList();
        var endingSoon = inUse.Where(u => u.AgreementEnds is { } end && end <= today.AddDays(EndingSoonDays)).ToList();
        var missingPeople = uses.Where(u => u.Status != RequestStatus.InUse && (u.RegisteransvarigUserId is null || u.Administrator is null)).ToList();

        // Named people who have left: no role at this organizer any more, or now principal of another unit while this
        // one has a principal of its own (the principal changed). A registeransvarig who was never a principal (an IT
        // coordinator, say) was a choice, not a gap. The unit's current principal is proposed in their place.
        var principals = (await db.Memberships.AsNoTracking().Where(m => m.Role == Role.Principal && m.OrganisationUnitId != null)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { UnitId = m.OrganisationUnitId!.Value, u.Id, u.DisplayName }).ToListAsync());
        var principalsByUnit = principals.ToLookup(p => p.UnitId);
        var members = (await db.Memberships.AsNoTracking().Select(m => m.UserId).Distinct().ToListAsync()).ToHashSet();
        var anyPrincipal = principals.Select(p => p.Id).ToHashSet();
        var left = new List<(UseRow, Guid?, string?)>();
        foreach (var use in uses.Where(u => u.RegisteransvarigUserId is not null))
        {
            var named = use.RegisteransvarigUserId!.Value;
            var current = principalsByUnit[use.UnitId].ToList();
            var hasLeft = !members.Contains(named);
            var movedOn = current.Count > 0 && current.All(p => p.Id != named) && anyPrincipal.Contains(named);
            if (!hasLeft && !movedOn) continue;
            var proposed = current.FirstOrDefault();
            left.Add((use, proposed?.Id, proposed?.DisplayName));
        }
        return new Gaps(withoutApproval, notInForce, endingSoon, missingPeople, left);
    }
}
