using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Audit;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.MasterData;
using Ensa.Organizers;
using Ensa.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>The app with a local SS 12000 source, a small upload limit and a quick worker.</summary>
public abstract class MasterDataAppFactory(bool postgres) : Ss12000AppFactory(postgres)
{
    public const int MaxFileBytes = 100_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ss12000:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Ss12000:PollInterval", "00:00:00.200");
        builder.UseSetting("Ss12000:ProgressInterval", "00:00:00.100");
    }
}

public sealed class MasterDataSqliteAppFactory() : MasterDataAppFactory(postgres: false);

public sealed class MasterDataPostgresAppFactory() : MasterDataAppFactory(postgres: true);

public static class MasterDataInput
{
    public static TheoryData<string, string, string> BadConnections => new()
    {
        { "http://skolsystem.example/ss12000", "token", "" },
        { "inte en adress", "token", "" },
        { "https://skolsystem.example/ss12000", "", "" },
        { "https://skolsystem.example/ss12000", "", new string('x', Ss12000Settings.ClientIdMaxLength + 1) },
    };
}

/// <summary>The organizer admin's master-data page: the connection and its secrets, preview then apply or discard, the run
/// log, progress, and the refusals.</summary>
public abstract class MasterDataPageTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : MasterDataAppFactory
{
    private const string Page = "/Admin/MasterData";

    /// <summary>Mittköping's source: its Huvudman and one new school unit with a Rektor named in markup.</summary>
    private async Task<(Ss12000Data Data, string UnitName, string Code)> MittkopingDataAsync(string? orgNumber = null)
    {
        var organizer = await app.StoredAsync<Organizer>(o => o.Slug == DemoData.MittkopingSlug);
        var data = new Ss12000Data();
        var huvudman = data.Organisation("Huvudman", organizer.Name, null, orgNumber: orgNumber ?? organizer.OrganisationNumber.Replace("-", "", StringComparison.Ordinal));
        var code = Ss12000Data.NewSchoolUnitCode();
        var name = $"<em>Nya</em> skolan {code}";
        var unit = data.Organisation("Skolenhet", name, huvudman["id"]!.ToString(), code);
        var rektor = data.Person("Rut", "Rektor" + code, "19750312-4839", $"rut.{code}@mittkoping.example");
        data.Duty(rektor["id"], unit["id"], "Rektor");
        return (data, name, code);
    }

    private static Dictionary<string, string> Connection(Uri baseUrl, string token = "", string tokenUrl = "", string clientId = "", string secret = "") =>
        new()
        {
            ["Input.BaseUrl"] = baseUrl.ToString(), ["Input.Token"] = token, ["Input.TokenUrl"] = tokenUrl, ["Input.ClientId"] = clientId,
            ["Input.ClientSecret"] = secret,
        };

