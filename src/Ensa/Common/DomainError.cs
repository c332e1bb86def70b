namespace Ensa.Common;

/// <summary>An expected failure of a domain operation: a stable code (a resource key) and its arguments.</summary>
public sealed record DomainError(string Code, params object[] Args);

/// <summary>The outcome of a domain operation that can be refused.</summary>
public readonly record struct Result(DomainError? Error)
{
    public static Result Ok => new(null);
    public bool Succeeded => Error is null;
    public static implicit operator Result(DomainError error) => new(error);
}
