using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Ensa.Identity;
using Ensa.Resources;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

/// <summary>The public list without sign-in, on the demo data: Mittköping approved "Nordlär Samhälle 7–9" with conditions
/// and "Sagoväven Bokstavslek" (an app), refused "Lingua Bridge Vokabel", and is reviewing "Kodkraft Blocklabb", which
/// Lärande Norr approved. The demo catalogue adds more approved rows, so the tests check these named rows, not the list's
/// length. Settings stay at their defaults here (see <see cref="PublicListSettingsTests"/>).</summary>
public sealed class PublicListTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Samhalle = "Nordlär Samhälle 7–9, digital del";
    private const string Bokstavslek = "Sagoväven Bokstavslek";

    private static List<string> Names(IDocument page) => page.QuerySelectorAll(".public-list h2").Select(h => h.TextContent.Trim()).ToList();

    [Fact]
    public async Task List_Anonymous_ShowsTheOrganizersApprovedResourcesOnly()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync("/public/mittkoping/resources");
        var names = Names(page);
        Assert.Contains(Samhalle, names);
        Assert.Contains(Bokstavslek, names);
        foreach (var hidden in new[] { "Lingua Bridge Vokabel", "Kodkraft Blocklabb", "Numerix Matteträning" }) // refused, approved elsewhere, undecided
            Assert.DoesNotContain(hidden, names);
        Assert.Contains("Elever med skyddad identitet använder avidentifierade konton.", EnsaClient.Text(page, ".public-list .conditions"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("form[method=post] button:not([name=culture])"));

        // Lärande Norr's list has its own decisions, never Mittköping's conditions.
        var other = await visitor.GetPageAsync("/public/larandenorr/resources");
        Assert.Contains("Kodkraft Blocklabb", EnsaClient.Text(other, ".public-list h2"), StringComparison.Ordinal);
        Assert.Contains("Endast skolkonton via skolfederationen.", other.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("avidentifierade", other.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resource_ShowsOnlyPublishedFields_NeverInternalOnes()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync($"/public/mittkoping/resources/{await app.ResourceIdAsync(Samhalle)}");
        var text = page.Body!.TextContent;
        Assert.Contains("Namn, klass, inloggnings-id, resultat", text, StringComparison.Ordinal);
        Assert.Equal("Finns och gäller", page.QuerySelector(".agreement")!.TextContent.Trim());
        Assert.Contains("Läraren beställer elevkonton", page.QuerySelector(".how-to-start")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='https://mittkoping.example/digitala-larresurser']"));
        foreach (var secret in new[] { "Sara Nilsson", "Ahmed Karimi", "Johan Lind", "loggning och behörighetsstyrning", "Följer kursplanen", "Behövs i undervisningen", "PO-2041", "Petra Sjöberg" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resource_NotOnTheList_Answers404()
    {
        using var visitor = app.NewClient();
        foreach (var url in new[]
                 {
                     $"/public/mittkoping/resources/{await app.ResourceIdAsync("Lingua Bridge Vokabel")}", // not approved, not shown
                     $"/public/mittkoping/resources/{await app.ResourceIdAsync("Kodkraft Blocklabb")}", // approved elsewhere only
                     $"/public/mittkoping/resources/{await app.ResourceIdAsync("Numerix Matteträning")}", // never decided
                     $"/public/mittkoping/resources/{Guid.NewGuid()}",
                     "/public/finnsinte/resources", "/public/finnsinte/resources.json", "/public/finnsinte/embed",
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Apps_ListsOnlyApps()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync("/public/mittkoping/apps");
        Assert.Equal("Skolans appar – Mittköpings kommun", page.QuerySelector("h1")!.TextContent);
        var names = Names(page);
        Assert.Contains(Bokstavslek, names);
        Assert.DoesNotContain(Samhalle, names); // a book's digital part, not an app
    }

    [Theory]
    [InlineData("q=samhälle", Samhalle, Bokstavslek)]
    [InlineData("q=SAGOVÄVEN", Bokstavslek, Samhalle)]
    [InlineData("subject=samhällskunskap", Samhalle, Bokstavslek)]
    [InlineData("grade=F–2", Bokstavslek, Samhalle)]
    [InlineData("platform=ios", Bokstavslek, Samhalle)]
    [InlineData("status=Approved", Bokstavslek, Samhalle)]
    [InlineData("status=ApprovedWithConditions", Samhalle, Bokstavslek)]
    public async Task Search_ByTextSubjectGradePlatformAndStatus(string query, string found, string filteredOut)
    {
        using var visitor = app.NewClient();
        var names = Names(await visitor.GetPageAsync("/public/mittkoping/resources?" + query));
        Assert.Contains(found, names);
        Assert.DoesNotContain(filteredOut, names);
    }

    [Fact]
    public async Task Search_NothingMatches_SaysSo()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync("/public/mittkoping/resources?q=finnsinte");
        Assert.Empty(Names(page));
        Assert.Contains("matchar", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_PublishedFieldsOnly_AtAStableAddressAnySiteMayFetch()
    {
        using var visitor = app.NewClient();
        var response = await visitor.Http.GetAsync("/public/mittkoping/resources.json?q=samhälle");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("mittkoping", json.RootElement.GetProperty("slug").GetString());
        var item = Assert.Single(json.RootElement.GetProperty("resources").EnumerateArray());
        Assert.Equal(Samhalle, item.GetProperty("name").GetString());
        Assert.Equal("ApprovedWithConditions", item.GetProperty("decision").GetString());
        Assert.Equal("InForce", item.GetProperty("agreement").GetString());
        Assert.Equal("Namn, klass, inloggnings-id, resultat", item.GetProperty("personalData").GetString());
        Assert.EndsWith($"/public/mittkoping/resources/{await app.ResourceIdAsync(Samhalle)}", item.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.False(item.TryGetProperty("pedagogicalAssessment", out _));
        Assert.False(item.TryGetProperty("accessibility", out _));
    }

    [Fact]
    public async Task Csv_SemicolonSeparatedUtf8WithBom_OneRowPerResource()
    {
        using var visitor = app.NewClient();
        var response = await visitor.Http.GetAsync("/public/mittkoping/resources.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id;name;type;supplier;supplierCountry;decision;conditions", lines[0], StringComparison.Ordinal);
        // One row per resource on the page's list.
        Assert.Equal(Names(await visitor.GetPageAsync("/public/mittkoping/resources")).Count, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains("\"Nordlär Samhälle 7–9, digital del\"", StringComparison.Ordinal) || l.Contains(";Nordlär Samhälle 7–9, digital del;", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Lingua", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Embed_MayBeFramedByAnySite_OtherPagesMayNot()
    {
        using var visitor = app.NewClient();
        var embed = await visitor.Http.GetAsync("/public/mittkoping/embed");
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Contains("frame-ancestors *", embed.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
        var page = await EnsaClient.ParseAsync(embed);
        Assert.All(page.QuerySelectorAll("main a"), a => Assert.Equal("_top", a.GetAttribute("target")));

        var list = await visitor.Http.GetAsync("/public/mittkoping/resources");
        Assert.Contains("frame-ancestors 'none'", list.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", list.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Guidance_ReviewerWritesIt_ItIsShownPublicly_OthersAreRefused()
    {
        var id = await app.ResourceIdAsync("Sagoväven Bokstavslek");
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var refused = await EnsaClient.ParseAsync(await sara.SubmitAsync($"/Resources/Guidance/{id}", "main form", new Dictionary<string, string>
        {
            ["Input.HowToStart"] = "Ladda ner appen.", ["Input.Links"] = "inte en adress",
        }));
        Assert.Contains("https://", EnsaClient.Text(refused, ".error"), StringComparison.Ordinal);
        await sara.FollowAsync(await sara.SubmitAsync($"/Resources/Guidance/{id}", "main form", new Dictionary<string, string>
        {
            ["Input.HowToStart"] = "Ladda ner appen från skolans appkatalog.", ["Input.Guidelines"] = "Används utan elevkonton.", ["Input.Links"] = "",
        }));

        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync($"/public/mittkoping/resources/{id}");
        Assert.Equal("Ladda ner appen från skolans appkatalog.", page.QuerySelector(".how-to-start")!.TextContent);
        Assert.Equal("Används utan elevkonton.", page.QuerySelector(".guidelines")!.TextContent);

        using var anna = await app.SignInAs(Roles.Requester);
        var response = await anna.Http.GetAsync($"/Resources/Guidance/{id}");
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await sara.PostWithoutTokenAsync($"/Resources/Guidance/{id}",
            new Dictionary<string, string> { ["Input.HowToStart"] = "x" })).StatusCode);
    }

    [Fact]
    public async Task List_InEnglish_IsHeadedInEnglish()
    {
        using var visitor = app.NewClient();
        await visitor.SubmitAsync("/Account/Login", "form.language", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" });
        Assert.Equal("Approved learning resources – Mittköpings kommun", (await visitor.GetPageAsync("/public/mittkoping/resources")).QuerySelector("h1")!.TextContent);
    }
}

/// <summary>An organizer admin changes what the public list shows (its own app, so the defaults above stay).</summary>
public sealed class PublicListSettingsTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public async Task Settings_ShowNotApprovedAndOtherFields_ChangeWhatIsPublic()
    {
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var form = await lisa.GetPageAsync("/Admin/PublicList");
        Assert.Contains("/public/mittkoping/resources.json", form.QuerySelector(".addresses")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("/public/mittkoping/embed", form.QuerySelector(".snippet")!.TextContent, StringComparison.Ordinal);
        var page = form.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        foreach (var box in page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("input[type=checkbox]")) box.IsChecked = false;
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#field-PedagogicalAssessment")!.IsChecked = true;
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#show-not-approved")!.IsChecked = true;
        await lisa.FollowAsync(await lisa.SubmitAsync("/Admin/PublicList", page, new Dictionary<string, string> { ["Input.Intro"] = "Frågor? Kontakta Digitalisering och innovation." }));

        using var visitor = app.NewClient();
        var list = await visitor.GetPageAsync("/public/mittkoping/resources");
        Assert.Equal("Frågor? Kontakta Digitalisering och innovation.", list.QuerySelector(".lead")!.TextContent);
        Assert.Contains("Lingua Bridge Vokabel", EnsaClient.Text(list, ".public-list h2"), StringComparison.Ordinal);
        Assert.Contains("Röstinspelningar lagras", EnsaClient.Text(list, ".public-list .reason"), StringComparison.Ordinal);

        var samhalle = (await app.StoredAsync<LearningResource>(r => r.Name.StartsWith("Nordlär Samhälle"))).Id;
        var detail = await visitor.GetPageAsync($"/public/mittkoping/resources/{samhalle}");
        Assert.Contains("Följer kursplanen", detail.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("inloggnings-id", detail.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(detail.QuerySelector(".agreement"));

        using var json = JsonDocument.Parse(await visitor.Http.GetStringAsync("/public/mittkoping/resources.json"));
        var items = json.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("decision").GetString() == "NotApproved");
        Assert.All(items, i => Assert.False(i.TryGetProperty("personalData", out _)));
        Assert.Contains(items, i => i.TryGetProperty("pedagogicalAssessment", out _));
    }

    [Theory]
    [InlineData(Roles.Requester)]
    [InlineData(Roles.CentralReviewer)]
    [InlineData(Roles.SupplierUser)]
    public async Task Settings_NotOrganizerAdmin_IsRefused(string role)
    {
        using var client = await app.SignInAs(role);
        var response = await client.Http.GetAsync("/Admin/PublicList");
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
