namespace Ensa.Common;

/// <summary>A row that belongs to one organizer (the tenant). Filtered by the DbContext and checked by authorization.</summary>
public interface IOrganizerOwned
{
    Guid OrganizerId { get; }
}

/// <summary>An entity whose every change is written to the audit log.</summary>
public interface IAudited;

/// <summary>A workflow entity two people may act on at once: it carries a version that every save advances and checks,
/// so the second of two saves from the same version is refused instead of overwriting the first (Data/Versions.cs).</summary>
public interface IVersioned;

/// <summary>Who is acting and for which organizer: the signed-in user in a request, nobody in a background job.</summary>
public interface ICurrentSession
{
    Guid? UserId { get; }
    string? UserName { get; }
    Guid? OrganizerId { get; }
}

/// <summary>A session fixed by a background task that acts for one organizer (or in a user's name after they left the
/// page): the query filters then see that organizer's rows.</summary>
public sealed record FixedSession(Guid? UserId, string? UserName, Guid? OrganizerId) : ICurrentSession;

public sealed class SystemSession : ICurrentSession
{
    public static readonly SystemSession Instance = new();
    public Guid? UserId => null;
    public string? UserName => "system";
    public Guid? OrganizerId => null;
}
