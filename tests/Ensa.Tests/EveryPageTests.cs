using System.Net;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>What must hold on every page, for pages discovered from the compiled app (so a new page is covered or
/// fails here until it gets a row in <see cref="Visits"/>): it is fully translated, and every POST handler refuses a
/// post without an antiforgery token.</summary>
public sealed partial class EveryPageTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Mittkoping = "/public/mittkoping";

    /// <summary>Who visits a page, and its address in the demo data (built with the client, signed in as
    /// <c>Role</c>, or anonymous when null). <c>Renders</c> is false for a page that needs a one-time token or a
    /// sign-in in progress, or only answers a post: it is only posted to.</summary>
    private sealed record Visit(string? Role, Func<EnsaAppFactory, EnsaClient, Task<string>> Url, bool Renders = true,
        HttpStatusCode Status = HttpStatusCode.OK);

    private static Visit At(string? role, string url, bool renders = true, HttpStatusCode status = HttpStatusCode.OK) =>
        new(role, (_, _) => Task.FromResult(url), renders, status);

    private static readonly Dictionary<string, Visit> Visits = new()
    {
        ["/Index"] = At(Roles.Requester, "/"),
        ["/Error"] = At(null, "/Error", renders: false),
        ["/Language"] = At(null, "/Language", renders: false),
        ["/Account/Login"] = At(null, "/Account/Login"),
        ["/Account/AccessDenied"] = At(Roles.Requester, "/Account/AccessDenied", status: HttpStatusCode.Forbidden),
        ["/Account/ForgotPassword"] = At(null, "/Account/ForgotPassword"),
        ["/Account/AcceptInvitation"] = At(null, "/Account/AcceptInvitation", renders: false),
        ["/Account/ResetPassword"] = At(null, "/Account/ResetPassword", renders: false),
        ["/Account/LoginWith2fa"] = At(null, "/Account/LoginWith2fa", renders: false),
        ["/Account/Logout"] = At(Roles.Requester, "/Account/Logout", renders: false),
        ["/Account/SwitchOrganizer"] = At(Roles.Requester, "/Account/SwitchOrganizer", renders: false),
        ["/Account/TwoFactor"] = At(Roles.Requester, "/Account/TwoFactor"),
        ["/Account/External"] = At(null, "/Account/External?handler=Failed&scheme=oidc-none"),
        ["/Admin/Audit"] = At(Roles.OrganizerAdmin, "/Admin/Audit"),
        ["/Admin/MasterData"] = At(Roles.OrganizerAdmin, "/Admin/MasterData"),
        ["/Admin/SignIn/Index"] = At(Roles.OrganizerAdmin, "/Admin/SignIn"),
        ["/Admin/SignIn/Edit"] = At(Roles.OrganizerAdmin, "/Admin/SignIn/Edit"),
        ["/Admin/SignIn/Remove"] = At(Roles.OrganizerAdmin, $"/Admin/SignIn/Remove/{Guid.Empty}", renders: false),
        ["/Admin/Organizer"] = At(Roles.OrganizerAdmin, "/Admin/Organizer"),
        ["/Admin/PublicList"] = At(Roles.OrganizerAdmin, "/Admin/PublicList"),
        ["/Admin/SchoolUnitRegister"] = At(Roles.OrganizerAdmin, "/Admin/SchoolUnitRegister"),
        ["/Admin/Units/Index"] = At(Roles.OrganizerAdmin, "/Admin/Units"),
        ["/Admin/Units/Edit"] = new(Roles.OrganizerAdmin, async (a, _) => $"/Admin/Units/Edit/{await a.SchoolUnitIdAsync("Ekbackeskolan F–3")}"),
        ["/Admin/Users/Index"] = At(Roles.OrganizerAdmin, "/Admin/Users"),
        ["/Admin/Users/Invite"] = At(Roles.OrganizerAdmin, "/Admin/Users/Invite"),
        ["/Admin/Users/Roles"] = new(Roles.OrganizerAdmin, async (a, _) => $"/Admin/Users/Roles/{await a.UserIdAsync("anna.lindberg@mittkoping.example")}"),
        ["/Agreements/Index"] = At(Roles.OrganizerAdmin, "/Agreements"),
        ["/Agreements/New"] = At(Roles.OrganizerAdmin, "/Agreements/New"),
        ["/Agreements/MainText"] = At(Roles.OrganizerAdmin, "/Agreements/MainText/1"),
        ["/Agreements/Offers"] = At(Roles.OrganizerAdmin, "/Agreements/Offers"),
        ["/Agreements/Details"] = new(Roles.OrganizerAdmin, async (a, _) => $"/Agreements/{await a.DemoAgreementIdAsync()}"),
        ["/Agreements/Document"] = new(Roles.OrganizerAdmin, async (a, _) => $"/Agreements/{await a.DemoAgreementIdAsync()}/Document"),
        ["/Agreements/Sign"] = new(Roles.OrganizerAdmin, async (a, _) => $"/Agreements/{await a.DemoAgreementIdAsync()}/Sign"),
        ["/Notifications/Index"] = At(Roles.CentralReviewer, "/Notifications"),
        ["/Inbox/Index"] = At(Roles.CentralReviewer, "/Inbox"),
        ["/Platform/Organizers"] = At(Roles.PlatformAdmin, "/Platform/Organizers"),
        ["/Platform/Suppliers/Index"] = At(Roles.PlatformAdmin, "/Platform/Suppliers"),
        ["/Platform/Suppliers/Details"] = new(Roles.PlatformAdmin, async (a, _) => $"/Platform/Suppliers/Details/{await a.SupplierIdAsync("Sagoväven AB")}"),
        ["/Platform/Suppliers/Edit"] = new(Roles.PlatformAdmin, async (a, _) => $"/Platform/Suppliers/Edit/{await a.SupplierIdAsync("Sagoväven AB")}"),
        ["/Platform/Suppliers/Merge"] = new(Roles.PlatformAdmin, async (a, _) => $"/Platform/Suppliers/Merge/{await a.SupplierIdAsync("Sagoväven AB")}"),
        ["/Platform/Templates/Index"] = At(Roles.PlatformAdmin, "/Platform/Templates"),
        ["/Platform/Templates/New"] = At(Roles.PlatformAdmin, "/Platform/Templates/New"),
        ["/Platform/Templates/Version"] = At(Roles.PlatformAdmin, "/Platform/Templates/1"),
        ["/Platform/Templates/Import"] = At(Roles.PlatformAdmin, "/Platform/Templates/Import"),
        ["/Platform/Users"] = At(Roles.PlatformAdmin, "/Platform/Users"),
        ["/Privacy/Index"] = At(Roles.CentralReviewer, "/Privacy"),
        ["/Privacy/New"] = At(Roles.CentralReviewer, "/Privacy/New"),
        ["/Privacy/Record"] = At(Roles.CentralReviewer, "/Privacy/Record"),
        ["/Privacy/Details"] = new(Roles.CentralReviewer, async (a, c) => $"/Privacy/{await RightsRequestAsync(a, c)}"),
        ["/Privacy/Report"] = new(Roles.CentralReviewer, async (a, c) => $"/Privacy/Report/{await RightsRequestAsync(a, c)}"),
        ["/Purchasing/FrameworkAgreements/Index"] = At(Roles.CentralReviewer, "/Purchasing/FrameworkAgreements"),
        ["/Purchasing/FrameworkAgreements/Edit"] = new(Roles.CentralReviewer, async (a, _) => $"/Purchasing/FrameworkAgreements/Edit/{await a.WithDbAsync(db =>
            db.FrameworkAgreements.IgnoreQueryFilters().Where(f => f.Name == "ATEA").Select(f => f.Id).SingleAsync())}"),
        ["/Published/Resources"] = At(null, $"{Mittkoping}/resources"),
        ["/Published/Embed"] = At(null, $"{Mittkoping}/embed"),
        ["/Published/Resource"] = new(null, async (a, _) => $"{Mittkoping}/resources/{await a.ResourceIdAsync("Nordlär Samhälle 7–9, digital del")}"),
        ["/Register/Index"] = At(Roles.CentralReviewer, "/Register"),
        ["/Register/Gaps"] = At(Roles.CentralReviewer, "/Register/Gaps"),
        ["/Requests/Index"] = At(Roles.Requester, "/Requests"),
        ["/Requests/New"] = At(Roles.Requester, "/Requests/New"),
        ["/Requests/Details"] = new(Roles.Requester, async (a, _) => $"/Requests/{await a.InReviewAsync()}"),
        ["/Requests/Edit"] = new(Roles.Requester, async (a, _) => $"/Requests/Edit/{await a.DraftAsync("Sidappen")}"),
        ["/Requests/Purchase"] = new(Roles.CentralReviewer, async (a, _) => $"/Requests/Purchase/{await InUseAsync(a)}"),
        ["/Requests/Use"] = new(Roles.CentralReviewer, async (a, _) => $"/Requests/Use/{await InUseAsync(a)}"),
        ["/Resources/Index"] = At(Roles.CentralReviewer, "/Resources"),
        ["/Resources/Details"] = new(Roles.CentralReviewer, async (a, _) => $"/Resources/{await a.ResourceIdAsync("Sagoväven Läsresan")}"),
        ["/Resources/Edit"] = new(Roles.CentralReviewer, async (a, _) => $"/Resources/Edit/{await a.ResourceIdAsync("Sagoväven Läsresan")}"),
        ["/Resources/Guidance"] = new(Roles.CentralReviewer, async (a, _) => $"/Resources/Guidance/{await a.ResourceIdAsync("Sagoväven Läsresan")}"),
        ["/Review/Index"] = At(Roles.CentralReviewer, "/Review"),
        ["/Review/Request"] = new(Roles.CentralReviewer, async (a, _) => $"/Review/Request/{await a.InReviewAsync()}"),
        ["/Supplier/Index"] = At(Roles.SupplierUser, "/Supplier"),
        ["/Supplier/Users"] = At(Roles.SupplierUser, "/Supplier/Users"),
        ["/Supplier/Agreement"] = new(Roles.SupplierUser, async (a, _) => $"/Supplier/Agreements/{await a.DemoAgreementIdAsync()}"),
        ["/Supplier/Offers"] = new(Roles.SupplierUser, async (a, _) => $"/Supplier/Offers/{await a.ResourceIdAsync("Sagoväven Läsresan")}"),
        ["/Supplier/Describe"] = new(Roles.SupplierUser, async (a, _) => $"/Supplier/Describe/{await a.ResourceIdAsync("Sagoväven Läsresan")}"),
        ["/Suppliers/Index"] = At(Roles.Requester, "/Suppliers"),
        ["/Tasks/Answer"] = At(null, "/Tasks/no-such-token", renders: false),
        ["/Units/Index"] = At(Roles.Requester, "/Units"),
        ["/Units/Details"] = new(Roles.Requester, async (a, _) => $"/Units/{await a.UnitIdAsync(RequestScenarios.Unit)}"),
    };

    /// <summary>The app's Razor pages by view path ("/Requests/Details") with their page model type.</summary>
    private static readonly Dictionary<string, Type> Pages = typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
        .Where(i => i.Kind == "mvc.1.0.razor-page")
        .ToDictionary(i => i.Identifier["/Pages".Length..^".cshtml".Length], i => i.Type.GetProperty("Model")!.PropertyType);

    public static TheoryData<string> PagePaths => new(Pages.Keys.Order());

    /// <summary>Every POST handler of every page, as (view path, handler name; "" for the default one). The error page
    /// ignores the token on purpose: it renders whatever request failed.</summary>
    public static TheoryData<string, string> PostHandlers => new(Pages.Where(p => p.Key != "/Error").OrderBy(p => p.Key).SelectMany(p => p.Value
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
        .Select(m => (p.Key, PostHandler().Match(m.Name).Groups["handler"].Value))));

    [GeneratedRegex("^OnPost(?<handler>.*?)(Async)?$")]
    private static partial Regex PostHandler();

    [Fact]
    public void Pages_AreDiscovered()
    {
        Assert.Contains("/Requests/Details", Pages.Keys);
        Assert.Contains(("/Agreements/Details", "Terminate"), PostHandlers.Select(r => (r.Data.Item1, r.Data.Item2)));
    }

    [Theory]
    [MemberData(nameof(PagePaths))]
    public async Task Page_InEitherLanguage_IsFullyTranslated(string page)
    {
        var visit = VisitOf(page);
        if (!visit.Renders) return;
        foreach (var english in new[] { false, true })
        {
            using var client = await ClientAsync(visit.Role);
            if (english) await client.SubmitAsync(visit.Role is null ? "/Account/Login" : "/", "form.language",
                new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" });
            var url = await visit.Url(app, client);
            var document = await client.GetPageAsync(url, visit.Status);
            Assert.Equal(english ? "en" : "sv", document.DocumentElement.GetAttribute("lang"));
            RoleAccessTests.AssertAllTextsTranslated(document);
            if (english) AssertNoSwedishLeft(document, url);
            Assert.Empty(document.QuerySelectorAll("script:not([src]), style, [style]"));
        }
    }

    [Theory]
    [MemberData(nameof(PostHandlers))]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndChangesNothing(string page, string handler)
    {
        var visit = VisitOf(page);
        using var client = await ClientAsync(visit.Role);
        var url = await visit.Url(app, client);
        if (handler.Length > 0) url += "?handler=" + handler;
        var before = await FingerprintAsync();
        var response = await client.PostWithoutTokenAsync(url, new Dictionary<string, string> { ["Input.Name"] = "Förfalskad" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await FingerprintAsync());
    }

    /// <summary>No Swedish UI text of three words or more that English does not use too shows on an English page.
    /// Shorter texts also occur in the demo data's Swedish names.</summary>
    private static void AssertNoSwedishLeft(IDocument page, string url)
    {
        var text = Regex.Replace(page.Body!.TextContent, @"\s+", " ");
        var left = SwedishOnly.Value.Where(s => text.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.True(left.Count == 0, $"Swedish left on {url}: " + string.Join(" | ", left));
    }

    /// <summary>Texts that are data, not UI: a demo request's answer and the agreement template's Swedish wording.</summary>
    private static readonly string[] SwedishInDemoData = ["Elever med skyddad identitet", "Överföring till tredje land"];

    private static readonly Lazy<List<string>> SwedishOnly = new(() =>
    {
        var manager = new ResourceManager("Ensa.Web.Resources.SharedResource", typeof(Program).Assembly);
        var sv = Strings(manager.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, true, false)!);
        var en = Strings(manager.GetResourceSet(System.Globalization.CultureInfo.GetCultureInfo("en"), true, false)!);
        return sv.Values.Where(v => v.Split(' ').Length >= 3 && !v.Contains('{', StringComparison.Ordinal))
            .Except(en.Values).Except(SwedishInDemoData).ToList();
    });

    private static Dictionary<string, string> Strings(ResourceSet set) =>
        set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => Regex.Replace((string)e.Value!, @"\s+", " "));

    private static Visit VisitOf(string page) =>
        Visits.TryGetValue(page, out var visit) ? visit : throw new InvalidOperationException($"Add a row for {page} to {nameof(Visits)}.");

    private async Task<EnsaClient> ClientAsync(string? role) => role is null ? app.NewClient() : await app.SignInAs(role);

    /// <summary>The number of rows in every table, and so of audit entries, which every change to audited data adds.</summary>
    private Task<string> FingerprintAsync() => app.WithDbAsync(async db =>
    {
        var counts = new List<string>();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order())
        {
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\""; // table names from the model, not input
            counts.Add($"{table}={await db.Database.SqlQueryRaw<int>(sql).SingleAsync()}");
        }
        return string.Join(", ", counts);
    });

    private static Task<Guid> InUseAsync(EnsaAppFactory app) =>
        app.InUseAsync("Björkhagaskolan F–6", "lena.bjork@mittkoping.example", "Quizzly", AgreementNeed.NotNeeded);

    private static async Task<Guid> RightsRequestAsync(EnsaAppFactory app, EnsaClient sara)
    {
        var response = await sara.SubmitAsync("/Privacy/New", "main form", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Access",
            ["Input.Reference"] = "BUN " + Guid.NewGuid().ToString("N")[..6],
            ["Input.ReceivedOn"] = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Units"] = (await app.UnitIdAsync(RequestScenarios.Unit)).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/Privacy/".Length..]);
    }
}
