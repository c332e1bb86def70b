using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The central department's start page shows the queue at a glance: four charts, each drawn from a table that
/// holds the same numbers, counted from the data.</summary>
public abstract class StartPageOverviewTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    [Fact]
    public async Task QueueByAge_CountsTheQueueByWaitingTime_AndAddsUpToTheQueueFigure()
    {
        app.RequireDatabase();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var before = Bars(await sara.GetPageAsync("/"), "chart-queue-age");

        var id = await app.InReviewAsync();
        var queuedAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(-20);
        await app.WithDbAsync(db => db.ResourceRequests.IgnoreQueryFilters().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewQueuedAt, queuedAt)));

        var page = await sara.GetPageAsync("/");
        var after = Bars(page, "chart-queue-age");
        Assert.Equal(["0–7 dagar", "8–14 dagar", "15–30 dagar", "Mer än 30 dagar"], after.Keys);
        Assert.Equal(before["15–30 dagar"] + 1, after["15–30 dagar"]);
        Assert.Equal(before["0–7 dagar"], after["0–7 dagar"]);
        var queueFigure = page.QuerySelectorAll("dl.figures a[href='/Review']").Single().TextContent;
        Assert.Equal(int.Parse(queueFigure.Replace("\u00a0", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
            after.Values.Sum());
    }

    [Fact]
    public async Task AgreementsAndRightsCharts_HoldTheOrganizersOwnCounts()
    {
        app.RequireDatabase();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.GetPageAsync("/");

        var today = SwedishCalendar.Today(app.Clock);
        var (states, ending, openRights) = await app.WithDbAsync(async db =>
        {
            var organizer = await db.Organizers.Where(o => o.Name == "Mittköpings kommun").Select(o => o.Id).SingleAsync();
            var agreements = db.Agreements.IgnoreQueryFilters().Where(a => a.OrganizerId == organizer);
            return (await agreements.Where(a => a.Status != AgreementStatus.Terminated && a.Status != AgreementStatus.Expired).CountAsync(),
                await agreements.CountAsync(a => a.Status == AgreementStatus.InForce && a.EndDate >= today && a.EndDate <= today.AddDays(90)),
                await db.RightsRequests.IgnoreQueryFilters().CountAsync(r => r.OrganizerId == organizer && r.ClosedAt == null));
        });
        var byState = Bars(page, "chart-agreement-states");
        Assert.Equal(states, byState.Values.Sum());
        Assert.Contains("Gäller", byState.Keys);
        Assert.Equal(ending, Bars(page, "chart-agreements-ending").Values.Sum());
        Assert.Equal(openRights, Bars(page, "chart-rights-due").Values.Sum());
        // Drawn by chart.js, served from the app itself.
        Assert.NotNull(page.QuerySelector("script[src^='/lib/chart.js/chart.umd.min.']"));
    }

    [Fact]
    public async Task Requester_GetsNoOverview()
    {
        app.RequireDatabase();
        using var anna = await app.SignInAs(Roles.Requester);
        var page = await anna.GetPageAsync("/");
        Assert.Null(page.QuerySelector("#overview-heading"));
        Assert.Empty(page.QuerySelectorAll("figure.chart"));
    }

    [Fact]
    public async Task ChartLibrary_IsTheVersionPinnedInPackageJson()
    {
        app.RequireDatabase();
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Ensa.slnx"))) root = root.Parent!;
        using var package = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root.FullName, "src", "Ensa.Web", "package.json")));
        var version = package.RootElement.GetProperty("dependencies").GetProperty("chart.js").GetString();

        using var client = app.NewClient();
        var response = await client.Http.GetAsync("/lib/chart.js/chart.umd.min.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Chart.js v{version}\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>One chart's table: label → number.</summary>
    private static Dictionary<string, int> Bars(IHtmlDocument page, string chart) =>
        page.QuerySelectorAll($"figure#{chart} table.chart-data tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(),
                r => int.Parse(r.QuerySelector("td")!.GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class StartPageOverviewSqliteTests(EnsaAppFactory app) : StartPageOverviewTests<EnsaAppFactory>(app);

public sealed class StartPageOverviewPostgresTests(PostgresAppFactory app) : StartPageOverviewTests<PostgresAppFactory>(app);
