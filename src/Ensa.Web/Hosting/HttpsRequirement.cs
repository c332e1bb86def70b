namespace Ensa.Web.Hosting;

/// <summary>In Production Ensa's cookies are Secure-only and plain HTTP is redirected to HTTPS. With neither an https://
/// address nor an HTTPS port configured there is nowhere to redirect, and every page used to answer an empty 500; so Ensa
/// refuses to start and says what to configure instead.</summary>
public static class HttpsRequirement
{
    public const string Message =
        "Ensa needs HTTPS in Production (its sign-in and form cookies are Secure-only), but no HTTPS address or port is configured. " +
        "Either listen on HTTPS: set ASPNETCORE_URLS to an https:// address (or Kestrel:Endpoints) with a certificate " +
        "(Kestrel:Certificates:Default:Path and :Password); or, behind a proxy or load balancer that terminates TLS, set " +
        "ASPNETCORE_HTTPS_PORT to its public HTTPS port (usually 443), have it forward X-Forwarded-Proto and name it in " +
        "Ensa:KnownProxies (so that header is believed). " +
        "(To try Ensa without HTTPS, run it with ASPNETCORE_ENVIRONMENT=Development.)";

    /// <summary>Whether HTTPS is configured: an HTTPS port, or an https:// address to listen on.</summary>
    public static bool Configured(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["https_port"]) || !string.IsNullOrWhiteSpace(configuration["https_ports"])) return true;
        if (configuration["urls"] is { } urls && urls.Contains("https://", StringComparison.OrdinalIgnoreCase)) return true;
        return configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(e => e["Url"] is { } url && url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Throws (with <see cref="Message"/>, also logged) in Production when HTTPS is not configured.</summary>
    public static void Check(WebApplication app)
    {
        if (!app.Environment.IsProduction() || Configured(app.Configuration)) return;
        var logger = app.Logger;
        logger.LogCritical(Message);
        throw new InvalidOperationException(Message);
    }
}
