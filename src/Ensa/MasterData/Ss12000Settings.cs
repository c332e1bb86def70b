using Ensa.Common;

namespace Ensa.MasterData;

/// <summary>How Ensa reaches one organizer's SS 12000 API. The token and the client secret are stored only as
/// data-protection ciphertext (the web layer protects them) and never shown again.</summary>
public sealed class Ss12000Settings : IOrganizerOwned, IAudited
{
    public const int UrlMaxLength = 500;
    public const int ClientIdMaxLength = 200;
    public const int SecretMaxLength = 2000;
    public const int ProtectedMaxLength = 6000;

    private Ss12000Settings() { }

    public Ss12000Settings(Guid organizerId)
    {
        Id = Guid.NewGuid();
        OrganizerId = organizerId;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public string BaseUrl { get; private set; } = "";
    public string? TokenUrl { get; private set; }
    public string? ClientId { get; private set; }
    /// <summary>Ciphertext; the audit log leaves it out.</summary>
    public string? ProtectedToken { get; private set; }
    /// <summary>Ciphertext; the audit log leaves it out.</summary>
    public string? ProtectedClientSecret { get; private set; }
    /// <summary>Whether the daily sync runs for this organizer.</summary>
    public bool DailySync { get; private set; }

    /// <summary>A null protected value keeps the stored one.</summary>
    public void Update(string baseUrl, string? tokenUrl, string? clientId, bool dailySync, string? protectedToken, string? protectedClientSecret)
    {
        (BaseUrl, TokenUrl, ClientId, DailySync) = (baseUrl, tokenUrl, clientId, dailySync);
        ProtectedToken = protectedToken ?? ProtectedToken;
        ProtectedClientSecret = protectedClientSecret ?? ProtectedClientSecret;
    }

    public void RemoveToken() => ProtectedToken = null;
    public void RemoveClientSecret() => ProtectedClientSecret = null;
}
