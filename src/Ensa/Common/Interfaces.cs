namespace Ensa.Common;

/// <summary>A row that belongs to one organizer (the tenant). Filtered by the DbContext and checked by authorization.</summary>
public interface IOrganizerOwned
{
    Guid OrganizerId { get; }
}

/// <summary>An entity whose every change is written to the audit log.</summary>
public interface IAudited;

/// <summary>Who is acting and for which organizer: the signed-in user in a request, nobody in a background job.</summary>
public interface ICurrentSession
{
    Guid? UserId { get; }
    string? UserName { get; }
    Guid? OrganizerId { get; }
}

public sealed class SystemSession : ICurrentSession
{
    public static readonly SystemSession Instance = new();
    public Guid? UserId => null;
    public string? UserName => "system";
    public Guid? OrganizerId => null;
}
