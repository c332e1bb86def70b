namespace Ensa.Audit;

/// <summary>One change to a business entity: append-only, never updated or deleted.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(Guid? organizerId, DateTime at, Guid? actorUserId, string? actorName, string entityType,
        string entityId, string action, string changes)
    {
        Id = Guid.NewGuid();
        OrganizerId = organizerId;
        At = at;
        ActorUserId = actorUserId;
        ActorName = actorName;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
    }

    public Guid Id { get; private set; }
    /// <summary>The organizer whose data changed; null for shared data (suppliers, users).</summary>
    public Guid? OrganizerId { get; private set; }
    public DateTime At { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string? ActorName { get; private set; }
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; private set; } = "";
    /// <summary>JSON object: property → [before, after].</summary>
    public string Changes { get; private set; } = "";
}
