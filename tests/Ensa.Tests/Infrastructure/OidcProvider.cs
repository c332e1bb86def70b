using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Ensa.Tests.Infrastructure;

/// <summary>A person the test provider can sign in: their sub and the claims of their ID token.</summary>
public sealed record OidcUser(string Subject, string Name, string? Email, string? Upn = null, string? PrincipalName = null, params string[] Amr);

/// <summary>A real OpenID Connect provider (OpenIddict, degraded mode: no database) on Kestrel on loopback, with its own
/// signing key, users and discovery document. The user is chosen by the login_hint, else <see cref="NextUser"/>; a test can
/// rewrite the ID token of the next token response (<see cref="TamperIdToken"/>) to play a hostile or broken provider.</summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "ensa-test";
    public const string ClientSecret = "ensa-test-secret";
    private readonly RSA _rsa = RSA.Create(2048);
    private WebApplication? _app;

    public Dictionary<string, OidcUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Who signs in when the request names nobody (a "sign in with …" button).</summary>
    public OidcUser? NextUser { get; set; }
    /// <summary>Rewrites the payload of the next ID token; the token is signed again with the key of
    /// <see cref="SignWith"/>.</summary>
    public Action<JsonObject>? TamperIdToken { get; set; }
    /// <summary>The key a tampered token is signed with: the provider's own unless a test gives another.</summary>
    public RsaSecurityKey? SignWith { get; set; }
    public Uri Authority { get; private set; } = null!;
    public SecurityKey SigningKey { get; }
    public int TokenRequests { get; private set; }

    private OidcProvider() => SigningKey = new RsaSecurityKey(_rsa) { KeyId = "test-key" };

    public void Add(OidcUser user) => Users[user.Email ?? user.Subject] = user;

    /// <summary>Starts the provider for the app at <paramref name="app"/> (http://localhost, the test server, unless given):
    /// it accepts only redirect URIs of that app's callback paths.</summary>
    public static async Task<OidcProvider> StartAsync(Uri? app = null)
    {
        var redirectPrefix = new Uri(app ?? new Uri("http://localhost"), "/signin-oidc/").ToString();
        var provider = new OidcProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.Profile, Scopes.Email);
            o.AddSigningKey(provider.SigningKey);
            o.AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));
            o.DisableAccessTokenEncryption();
            o.EnableDegradedMode();
            o.UseAspNetCore().DisableTransportSecurityRequirement();

            o.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "Unknown client.");
                else if (context.RedirectUri is null || !context.RedirectUri.StartsWith(redirectPrefix, StringComparison.Ordinal))
                    context.Reject(Errors.InvalidRequest, "Unknown redirect_uri.");
                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret) context.Reject(Errors.InvalidClient, "Bad client credentials.");
                return default;
            }));
            o.AddEventHandler<HandleAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                var user = context.Request.LoginHint is { } hint && provider.Users.TryGetValue(hint, out var hinted) ? hinted : provider.NextUser;
                if (user is null)
                {
                    context.Reject(Errors.AccessDenied, "No such user.");
                    return default;
                }
                var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
                identity.AddClaim(Claims.Subject, user.Subject);
                identity.AddClaim(Claims.Name, user.Name);
                if (user.Email is not null) identity.AddClaim(Claims.Email, user.Email);
                if (user.Upn is not null) identity.AddClaim("upn", user.Upn);
                if (user.PrincipalName is not null) identity.AddClaim("eduPersonPrincipalName", user.PrincipalName);
                foreach (var amr in user.Amr) identity.AddClaim(Claims.AuthenticationMethodReference, amr);
                identity.SetScopes(context.Request.GetScopes());
                identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
                context.SignIn(new ClaimsPrincipal(identity));
                return default;
            }));
            o.AddEventHandler<HandleTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                provider.TokenRequests++;
                context.SignIn(context.Principal!);
                return default;
            }).SetOrder(OpenIddictServerHandlers.Exchange.AttachPrincipal.Descriptor.Order + 1_000));
            o.AddEventHandler<ApplyTokenResponseContext>(b => b.UseInlineHandler(context =>
            {
                if (provider.TamperIdToken is { } tamper && context.Response.IdToken is { } token)
                {
                    provider.TamperIdToken = null;
                    context.Response.IdToken = provider.Resign(token, tamper);
                }
                return default;
            }).SetOrder(int.MinValue + 100_000));
        });
        provider._app = builder.Build();
        provider._app.UseAuthentication();
        await provider._app.StartAsync();
        var address = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = new Uri(address);
        return provider;
    }

    private string Resign(string token, Action<JsonObject> tamper)
    {
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[1])))!.AsObject();
        tamper(payload);
        var key = SignWith ?? (RsaSecurityKey)SigningKey;
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>A key the provider does not publish, under the provider's own key id.</summary>
    public static RsaSecurityKey ForeignKey() => new(RSA.Create(2048)) { KeyId = "test-key" };

    /// <summary>Stops answering (the provider is down); its address stays refused.</summary>
    public async Task StopAsync()
    {
        if (_app is not null) await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
