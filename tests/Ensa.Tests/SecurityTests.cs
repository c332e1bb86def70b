using System.Net;
using AngleSharp.Dom;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

public sealed class SecurityTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    public async Task Response_Always_CarriesSecurityHeaders(string url)
    {
        using var client = app.NewClient();
        var response = await client.Http.GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptOrStyle()
    {
        using var client = await app.SignInAs(Roles.OrganizerAdmin);
        foreach (var url in new[] { "/", "/Units", "/Admin/Users", "/Admin/Users/Invite", "/Account/TwoFactor" })
        {
            var page = await client.GetPageAsync(url);
            Assert.Empty(page.QuerySelectorAll("script:not([src]), style, [style]"));
        }
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlyAndSameSite()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/Account/Login");
        var form = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form")
            .First(f => f.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=email]") is not null);
        var response = await client.SubmitAsync("/Account/Login", form);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Ensa.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_DatabaseReachable_ReportsHealthy()
    {
        using var client = app.NewClient();
        var response = await client.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UserInput_IsEncodedInPages()
    {
        using var client = await app.SignInAs(Roles.OrganizerAdmin);
        await client.SubmitAsync("/Admin/Users/Invite", "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = "xss@mittkoping.example",
            ["Input.DisplayName"] = "<script>alert(1)</script>",
        });
        var html = await (await client.Http.GetAsync("/Admin/Users")).Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ReturnUrlToAnotherSite_IsIgnored()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/Account/Login?returnUrl=https://evil.example/");
        var form = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form")
            .First(f => f.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=email]") is not null);
        var response = await client.SubmitAsync("/Account/Login?returnUrl=https://evil.example/", form);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

public sealed class LanguageTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public async Task Page_NoChoice_IsSwedish()
    {
        using var client = app.NewClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var page = await client.GetPageAsync("/Account/Login");
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Logga in", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Language_ChooseEnglish_PagesAreEnglishAndDatesStaySwedish()
    {
        using var client = await app.SignInAs(Roles.OrganizerAdmin);
        var response = await client.SubmitAsync("/", "form.language", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/Admin/Audit" });
        var page = await client.FollowAsync(response);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Audit log", page.QuerySelector("h1")!.TextContent);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", page.QuerySelector("tbody td")!.TextContent);
        RoleAccessTests.AssertAllTextsTranslated(page);
        var start = await client.GetPageAsync("/");
        Assert.StartsWith("Welcome, Lisa Ekström", start.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        RoleAccessTests.AssertAllTextsTranslated(start);

        var back = await client.FollowAsync(await client.SubmitAsync("/", "form.language", new Dictionary<string, string> { ["culture"] = "sv-SE" }));
        Assert.StartsWith("Välkommen", back.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_Unknown_IsRefused()
    {
        using var client = app.NewClient();
        var response = await client.SubmitAsync("/Account/Login", "form.language", new Dictionary<string, string> { ["culture"] = "xx" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Resources_SwedishAndEnglish_HaveTheSameKeys()
    {
        var manager = new System.Resources.ResourceManager("Ensa.Web.Resources.SharedResource", typeof(Ensa.Web.SharedResource).Assembly);
        static Dictionary<string, string> Read(System.Resources.ResourceSet set) =>
            set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var sv = Read(manager.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, true, false)!);
        var en = Read(manager.GetResourceSet(System.Globalization.CultureInfo.GetCultureInfo("en"), true, false)!);
        Assert.Empty(sv.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(sv.Keys));
        Assert.All(sv.Concat(en), e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
    }
}

public sealed class StaticAssetTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public async Task Stylesheet_Anonymous_IsServed()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/Account/Login");
        var href = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var response = await client.Http.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("--brand", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
