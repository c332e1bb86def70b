using System.Security.Claims;
using Ensa.Agreements;
using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Authorization;

/// <summary>Who the signed-in user is on the organizer's agreements, and the agreement they may see. Every agreement
/// page loads through here: the query filter keeps other organizers' rows out, and the SameOrganizer policy checks the
/// loaded row again.</summary>
public sealed class AgreementAccess(EnsaDbContext db, IAuthorizationService authorization, IHttpContextAccessor http)
{
    /// <summary>The roles that work on agreements: the central department and the organizer's admin.</summary>
    public static readonly string[] StaffRoles = [Roles.CentralReviewer, Roles.SecurityCoordinator, Roles.Signatory, Roles.OrganizerAdmin];

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public Actor Actor()
    {
        var userId = User.UserId() ?? throw new InvalidOperationException("Not signed in.");
        var roles = User.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? r : (Role?)null)
            .OfType<Role>().ToHashSet();
        return Common.Actor.OrganizerStaff(userId, User.FindFirstValue(EnsaClaimTypes.DisplayName) ?? "", roles);
    }

    /// <summary>The organizer's agreement for a resource that matters most to a request: one in force, else the latest.</summary>
    public async Task<(Guid Id, AgreementStatus Status)?> ForResourceAsync(Guid resourceId)
    {
        var rows = await db.Agreements.Where(a => a.ResourceId == resourceId)
            .Select(a => new { a.Id, a.Status, a.UpdatedAt }).ToListAsync();
        var best = rows.OrderByDescending(a => a.Status == AgreementStatus.InForce).ThenByDescending(a => a.UpdatedAt).FirstOrDefault();
        return best is null ? null : (best.Id, best.Status);
    }

    /// <summary>The agreement with its timeline, signatories and deviations, or null (the page answers 404).</summary>
    public async Task<Agreement?> LoadAsync(Guid id) => await AuthorizedAsync(await db.Agreements
        .Include(a => a.Events).Include(a => a.Signatories).Include(a => a.Deviations).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id));

    /// <summary>The agreement's row alone, or null (404).</summary>
    public async Task<Agreement?> FindAsync(Guid id) => await AuthorizedAsync(await db.Agreements.SingleOrDefaultAsync(a => a.Id == id));

    /// <summary>The agreement with only what <paramref name="step"/> reads (a step adds its timeline entry without the
    /// timeline loaded), or null (404).</summary>
    public async Task<Agreement?> LoadForStepAsync(Guid id, AgreementStep step)
    {
        IQueryable<Agreement>? query = step switch
        {
            AgreementStep.RemindSupplier => db.Agreements.Include(a => a.Events),
            AgreementStep.RecordDeviation or AgreementStep.RemoveDeviation => db.Agreements.Include(a => a.Deviations),
            _ => null,
        };
        return query is null ? await FindAsync(id) : await AuthorizedAsync(await query.SingleOrDefaultAsync(a => a.Id == id));
    }

    /// <summary>The agreement <paramref name="id"/> from <paramref name="agreements"/> (with what it includes), or null (404).</summary>
    public async Task<Agreement?> AuthorizedAsync(IQueryable<Agreement> agreements, Guid id) =>
        await AuthorizedAsync(await agreements.SingleOrDefaultAsync(a => a.Id == id));

    private async Task<Agreement?> AuthorizedAsync(Agreement? agreement) =>
        agreement is not null && (await authorization.AuthorizeAsync(User, agreement, Policies.SameOrganizer)).Succeeded ? agreement : null;
}
