using System.Text.Json;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Register;

/// <summary>One resource at one school unit: in use (or approved and waiting for its people), with who answers for it.
/// <see cref="Approved"/>: the organizer's current decision on the resource approves it (a later refusal leaves the use
/// without approval).</summary>
public sealed record UseRow(
    Guid RequestId, RequestStatus Status, Guid UnitId, string Unit, Guid ResourceId, string Resource, DateTime? Since,
    Guid? RegisteransvarigUserId, string? Registeransvarig, string? Administrator, string? AdministratorEmail,
    AgreementCoverage Agreement, DateOnly? AgreementEnds, bool Approved);

/// <summary>What the central department must put right.</summary>
public sealed record Gaps(
    IReadOnlyList<UseRow> WithoutApprovedDecision, IReadOnlyList<UseRow> AgreementNotInForce, IReadOnlyList<UseRow> AgreementEndingSoon,
    IReadOnlyList<UseRow> MissingPeople, IReadOnlyList<PersonGap> PeopleLeft)
{
    public int Count => WithoutApprovedDecision.Count + AgreementNotInForce.Count + AgreementEndingSoon.Count + MissingPeople.Count + PeopleLeft.Count;
}

/// <summary>Why a named person no longer answers for what they were named for.</summary>
public enum GapReason { Deactivated, NoRoleHere, NoLongerPrincipal }

/// <summary>A registeransvarig, local system administrator or requester of an open request who has left (or, for a
/// registeransvarig, is no longer principal of the unit). <see cref="ProposedUserId"/>: the unit's principal, for a
/// registeransvarig.</summary>
public sealed record PersonGap(Guid RequestId, Guid UnitId, string Unit, string Resource, HandoverKind Kind, string Person,
    GapReason Reason, Guid? ProposedUserId);

/// <summary>Someone who may take over: a person with a role at the organizer, and the units they are principal of.</summary>
public sealed record Successor(Guid Id, string Name, string Email, IReadOnlySet<Guid> PrincipalOf)
{
    /// <summary>A registeransvarig handed over is the unit's principal; anyone here may take the rest.</summary>
    public bool MayTake(PersonGap gap) => gap.Kind != HandoverKind.Registeransvarig || PrincipalOf.Contains(gap.UnitId);
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
        // Whether it is approved and whether an agreement is needed: the organizer's current decision on the resource says.
        var decisions = await db.ResourceDecisions.AsNoTracking().Where(d => d.SupersededAt == null && resourceIds.Contains(d.ResourceId))
            .Select(d => new { d.ResourceId, d.Decision, d.AgreementNeed }).ToDictionaryAsync(d => d.ResourceId);

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
                var decision = decisions.GetValueOrDefault(r.ResourceId);
                return new UseRow(r.Id, r.Status, r.SchoolUnitId, unitNames.GetValueOrDefault(r.SchoolUnitId, ""), r.ResourceId,
                    resourceNames.GetValueOrDefault(r.ResourceId, ""), r.Since,
                    r.RegisteransvarigUserId, r.RegisteransvarigUserId is { } user ? userNames.GetValueOrDefault(user) : null,
                    r.Administrator, r.AdministratorEmail,
                    Coverage.Of(decision?.AgreementNeed ?? AgreementNeed.Needed, agreement?.InForce), agreement?.Ends,
                    decision?.Decision is Decision.Approved or Decision.ApprovedWithConditions);
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

        var withoutApproval = inUse.Where(u => !u.Approved).ToList();

        var notInForce = inUse.Where(u => u.Agreement == AgreementCoverage.Missing).ToList();
        var endingSoon = inUse.Where(u => u.AgreementEnds is { } end && end <= today.AddDays(EndingSoonDays)).ToList();
        var missingPeople = uses.Where(u => u.Status != RequestStatus.InUse && (u.RegisteransvarigUserId is null || u.Administrator is null)).ToList();

