namespace Ensa.Web.Hosting;

public static class SecurityHeaders
{
    // Nothing comes from outside and no inline script or style is allowed.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>For the embeddable public list only: any site may show it in a frame.</summary>
    public static void AllowFramingByAnySite(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors *", StringComparison.Ordinal);
        response.Headers.Remove("X-Frame-Options");
    }

    /// <summary>For a page whose forms may end at identity providers (the answer to the post is a redirect there):
    /// Chromium checks form-action on every redirect of a form's navigation.</summary>
    public static void AllowFormsTo(HttpResponse response, IEnumerable<string> authorities)
    {
        var origins = string.Join(' ', authorities.Select(a => new Uri(a).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal));
        if (origins.Length > 0)
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {origins}", StringComparison.Ordinal);
    }

    public static IApplicationBuilder UseEnsaSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await next();
    });
}
