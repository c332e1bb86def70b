namespace Ensa.Web.Hosting;

/// <summary>Ensa's public address (<c>Ensa:PublicUrl</c>). Every absolute link — in e-mail, in the public list's JSON and
/// CSV, in the embed snippet — is built from it, never from the request's Host or X-Forwarded-Host, so a forged header
/// cannot send a reset or invitation link elsewhere. Required outside Development.</summary>
public sealed class PublicLinks(Uri baseUrl, LinkGenerator links)
{
    public const string Setting = "Ensa:PublicUrl";
    private const string DevelopmentDefault = "http://localhost:5080";

    /// <summary>E.g. "https://ensa.example" or "https://example.org/ensa", without a trailing slash.</summary>
    public string BaseUrl { get; } = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>An absolute link to a path of Ensa's ("/Requests/…").</summary>
    public string To(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>An absolute link to a Razor page with its route and query values.</summary>
    public string Page(string page, object? values = null) =>
        To(links.GetPathByPage(page, handler: null, values) ?? throw new InvalidOperationException($"No page {page}."));

    /// <summary>Reads and checks the setting; outside Development a missing or relative address stops the start with a
    /// message that says what to set.</summary>
    public static Uri Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (environment.IsDevelopment()) value = DevelopmentDefault;
            else throw new InvalidOperationException(
                $"{Setting} is not set. Set it to the address people use to reach Ensa (for example https://ensa.example.se); " +
                "links in e-mail are built from it. As an environment variable: Ensa__PublicUrl.");
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0)
            throw new InvalidOperationException($"{Setting} must be an absolute http(s) address without a query, e.g. https://ensa.example.se (it is '{value}').");
        return uri;
    }
}
