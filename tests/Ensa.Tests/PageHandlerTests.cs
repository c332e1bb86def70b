using System.Net;
using System.Reflection;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>A request no handler of a page answers (a post with no or an unknown handler, a GET naming an unknown one) is
/// 404, never 500 (issue 8, finding 8), for every page the app has: the pages are discovered from its endpoints.</summary>
public sealed class PageHandlerTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Unknown = "no-such-handler";

    [Fact]
    public async Task EveryPage_UnknownOrMissingHandler_AnswersNotFoundNever5xx()
    {
        var pages = Pages();
        Assert.Contains(pages, p => p.Url.StartsWith("/Agreements/", StringComparison.Ordinal));
        Assert.True(pages.Count > 40, $"only {pages.Count} pages found");
        var failures = new List<string>();
        var reached = 0;
        foreach (var role in new[] { Roles.OrganizerAdmin, Roles.CentralReviewer, Roles.SecurityCoordinator, Roles.SupplierUser, Roles.PlatformAdmin, "" })
        {
            using var client = role.Length == 0 ? app.NewClient() : await app.SignInAs(role);
            var token = await TokenAsync(client, role.Length == 0 ? "/Account/Login" : "/");
            foreach (var page in pages)
            {
                var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
                var attempts = new List<(string Method, string Url)> { ("POST", $"{page.Url}?handler={Unknown}"), ("GET", $"{page.Url}?handler={Unknown}") };
                if (!page.HasDefaultPost) attempts.Add(("POST", page.Url));
                foreach (var (method, url) in attempts)
                {
                    var response = method == "GET" ? await client.Http.GetAsync(url) : await client.Http.PostAsync(url, new FormUrlEncodedContent(form));
                    var code = (int)response.StatusCode;
                    if (code >= 500) failures.Add($"{role}: {code} {method} {url}");
                    if (code == 404) reached++;
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(reached > 20, $"only {reached} requests reached a page at all");
    }

    [Theory]
    [InlineData("/Agreements/{0}", Roles.OrganizerAdmin)]
    [InlineData("/Requests/{0}", Roles.CentralReviewer)]
    [InlineData("/Review/Request/{0}", Roles.CentralReviewer)]
    [InlineData("/Requests/Use/{0}", Roles.CentralReviewer)]
    [InlineData("/Privacy/{0}", Roles.CentralReviewer)]
    public async Task DetailsPage_PostWithoutHandler_IsNotFound(string template, string role)
    {
        using var client = await app.SignInAs(role);
        var token = await TokenAsync(client, "/Notifications");
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Guid.NewGuid());
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PostAsync(url, form)).StatusCode);
        form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PostAsync(url + "?handler=" + Unknown, form)).StatusCode);
    }

    private sealed record PageInfo(string Url, bool HasDefaultPost);

    /// <summary>Every Razor page's address (route values filled in) and whether its model has a plain OnPost.</summary>
    private List<PageInfo> Pages()
    {
        var web = typeof(Ensa.Web.EnsaApp).Assembly;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .Select(x => new PageInfo(Fill(x.Endpoint.RoutePattern), HasDefaultPost(web, x.Page!.ViewEnginePath)))
            .DistinctBy(p => p.Url)
            .ToList();
    }

    private static bool HasDefaultPost(Assembly web, string viewEnginePath)
    {
        var type = web.GetType("Ensa.Web.Pages" + viewEnginePath.Replace('/', '.') + "Model");
        Assert.True(type is null || typeof(PageModel).IsAssignableFrom(type));
        return type?.GetMethods().Any(m => m.Name is "OnPost" or "OnPostAsync") ?? false;
    }

    private static string Fill(RoutePattern pattern)
    {
        var url = "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Value(parameter),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));
        return url.TrimEnd('/') is { Length: > 0 } u ? u : "/";
    }

    private static string Value(RoutePatternParameterPart parameter)
    {
        var policies = string.Join(",", parameter.ParameterPolicies.Select(p => p.Content));
        if (parameter.IsOptional) return "";
        if (policies.Contains("guid", StringComparison.Ordinal)) return Guid.NewGuid().ToString();
        if (policies.Contains("int", StringComparison.Ordinal)) return "1";
        if (policies.Contains("resources", StringComparison.Ordinal)) return "resources";
        return "x";
    }

    private static async Task<string> TokenAsync(EnsaClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("No antiforgery token on " + url);
}
