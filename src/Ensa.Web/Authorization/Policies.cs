using Ensa.Identity;
using Ensa.Resources;
using Microsoft.AspNetCore.Authorization;

namespace Ensa.Web.Authorization;

public static class Policies
{
    /// <summary>Anyone with a role at the current organizer (staff: every staff member may request).</summary>
    public const string Staff = "Staff";
    public const string OrganizerAdmin = Roles.OrganizerAdmin;
    public const string PlatformAdmin = Roles.PlatformAdmin;
    public const string SupplierUser = Roles.SupplierUser;
    public const string CentralReviewer = Roles.CentralReviewer;
    /// <summary>The central department: reviewers and security coordinators.</summary>
    public const string Reviewer = "Reviewer";
    /// <summary>May add and change entries in the shared catalogue of learning resources.</summary>
    public const string CatalogueEditor = "CatalogueEditor";
    /// <summary>Works on the organizer's data processing agreements: reviewers, security coordinators, admins.</summary>
    public const string AgreementStaff = "AgreementStaff";
    /// <summary>Resource policy: the record belongs to the organizer the user acts for.</summary>
    public const string SameOrganizer = "SameOrganizer";

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Staff, p => p.RequireClaim(EnsaClaimTypes.Organizer));
        foreach (var role in new[] { OrganizerAdmin, PlatformAdmin, SupplierUser, CentralReviewer })
            options.AddPolicy(role, p => p.RequireRole(role));
        options.AddPolicy(Reviewer, p => p.RequireRole(Roles.CentralReviewer, Roles.SecurityCoordinator));
        options.AddPolicy(CatalogueEditor, p => p.RequireRole(Catalogue.EditorRoles));
        options.AddPolicy(AgreementStaff, p => p.RequireRole(AgreementAccess.StaffRoles));
        options.AddPolicy(SameOrganizer, p => p.AddRequirements(new SameOrganizerRequirement()));
    }
}

public sealed class SameOrganizerRequirement : IAuthorizationRequirement;

/// <summary>Tenancy, second line (the first is the DbContext's query filter): the resource's organizer must be
/// the one the user acts for.</summary>
public sealed class SameOrganizerHandler : AuthorizationHandler<SameOrganizerRequirement, IOrganizerOwned>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SameOrganizerRequirement requirement,
        IOrganizerOwned resource)
    {
        if (context.User.OrganizerId() is { } organizerId && organizerId == resource.OrganizerId) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
