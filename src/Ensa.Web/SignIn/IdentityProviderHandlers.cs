using System.Security.Claims;
using Ensa.Data;
using Ensa.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Ensa.Web.SignIn;

public sealed class SignInOptions
{
    public const string Section = "SignIn";
    /// <summary>How long a node trusts its list of identity providers before reading it again (ADR 12): a change made on
    /// another node is in use here after at most this long.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>An enabled identity provider of an active organizer, as its handler needs it.</summary>
public sealed record ProviderConfig(Guid Id, Guid OrganizerId, string OrganizerSlug, string OrganizerName, string DisplayName,
    string Authority, string ClientId, string? ProtectedClientSecret, string Scopes, PersonClaim PersonClaim, IReadOnlyList<string> Domains,
    bool TrustsMfa, Guid Stamp)
{
    public string Scheme => IdentityProvider.SchemeOf(Id);
    public string CallbackPath => CallbackPathOf(Id);
    public static string CallbackPathOf(Guid id) => "/signin-oidc/" + id.ToString("N");
}

public sealed class IdentityProviderSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Ensa.SignIn.IdentityProvider.v1");
    public string Protect(string secret) => _protector.Protect(secret);
    public string Unprotect(string ciphertext) => _protector.Unprotect(ciphertext);
}

/// <summary>Every node's list of identity providers, read from the database at most every
/// <see cref="SignInOptions.RefreshInterval"/> (at once after a change on this node). A provider whose stamp changed or
/// that is gone has its handler options dropped, so the next request builds them anew.</summary>
public sealed class IdentityProviderCache(IServiceScopeFactory scopes, IOptionsMonitorCache<OpenIdConnectOptions> handlerOptions,
    IOptions<SignInOptions> options, TimeProvider clock) : IDisposable
{
    private sealed record Snapshot(IReadOnlyDictionary<string, ProviderConfig> Providers, DateTimeOffset LoadedAt);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile Snapshot? _current;

    public async Task<IReadOnlyCollection<ProviderConfig>> AllAsync() => (await CurrentAsync()).Values.ToList();

    public async Task<ProviderConfig?> FindAsync(string scheme) => (await CurrentAsync()).GetValueOrDefault(scheme);

    /// <summary>Home realm discovery: the provider the address's domain belongs to.</summary>
    public async Task<ProviderConfig?> ForEmailAsync(string email) =>
        IdentityProvider.DomainOf(email) is { } domain ? (await CurrentAsync()).Values.FirstOrDefault(p => p.Domains.Contains(domain)) : null;

    /// <summary>The provider as last read (its handler's options are built right after the scheme was looked up).</summary>
    internal ProviderConfig? Loaded(string scheme) => _current?.Providers.GetValueOrDefault(scheme);

    /// <summary>A provider changed on this node: read them again at the next request.</summary>
    public void Invalidate()
    {
        if (_current is { } current) _current = current with { LoadedAt = DateTimeOffset.MinValue };
    }

    private async Task<IReadOnlyDictionary<string, ProviderConfig>> CurrentAsync()
    {
        if (Fresh(_current) is { } fresh) return fresh;
        await _lock.WaitAsync();
        try
        {
            if (Fresh(_current) is { } loaded) return loaded;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EnsaDbContext>();
            var providers = await db.IdentityProviders.IgnoreQueryFilters().AsNoTracking().Where(p => p.Enabled)
                .Join(db.Organizers.Where(o => o.DeactivatedAt == null), p => p.OrganizerId, o => o.Id, (p, o) => new { p, o.Slug, o.Name, Domains = p.Domains.Select(d => d.Name).ToList() })
                .ToListAsync();
            var next = providers.Select(x => new ProviderConfig(x.p.Id, x.p.OrganizerId, x.Slug, x.Name, x.p.DisplayName, x.p.Authority,
                    x.p.ClientId, x.p.ProtectedClientSecret, x.p.Scopes, x.p.PersonClaim, x.Domains, x.p.TrustsMfa, x.p.Stamp))
                .ToDictionary(p => p.Scheme, StringComparer.Ordinal);
            foreach (var old in _current?.Providers.Values ?? [])
                if (next.GetValueOrDefault(old.Scheme)?.Stamp != old.Stamp) handlerOptions.TryRemove(old.Scheme);
            _current = new Snapshot(next, clock.GetUtcNow());
            return next;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private IReadOnlyDictionary<string, ProviderConfig>? Fresh(Snapshot? snapshot) =>
        snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt is var age && age >= TimeSpan.Zero && age < options.Value.RefreshInterval
            ? snapshot.Providers : null;
}

/// <summary>The configured schemes plus one OpenID Connect scheme per provider in the database.</summary>
public sealed class EnsaSchemeProvider(IOptions<AuthenticationOptions> options, IdentityProviderCache providers) : AuthenticationSchemeProvider(options)
{
    public override async Task<AuthenticationScheme?> GetSchemeAsync(string name) =>
        await base.GetSchemeAsync(name)
        ?? (IdentityProvider.IdOfScheme(name) is not null && await providers.FindAsync(name) is { } p ? Scheme(p) : null);

    public override async Task<IEnumerable<AuthenticationScheme>> GetAllSchemesAsync() =>
        (await base.GetAllSchemesAsync()).Concat((await providers.AllAsync()).Select(Scheme)).ToList();

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync() =>
        (await base.GetRequestHandlerSchemesAsync()).Concat((await providers.AllAsync()).Select(Scheme)).ToList();

    private static AuthenticationScheme Scheme(ProviderConfig p) => new(p.Scheme, p.DisplayName, typeof(OpenIdConnectHandler));
}

/// <summary>The framework's handler, set up for one provider: code flow with PKCE, the ID token checked against the
/// provider's keys (issuer, audience, lifetime, nonce), state in a correlation cookie, claims as the provider names them.</summary>
public sealed class ProviderHandlerOptions(IdentityProviderCache providers, IdentityProviderSecrets secrets, ILogger<ProviderHandlerOptions> logger)
    : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public const string LoginHint = "login_hint";

    public void Configure(OpenIdConnectOptions options) { }

    public void Configure(string? name, OpenIdConnectOptions o)
    {
        if (name is null || providers.Loaded(name) is not { } p) return;
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.Authority = p.Authority;
        o.RequireHttpsMetadata = new Uri(p.Authority).Scheme == Uri.UriSchemeHttps;
        o.ClientId = p.ClientId;
        o.ClientSecret = p.ProtectedClientSecret is null ? null : secrets.Unprotect(p.ProtectedClientSecret);
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.CallbackPath = p.CallbackPath;
        o.SignedOutCallbackPath = "/signout-callback-oidc/" + p.Id.ToString("N");
        o.RemoteSignOutPath = "/signout-oidc/" + p.Id.ToString("N");
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.DisableTelemetry = true;
        // The provider answers by a top-level redirect (query response mode), so Lax cookies come back; Secure follows the
        // request, which is HTTPS outside development.
        o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.TokenValidationParameters.NameClaimType = "name";
        o.Scope.Clear();
        foreach (var scope in p.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(scope);
        o.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = context =>
            {
                if (context.Properties.Items.TryGetValue(LoginHint, out var hint)) context.ProtocolMessage.LoginHint = hint;
                return Task.CompletedTask;
            },
            // Identity's external-login machinery keys the login on NameIdentifier: the provider's sub.
            OnTokenValidated = context =>
            {
                if (context.Principal?.FindFirst("sub") is { } sub && context.Principal.Identity is ClaimsIdentity identity)
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, sub.Value));
                return Task.CompletedTask;
            },
            // A refused token, a replayed or forged state, an error from the provider: one clear page, nothing signed in.
            OnRemoteFailure = context =>
            {
                logger.LogWarning(context.Failure, "Sign-in through identity provider {Provider} ({Scheme}) failed", p.DisplayName, p.Scheme);
                context.Response.Redirect($"{context.Request.PathBase}/Account/External?handler=Failed&scheme={Uri.EscapeDataString(p.Scheme)}");
                context.HandleResponse();
                return Task.CompletedTask;
            },
        };
    }
}

public static class IdentityProviderRegistration
{
    public static void AddIdentityProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInOptions>(configuration.GetSection(SignInOptions.Section));
        services.AddSingleton<IdentityProviderSecrets>();
        services.AddSingleton<IdentityProviderCache>();
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, EnsaSchemeProvider>());
        services.TryAddTransient<OpenIdConnectHandler>();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, ProviderHandlerOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddScoped<FederatedSignIn>();
    }
}
