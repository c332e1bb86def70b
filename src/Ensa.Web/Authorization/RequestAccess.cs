using System.Security.Claims;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Authorization;

/// <summary>Who the signed-in user is in the request process, and which requests they may see. Every request page
/// loads through here, so tenancy and visibility are checked in one place.</summary>
public sealed class RequestAccess(EnsaDbContext db, IAuthorizationService authorization, IHttpContextAccessor http)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public async Task<Actor> ActorAsync()
    {
        var userId = User.UserId() ?? throw new InvalidOperationException("Not signed in.");
        var roles = User.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? r : (Role?)null)
            .OfType<Role>().ToHashSet();
        // The query filter keeps memberships to the current organizer.
        var units = await db.Memberships.Where(m => m.UserId == userId && m.Role == Role.Principal && m.OrganisationUnitId != null)
            .Select(m => m.OrganisationUnitId!.Value).ToListAsync();
        return new Actor(userId, User.FindFirstValue(EnsaClaimTypes.DisplayName) ?? "", roles, units.ToHashSet());
    }

    /// <summary>The request with its timeline, purchase and use, or null when it is not the user's to see
    /// (another organizer's, or another unit's for a teacher): the page answers 404.</summary>
    public async Task<(ResourceRequest Request, Actor Actor)?> LoadAsync(Guid id)
    {
        var request = await db.ResourceRequests.Include(r => r.Events).Include(r => r.Purchase).Include(r => r.Use)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id);
        if (request is null || !(await authorization.AuthorizeAsync(User, request, Policies.SameOrganizer)).Succeeded) return null;
        var actor = await ActorAsync();
        return CanSee(actor, request) ? (request, actor) : null;
    }

    public static bool CanSee(Actor actor, ResourceRequest request) =>
        actor.UserId == request.RequesterId || actor.IsPrincipalOf(request.SchoolUnitId) || actor.IsReviewer ||
        actor.IsSecurityCoordinator || actor.Roles.Contains(Role.OrganizerAdmin);

    /// <summary>The latest review round of a request, if any.</summary>
    public Task<ResourceReview?> CurrentReviewAsync(Guid requestId) =>
        db.ResourceReviews.Where(r => r.RequestId == requestId).OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync();
}