    private static Guid RunId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), response.Headers.Location!).Query)["run"]!);
    }

    private async Task<ImportRun> FinishedAsync(Guid id)
    {
        // Also this node's worker might have it already; running one here surfaces a failure in the test.
        var ran = await app.Services.GetRequiredService<Ensa.Web.MasterData.ImportRunWorker>().RunNextAsync(CancellationToken.None);
        for (var i = 0; i < 300; i++)
        {
            var run = await app.StoredAsync<ImportRun>(r => r.Id == id);
            if (!run.InProgress) return run;
            await Task.Delay(100);
        }
        var last = await app.StoredAsync<ImportRun>(r => r.Id == id);
        throw new TimeoutException($"The run did not finish: {ran} {last.Status} {last.UpdatedAt:O} {app.Clock.GetUtcNow():O}");
    }

    private static async Task<HttpResponseMessage> UploadAsync(EnsaClient client, byte[] organisations, byte[] persons, byte[] duties)
    {
        var page = await client.GetPageAsync(Page);
        var form = page.QuerySelector<IHtmlFormElement>("#preview-files")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value), "__RequestVerificationToken" },
        };
        foreach (var (name, bytes) in new[] { ("Organisations", organisations), ("Persons", persons), ("Duties", duties) })
            content.Add(new ByteArrayContent(bytes), name, name.ToLowerInvariant() + ".json");
        return await client.Http.PostAsync(form.GetAttribute("action"), content);
    }

    private static byte[] Json(Ss12000Data data, string list) => JsonSerializer.SerializeToUtf8Bytes(new { data = data.List(list) });

    private async Task<int> MittkopingUnitsAsync()
    {
        var id = (await app.StoredAsync<Organizer>(o => o.Slug == DemoData.MittkopingSlug)).Id;
        return await app.CountStoredAsync<OrganisationUnit>(u => u.OrganizerId == id);
    }

    [Fact]
    public async Task SaveConnection_WithToken_StoredEncryptedNeverShownAndKeptWhenLeftEmpty()
    {
        app.RequireDatabase();
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        const string token = "the-very-secret-bearer-token";

        var saved = await admin.SubmitAsync(Page, "#connection", Connection(app.Source.BaseUrl, token));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetPageAsync(Page);

        Assert.DoesNotContain(token, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector<IHtmlInputElement>("input[name='Input.Token']")!.Value);
        Assert.Contains("Sparad", EnsaClient.Text(page, "#token-help"), StringComparison.Ordinal);
        var stored = await app.StoredAsync<Ss12000Settings>(s => s.BaseUrl == app.Source.BaseUrl.ToString());
        Assert.DoesNotContain(token, stored.ProtectedToken!, StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<AuditEntry>(e => e.Changes.Contains(stored.ProtectedToken!) || e.Changes.Contains(token)));

        // Saved again with the field empty: the token stays; removed: it goes.
        await admin.SubmitAsync(Page, "#connection", Connection(app.Source.BaseUrl));
        Assert.Equal(stored.ProtectedToken, (await app.StoredAsync<Ss12000Settings>(s => s.Id == stored.Id)).ProtectedToken);
        await admin.SubmitAsync(Page, "#remove-token");
        Assert.Null((await app.StoredAsync<Ss12000Settings>(s => s.Id == stored.Id)).ProtectedToken);
        await admin.SubmitAsync(Page, "#connection", Connection(app.Source.BaseUrl, token));
    }

    [Theory]
    [MemberData(nameof(MasterDataInput.BadConnections), MemberType = typeof(MasterDataInput))]
    public async Task SaveConnection_BadInput_RefusedAndNothingStored(string baseUrl, string token, string clientId)
    {
        app.RequireDatabase();
        using var admin = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");

        var response = await admin.SubmitAsync(Page, "#connection", Connection(new Uri(baseUrl, UriKind.RelativeOrAbsolute), token,
            "https://skolsystem.example/token", clientId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await EnsaClient.ParseAsync(response)).QuerySelectorAll(".errors li, span.error:not(:empty)"));
        var organizer = await app.StoredAsync<Organizer>(o => o.Slug == DemoData.LarandeNorrSlug);
        Assert.False(await app.IsStoredAsync<Ss12000Settings>(s => s.OrganizerId == organizer.Id));
    }

    [Fact]
    public async Task Page_NotOrganizerAdmin_Forbidden()
    {
        app.RequireDatabase();
        using var reviewer = await app.SignInAs(Roles.CentralReviewer);

        var response = await reviewer.Http.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Http.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task PreviewFromApi_ChangesNothing_ThenApplyMakesThePreviewedChangesOnce()
    {
        app.RequireDatabase();
        var (data, unitName, code) = await MittkopingDataAsync();
        app.Source.Data = data;
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        await admin.SubmitAsync(Page, "#connection", Connection(app.Source.BaseUrl, Ss12000Server.Token));
        var units = await MittkopingUnitsAsync();

        var id = RunId(await admin.SubmitAsync(Page, "#preview-api"));
        var run = await FinishedAsync(id);

        Assert.Equal(ImportRunStatus.Previewed, run.Status);
        Assert.Equal(units, await MittkopingUnitsAsync());
        var page = await admin.GetPageAsync($"{Page}?run={id}");
        var changes = EnsaClient.Text(page, "#changes");
        Assert.Contains($"Ny enhet: {unitName}", changes, StringComparison.Ordinal);
        Assert.Contains($"Blir rektor: Rut Rektor{code}", changes, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#changes em"));
        Assert.Equal(ImportRunStatus.Previewed.ToString(), page.QuerySelector("#runs tbody tr")!.GetAttribute("data-status"));

        // The source changes after the preview: apply does what was previewed, from the stored snapshot.
        app.Source.Data = new Ss12000Data();
        var apply = await admin.SubmitAsync($"{Page}?run={id}", "form[action*='handler=Apply']");
        Assert.Equal(id, RunId(apply));
        Assert.Equal(ImportRunStatus.Applied, (await FinishedAsync(id)).Status);

        var unit = await app.StoredAsync<OrganisationUnit>(u => u.SchoolUnitCode == code);
        Assert.Equal(unitName, unit.Name);
        Assert.True(await app.IsStoredAsync<Membership>(m => m.Role == Role.Principal && m.OrganisationUnitId == unit.Id));
        var applied = await app.StoredAsync<ImportRun>(r => r.Id == id);
        Assert.Equal((ImportRunStatus.Applied, (string?)null), (applied.Status, applied.SnapshotJson));

        var again = await admin.PostHandlerAsync(Page, "Apply&id=" + id);
        Assert.Contains("redan genomförd", EnsaClient.Text(await EnsaClient.ParseAsync(again), ".errors"), StringComparison.Ordinal);
        var discard = await admin.PostHandlerAsync(Page, "Discard&id=" + id);
        Assert.Contains("redan genomförd", EnsaClient.Text(await EnsaClient.ParseAsync(discard), ".errors"), StringComparison.Ordinal);
        Assert.Equal(ImportRunStatus.Applied, (await app.StoredAsync<ImportRun>(r => r.Id == id)).Status);
    }

    [Fact]
    public async Task Apply_TwiceAtOnce_AppliedOnceAndTheOtherRefused()
    {
        app.RequireDatabase();
        var (data, _, code) = await MittkopingDataAsync();
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        using var otherTab = await app.SignInAs(Roles.OrganizerAdmin);
        var id = RunId(await UploadAsync(admin, Json(data, "organisations"), Json(data, "persons"), Json(data, "duties")));
        Assert.Equal(ImportRunStatus.Previewed, (await FinishedAsync(id)).Status);

        var answers = await Task.WhenAll(admin.PostHandlerAsync(Page, "Apply&id=" + id), otherTab.PostHandlerAsync(Page, "Apply&id=" + id));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Contains("genomförs redan eller är redan genomförd", EnsaClient.Text(await EnsaClient.ParseAsync(refused), ".errors"),
            StringComparison.Ordinal);
        var run = await FinishedAsync(id);
        Assert.Equal(ImportRunStatus.Applied, run.Status);
        Assert.Equal(1, await app.CountStoredAsync<OrganisationUnit>(u => u.SchoolUnitCode == code));
        // The apply is audited as the admin who asked for it, though the worker made it.
        var unit = await app.StoredAsync<OrganisationUnit>(u => u.SchoolUnitCode == code);
        var created = await app.StoredAsync<AuditEntry>(e => e.EntityId == unit.Id.ToString() && e.Action == "Added");
        Assert.NotNull(run.FinishedBy);
        Assert.Equal(run.FinishedBy, created.ActorUserId);
    }

    [Fact]
    public async Task ClientCredentials_SavedThroughThePage_SecretEncryptedNeverShown_AndThePreviewReadsWithItsToken()
    {
        app.RequireDatabase();
        var (data, unitName, _) = await MittkopingDataAsync();
        app.Source.Data = data;
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);

        var saved = await admin.SubmitAsync(Page, "#connection", Connection(app.Source.BaseUrl, tokenUrl: app.Source.TokenUrl.ToString(),
            clientId: Ss12000Server.ClientId, secret: Ss12000Server.ClientSecret));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        if ((await admin.GetPageAsync(Page)).QuerySelector("#remove-token") is not null) await admin.SubmitAsync(Page, "#remove-token");

        var page = await admin.GetPageAsync(Page);
        Assert.DoesNotContain(Ss12000Server.ClientSecret, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector<IHtmlInputElement>("input[name='Input.ClientSecret']")!.Value);
        Assert.Equal(Ss12000Server.ClientId, page.QuerySelector<IHtmlInputElement>("input[name='Input.ClientId']")!.Value);
        Assert.Contains("Sparad", EnsaClient.Text(page, "#secret-help"), StringComparison.Ordinal);
        var stored = await app.StoredAsync<Ss12000Settings>(s => s.BaseUrl == app.Source.BaseUrl.ToString() && s.ProtectedToken == null);
        Assert.Equal((app.Source.TokenUrl.ToString(), Ss12000Server.ClientId), (stored.TokenUrl, stored.ClientId));
        Assert.DoesNotContain(Ss12000Server.ClientSecret, stored.ProtectedClientSecret!, StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<AuditEntry>(e => e.Changes.Contains(stored.ProtectedClientSecret!)
            || e.Changes.Contains(Ss12000Server.ClientSecret)));

        var id = RunId(await admin.SubmitAsync(Page, "#preview-api"));

        Assert.Equal(ImportRunStatus.Previewed, (await FinishedAsync(id)).Status);
        Assert.Contains($"Ny enhet: {unitName}", EnsaClient.Text(await admin.GetPageAsync($"{Page}?run={id}"), "#changes"), StringComparison.Ordinal);
        await admin.SubmitAsync($"{Page}?run={id}", "form[action*='handler=Discard']");
    }

    [Theory]
    [InlineData("expired-token", "", "SS 12000-källan nekade Ensa att läsa")]
    [InlineData("", "wrong-secret", "Token-tjänsten gav ingen token (svar 401)")]
    public async Task PreviewFromApi_TokenExpiredOrRefused_FailsWithReasonAndNothingApplied(string token, string secret, string message)
    {
        app.RequireDatabase();
        var (data, _, code) = await MittkopingDataAsync();
        app.Source.Data = data;
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        await admin.SubmitAsync(Page, "#connection", Connection(app.Source.BaseUrl, token, app.Source.TokenUrl.ToString(), Ss12000Server.ClientId,
            secret));
        if (token == "" && (await admin.GetPageAsync(Page)).QuerySelector("#remove-token") is not null) await admin.SubmitAsync(Page, "#remove-token");

        var id = RunId(await admin.SubmitAsync(Page, "#preview-api"));

        Assert.Equal(ImportRunStatus.Failed, (await FinishedAsync(id)).Status);
        var page = await admin.GetPageAsync($"{Page}?run={id}");
        Assert.Contains(message, EnsaClient.Text(page, "#run-error"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Apply']"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostHandlerAsync(Page, "Apply&id=" + id)).StatusCode);
        Assert.False(await app.IsStoredAsync<OrganisationUnit>(u => u.SchoolUnitCode == code));
        await admin.SubmitAsync(Page, "#connection", Connection(app.Source.BaseUrl, Ss12000Server.Token));
    }

    [Fact]
    public async Task PreviewFromFiles_Discarded_ChangesNothingAndDropsTheSnapshot()
    {
        app.RequireDatabase();
        var (data, _, code) = await MittkopingDataAsync();
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);

        var id = RunId(await UploadAsync(admin, Json(data, "organisations"), Json(data, "persons"), Json(data, "duties")));
        var run = await FinishedAsync(id);
        Assert.Equal(ImportRunStatus.Previewed, run.Status);
        Assert.DoesNotContain("19750312-4839", run.SnapshotJson!, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemligvägen", run.SnapshotJson!, StringComparison.Ordinal);

        await admin.SubmitAsync($"{Page}?run={id}", "form[action*='handler=Discard']");

        Assert.False(await app.IsStoredAsync<OrganisationUnit>(u => u.SchoolUnitCode == code));
        run = await app.StoredAsync<ImportRun>(r => r.Id == id);
        Assert.Equal((ImportRunStatus.Discarded, (string?)null), (run.Status, run.SnapshotJson));
    }

    [Fact]
    public async Task PreviewFromFiles_WrongHuvudman_FailsWithReasonAndChangesNothing()
    {
        app.RequireDatabase();
        var (data, _, code) = await MittkopingDataAsync(orgNumber: "5566778899");
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);

        var id = RunId(await UploadAsync(admin, Json(data, "organisations"), Json(data, "persons"), Json(data, "duties")));

        Assert.Equal(ImportRunStatus.Failed, (await FinishedAsync(id)).Status);
        var page = await admin.GetPageAsync($"{Page}?run={id}");
        Assert.Contains("Källan tillhör inte den här huvudmannen", EnsaClient.Text(page, "#run-error"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Apply']"));
        Assert.False(await app.IsStoredAsync<OrganisationUnit>(u => u.SchoolUnitCode == code));
    }

    [Fact]
    public async Task PreviewFromFiles_NotSs12000OrTooLarge_RefusedNamingTheFile()
    {
        app.RequireDatabase();
        var (data, _, _) = await MittkopingDataAsync();
        using var admin = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        var organizer = await app.StoredAsync<Organizer>(o => o.Slug == DemoData.LarandeNorrSlug);

        var notJson = await UploadAsync(admin, Json(data, "organisations"), Encoding.UTF8.GetBytes("<html>inte json</html>"), Json(data, "duties"));
        Assert.Contains("Filen persons.json (Svaret från /persons) är inte ett SS 12000-svar", EnsaClient.Text(await EnsaClient.ParseAsync(notJson), ".errors"),
            StringComparison.Ordinal);

        var tooLarge = await UploadAsync(admin, new byte[MasterDataAppFactory.MaxFileBytes + 1], Json(data, "persons"), Json(data, "duties"));
        Assert.Contains("Filen organisations.json är för stor", EnsaClient.Text(await EnsaClient.ParseAsync(tooLarge), ".errors"), StringComparison.Ordinal);

        Assert.False(await app.IsStoredAsync<ImportRun>(r => r.OrganizerId == organizer.Id));
    }

    [Fact]
    public async Task Run_OfAnotherOrganizer_NotFound()
    {
        app.RequireDatabase();
        var (data, _, _) = await MittkopingDataAsync();
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var id = RunId(await UploadAsync(admin, Json(data, "organisations"), Json(data, "persons"), Json(data, "duties")));
        await FinishedAsync(id);
        using var other = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"{Page}?run={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"{Page}?handler=Progress&id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostHandlerAsync(Page, "Apply&id=" + id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostHandlerAsync(Page, "Discard&id=" + id)).StatusCode);
        Assert.Equal(ImportRunStatus.Previewed, (await app.StoredAsync<ImportRun>(r => r.Id == id)).Status);
    }

    [Fact]
    public async Task Progress_OfARun_AnswersItsStateAndAStaleRunAsFailed()
    {
        app.RequireDatabase();
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var organizer = await app.StoredAsync<Organizer>(o => o.Slug == DemoData.MittkopingSlug);
        // A run whose worker died: being read, no progress for ten minutes (in one transaction, so no worker here claims it).
        var run = ImportRun.FromApi(organizer.Id, null, "Test", app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10));
        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            // No tenant here: without IgnoreQueryFilters this would update nothing and leave the run to the worker.
            Assert.Equal(1, await db.ImportRuns.IgnoreQueryFilters().Where(r => r.Id == run.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportRunStatus.Reading)));
            await transaction.CommitAsync();
            return 0;
        });

        var answer = JsonDocument.Parse(await admin.Http.GetStringAsync($"{Page}?handler=Progress&id={run.Id}")).RootElement;

        Assert.Equal("Failed", answer.GetProperty("status").GetString());
        Assert.False(answer.GetProperty("inProgress").GetBoolean());
        var page = await admin.GetPageAsync($"{Page}?run={run.Id}");
        Assert.Contains("slutade svara", EnsaClient.Text(page, "#run-error"), StringComparison.Ordinal);
    }
}

public sealed class MasterDataPageSqliteTests(MasterDataSqliteAppFactory app) : MasterDataPageTests<MasterDataSqliteAppFactory>(app);

public sealed class MasterDataPagePostgresTests(MasterDataPostgresAppFactory app) : MasterDataPageTests<MasterDataPostgresAppFactory>(app);
