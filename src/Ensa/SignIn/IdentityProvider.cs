using System.Globalization;
using Ensa.Common;

namespace Ensa.SignIn;

/// <summary>Which claim of the ID token names the person: matched against an imported person's eduPersonPrincipalNames
/// (else their work e-mail).</summary>
public enum PersonClaim { Email, Upn, EduPersonPrincipalName }

/// <summary>One of an organizer's OpenID Connect identity providers (Entra ID, Google Workspace, a municipality's own).
/// Its client secret is stored only as data-protection ciphertext and never shown again; <see cref="Stamp"/> changes on
/// every edit, so each app node notices the change and rebuilds its handler.</summary>
public sealed class IdentityProvider : IOrganizerOwned, IAudited
{
    public const int DisplayNameMaxLength = 100;
    public const int AuthorityMaxLength = 500;
    public const int ClientIdMaxLength = 200;
    public const int SecretMaxLength = 2000;
    public const int ProtectedMaxLength = 6000;
    public const int ScopesMaxLength = 500;
    public const int DomainsMaxLength = 2000;
    public const string SchemePrefix = "oidc-";
    public const string DefaultScopes = "openid profile email";

    private IdentityProvider() { }

    public IdentityProvider(Guid organizerId)
    {
        Id = Guid.NewGuid();
        OrganizerId = organizerId;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public string DisplayName { get; private set; } = "";
    /// <summary>The issuer: its discovery document is at /.well-known/openid-configuration below it.</summary>
    public string Authority { get; private set; } = "";
    public string ClientId { get; private set; } = "";
    /// <summary>Ciphertext; the audit log leaves it out.</summary>
    public string? ProtectedClientSecret { get; private set; }
    /// <summary>Space-separated, always with openid.</summary>
    public string Scopes { get; private set; } = DefaultScopes;
    public PersonClaim PersonClaim { get; private set; }
    private readonly List<IdentityProviderDomain> _domains = [];

    /// <summary>The e-mail domains whose people sign in here; each belongs to this provider only.</summary>
    public IReadOnlyList<IdentityProviderDomain> Domains => _domains;
    /// <summary>Whether the provider's <c>amr</c> claim counts as Ensa's two-factor.</summary>
    public bool TrustsMfa { get; private set; }
    public bool Enabled { get; private set; }
    public Guid Stamp { get; private set; }

    /// <summary>The authentication scheme of this provider's handler; also the login provider in AspNetUserLogins.</summary>
    public string Scheme => SchemeOf(Id);

    public static string SchemeOf(Guid id) => SchemePrefix + id.ToString("N", CultureInfo.InvariantCulture);

    public static Guid? IdOfScheme(string scheme) =>
        scheme.StartsWith(SchemePrefix, StringComparison.Ordinal) && Guid.TryParseExact(scheme[SchemePrefix.Length..], "N", out var id) ? id : null;

    /// <summary>A null protected secret keeps the stored one. The domains must be loaded: kept ones stay, others go.</summary>
    public void Update(string displayName, string authority, string clientId, string? protectedClientSecret, string scopes,
        PersonClaim personClaim, IReadOnlyList<string> domains, bool trustsMfa, bool enabled)
    {
        (DisplayName, Authority, ClientId, Scopes, PersonClaim, TrustsMfa, Enabled) =
            (displayName, authority, clientId, scopes, personClaim, trustsMfa, enabled);
        _domains.RemoveAll(d => !domains.Contains(d.Name));
        _domains.AddRange(domains.Except(_domains.Select(d => d.Name)).Select(d => new IdentityProviderDomain(this, d)).ToList());
        ProtectedClientSecret = protectedClientSecret ?? ProtectedClientSecret;
        Stamp = Guid.NewGuid();
    }

    /// <summary>The scopes as given, with openid first and no repeats.</summary>
    public static string NormalizeScopes(string? scopes) =>
        string.Join(' ', (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Prepend("openid").Distinct(StringComparer.Ordinal));

    private static readonly char[] DomainSeparators = [',', ' ', '\n', '\r', ';'];

    /// <summary>Domains separated by commas, spaces or lines, lower-cased; null when one is not a well-formed domain.</summary>
    public static IReadOnlyList<string>? ParseDomains(string? text)
    {
        var domains = (text ?? "").Split(DomainSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        return domains.All(IsDomain) ? domains : null;
    }

    private static bool IsDomain(string domain) =>
        domain.Length <= IdentityProviderDomain.NameMaxLength && domain.Contains('.', StringComparison.Ordinal)
        && Uri.CheckHostName(domain) == UriHostNameType.Dns
        && domain.Split('.').All(label => label.Length is > 0 and <= 63 && !label.StartsWith('-') && !label.EndsWith('-')
            && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'));

    /// <summary>The domain part of an e-mail address, lower-cased.</summary>
    public static string? DomainOf(string? email) =>
        email is null ? null : email.LastIndexOf('@') is var at and > 0 && at < email.Length - 1 ? email[(at + 1)..].Trim().ToLowerInvariant() : null;
}

/// <summary>An e-mail domain of a provider (lower case). Its unique index keeps a domain to one provider, so to one
/// organizer, even when two admins claim it at once.</summary>
public sealed class IdentityProviderDomain : IOrganizerOwned, IAudited
{
    public const int NameMaxLength = 253;

    private IdentityProviderDomain() { }

    internal IdentityProviderDomain(IdentityProvider provider, string name)
    {
        Id = Guid.NewGuid();
        IdentityProviderId = provider.Id;
        OrganizerId = provider.OrganizerId;
        Name = name;
    }

    public Guid Id { get; private set; }
    public Guid IdentityProviderId { get; private set; }
    public Guid OrganizerId { get; private set; }
    public string Name { get; private set; } = "";
}

/// <summary>An organizer's sign-in settings: whether its staff may still sign in with a password (suppliers and platform
/// admins always may).</summary>
public sealed class OrganizerSignIn : IOrganizerOwned, IAudited
{
    private OrganizerSignIn() { }

    public OrganizerSignIn(Guid organizerId)
    {
        Id = Guid.NewGuid();
        OrganizerId = organizerId;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public bool PasswordSignInOff { get; private set; }

    public void SetPasswordSignInOff(bool off) => PasswordSignInOff = off;
}