        return new Gaps(withoutApproval, notInForce, endingSoon, missingPeople, await PeopleLeftAsync(uses));
    }

    /// <summary>Named people who have left: deactivated here, with no role here any more, or (a registeransvarig) no
    /// longer principal of the unit they were principal of. A registeransvarig who was never the unit's principal (an
    /// IT coordinator, say) was a choice, not a gap; so is a system administrator without an account here.</summary>
    private async Task<List<PersonGap>> PeopleLeftAsync(List<UseRow> uses)
    {
        var people = await PeopleAsync();
        var emails = uses.Where(u => u.AdministratorEmail is not null).Select(u => u.AdministratorEmail!.ToUpperInvariant()).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id);
        var gaps = new List<PersonGap>();
        foreach (var use in uses)
        {
            var principal = people.PrincipalsByUnit[use.UnitId].FirstOrDefault();
            if (use.RegisteransvarigUserId is { } named && people.Reason(named, use.UnitId, asPrincipal: true) is { } why)
                gaps.Add(new(use.RequestId, use.UnitId, use.Unit, use.Resource, HandoverKind.Registeransvarig, use.Registeransvarig ?? "", why, principal));
            if (use.AdministratorEmail is { } email && accounts.TryGetValue(email.ToUpperInvariant(), out var admin)
                && people.Reason(admin, use.UnitId, asPrincipal: false) is { } adminWhy
                && (adminWhy != GapReason.NoRoleHere || people.FormerMembers.Contains(admin)))
                gaps.Add(new(use.RequestId, use.UnitId, use.Unit, use.Resource, HandoverKind.Administrator, use.Administrator ?? email, adminWhy, null));
        }
        // Open requests of people without a role here (the query filter keeps memberships to this organizer).
        var requests = await db.ResourceRequests.AsNoTracking()
            .Where(r => OpenStatuses.Contains(r.Status) && !db.Memberships.Any(m => m.UserId == r.RequesterId))
            .Select(r => new
            {
                r.Id, r.SchoolUnitId, r.RequesterId,
                Requester = db.Users.Where(u => u.Id == r.RequesterId).Select(u => u.DisplayName).FirstOrDefault(),
                Unit = db.OrganisationUnits.Where(u => u.Id == r.SchoolUnitId).Select(u => u.Name).FirstOrDefault(),
                Resource = db.LearningResources.Where(x => x.Id == r.ResourceId).Select(x => x.Name).FirstOrDefault() ?? r.ProposedName,
            })
            .ToListAsync();
        gaps.AddRange(requests.Select(r => new PersonGap(r.Id, r.SchoolUnitId, r.Unit ?? "", r.Resource ?? "", HandoverKind.Requester,
            r.Requester ?? "", people.Reason(r.RequesterId, r.SchoolUnitId, asPrincipal: false) ?? GapReason.NoRoleHere, null)));
        return gaps;
    }

    /// <summary>The organizer's people as the gaps need them: who has a role here, who is deactivated, who was principal
    /// of which unit (from the audit log's deleted roles) and who had a role here once.</summary>
    private async Task<People> PeopleAsync()
    {
        var memberships = await db.Memberships.AsNoTracking().Select(m => new { m.UserId, m.Role, m.OrganisationUnitId }).ToListAsync();
        var suspended = await db.SuspendedMemberships.AsNoTracking().Select(m => m.UserId).Distinct().ToListAsync();
        // The audit log is filtered to this organizer; each deleted role's values are its "before" side.
        var deleted = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(Membership) && a.Action == "Deleted").Select(a => a.Changes).ToListAsync())
            .Select(DeletedMembership).OfType<(Guid UserId, string Role, Guid? UnitId)>().ToList();
        return new People(
            memberships.Select(m => m.UserId).ToHashSet(),
            memberships.Where(m => m.Role == Role.Principal).Select(m => (m.UserId, m.OrganisationUnitId!.Value)).ToHashSet(),
            memberships.Where(m => m.Role == Role.Principal).ToLookup(m => m.OrganisationUnitId!.Value, m => (Guid?)m.UserId),
            suspended.ToHashSet(),
            deleted.Where(d => d.Role == nameof(Role.Principal) && d.UnitId is not null).Select(d => (d.UserId, d.UnitId!.Value)).ToHashSet(),
            deleted.Select(d => d.UserId).ToHashSet());
    }

    private static (Guid UserId, string Role, Guid? UnitId)? DeletedMembership(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        string? Before(string name) => json.RootElement.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array
            && p[0].ValueKind == JsonValueKind.String ? p[0].GetString() : null;
        return Guid.TryParse(Before(nameof(Membership.UserId)), out var user) && Before(nameof(Membership.Role)) is { } role
            ? (user, role, Guid.TryParse(Before(nameof(Membership.OrganisationUnitId)), out var unit) ? unit : null)
            : null;
    }

    private sealed record People(
        HashSet<Guid> Active, HashSet<(Guid UserId, Guid UnitId)> Principals, ILookup<Guid, Guid?> PrincipalsByUnit,
        HashSet<Guid> Deactivated, HashSet<(Guid UserId, Guid UnitId)> FormerPrincipals, HashSet<Guid> FormerMembers)
    {
        /// <summary>Why the person no longer answers for something at the unit; null when they still do.</summary>
        public GapReason? Reason(Guid user, Guid unitId, bool asPrincipal) =>
            !Active.Contains(user) ? Deactivated.Contains(user) ? GapReason.Deactivated : GapReason.NoRoleHere
            : asPrincipal && !Principals.Contains((user, unitId)) && FormerPrincipals.Contains((user, unitId)) ? GapReason.NoLongerPrincipal
            : null;
    }

    /// <summary>Who may take over gaps: everyone with a role here, with the units they are principal of.</summary>
    public async Task<List<Successor>> SuccessorsAsync() =>
        (await db.Memberships.AsNoTracking().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.Email, m.Role, m.OrganisationUnitId })
            .ToListAsync())
        .GroupBy(p => p.Id)
        .Select(g => new Successor(g.Key, g.First().DisplayName, g.First().Email ?? "",
            g.Where(p => p.Role == Role.Principal).Select(p => p.OrganisationUnitId!.Value).ToHashSet()))
        .OrderBy(p => p.Name, SwedishCalendar.Comparer).ToList();

    /// <summary>The person (by e-mail) who takes over <paramref name="gap"/>, or why they cannot: deactivated here, not
    /// at this organizer, or not principal of the unit (a registeransvarig).</summary>
    public async Task<(Successor? To, DomainError? Error)> SuccessorAsync(PersonGap gap, string email)
    {
        var person = (await SuccessorsAsync()).FirstOrDefault(s => string.Equals(s.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
        if (person is not null)
            return person.MayTake(gap) ? (person, null) : (null, new DomainError("Gaps.SuccessorNotPrincipal", gap.Unit));
        var normalized = email.Trim().ToUpperInvariant();
        var deactivated = await db.SuspendedMemberships.AnyAsync(m => db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == normalized));
        return (null, new DomainError(deactivated ? "Gaps.SuccessorDeactivated" : "Gaps.SuccessorNotHere"));
    }
}
