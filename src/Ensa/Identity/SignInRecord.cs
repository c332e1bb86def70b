namespace Ensa.Identity;

public enum SignInMethod { Password, TwoFactor, RecoveryCode, External }

/// <summary>One successful sign-in, shown to the account's user. No IP address: the user needs to recognise their own
/// sign-ins, and an address would be personal data kept for little use.</summary>
public sealed class SignInRecord
{
    public const int ProviderMaxLength = 200;

    private SignInRecord() { }

    public SignInRecord(Guid userId, DateTime at, SignInMethod method, string? provider) =>
        (Id, UserId, At, Method, Provider) = (Guid.NewGuid(), userId, at, method, provider?[..Math.Min(provider.Length, ProviderMaxLength)]);

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public DateTime At { get; private set; }
    public SignInMethod Method { get; private set; }
    /// <summary>The identity provider's display name, for an external sign-in.</summary>
    public string? Provider { get; private set; }
}
