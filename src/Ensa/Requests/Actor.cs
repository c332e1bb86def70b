using Ensa.Identity;

namespace Ensa.Requests;

/// <summary>Who acts on a request, with what they may do at the request's organizer. Built from the signed-in
/// user's memberships; the domain decides with it, so a page cannot forget a rule.</summary>
public sealed record Actor(Guid UserId, string Name, IReadOnlySet<Role> Roles, IReadOnlySet<Guid> PrincipalOfUnits)
{
    public bool IsReviewer => Roles.Contains(Role.CentralReviewer);
    public bool IsSecurityCoordinator => Roles.Contains(Role.SecurityCoordinator);
    public bool IsPrincipalOf(Guid unitId) => PrincipalOfUnits.Contains(unitId);
}
