using Ensa.Common;

namespace Ensa.Identity;

/// <summary>A role held by a user at one organizer; a principal's role is tied to a school unit.</summary>
public sealed class Membership : IOrganizerOwned, IAudited
{
    private Membership() { }

    public Membership(Guid userId, Guid organizerId, Role role, Guid? organisationUnitId, DateTime grantedAt)
    {
        if (role == Role.Principal && organisationUnitId is null)
            throw new ArgumentException("A principal is principal at a school unit.", nameof(organisationUnitId));
        Id = Guid.NewGuid();
        UserId = userId;
        OrganizerId = organizerId;
        Role = role;
        OrganisationUnitId = organisationUnitId;
        GrantedAt = grantedAt;
    }

    internal static Membership Restored(Guid id, Guid userId, Guid organizerId, Role role, Guid? unitId, DateTime grantedAt) =>
        new() { Id = id, UserId = userId, OrganizerId = organizerId, Role = role, OrganisationUnitId = unitId, GrantedAt = grantedAt };

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Role Role { get; private set; }
    public Guid? OrganisationUnitId { get; private set; }
    public DateTime GrantedAt { get; private set; }
}
