using System.Text.Json;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.MasterData;
using Ensa.Organizers;
using Ensa.Privacy;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>The demo start: Mittköping's units and principals through the SS 12000 import of the bundled sample, and a
/// catalogue rich enough to show the product working.</summary>
public sealed class DemoDataTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public Task FreshStart_ImportsTheSampleUnitsAndPrincipals() => DemoDataChecks.ImportedUnitsAndPrincipalsAsync(app);

    [Fact]
    public Task FreshStart_KeepsNoCivicNoPrivateContactOrAddressFromTheSample() => DemoDataChecks.NothingBeyondTheMinimumAsync(app);

    [Fact]
    public async Task FreshStart_ImportedPrincipal_SignsInWithTheDemoButton()
    {
        var karin = app.NewClient();
        await karin.SignInWithDemoAsync("karin.holm@mittkoping.example");

        Assert.Contains("Karin Holm", EnsaClient.Text(await karin.GetPageAsync("/"), "body"), StringComparison.Ordinal);
    }

    [Fact]
    public Task FreshStart_ShowsTheProductWorking() => DemoDataChecks.RichCatalogueAsync(app);

    [Fact]
    public async Task FreshStart_PublicListOfMittkoping_ShowsAtLeastFifteenResources()
    {
        var page = await app.NewClient().GetPageAsync("/public/mittkoping/resources");

        Assert.True(page.QuerySelectorAll(".public-list h2").Length >= 15);
        Assert.Contains("Geodia Atlas", EnsaClient.Text(page, ".public-list h2"), StringComparison.Ordinal);
        Assert.DoesNotContain("Atlas Classroom Portfolio", EnsaClient.Text(page, ".public-list h2"), StringComparison.Ordinal); // not approved
    }

    [Fact]
    public async Task SecondStart_SeedsNothing_AndTheSampleAgainChangesNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Ensa.Data.EnsaDbContext>();
        var before = await db.OrganisationUnits.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken);

        Assert.False(await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync(TestContext.Current.CancellationToken));
        var organizerId = await db.Organizers.Where(o => o.Slug == DemoData.MittkopingSlug).Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
        var (result, summary) = await Ss12000Import.RunAsync(db, organizerId, await DemoData.ReadSs12000SampleAsync(TestContext.Current.CancellationToken),
            app.Clock.GetUtcNow().UtcDateTime, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.False(summary!.ChangesAnything);
        Assert.Empty(summary.Skipped);
        Assert.False(db.ChangeTracker.HasChanges());
        Assert.Equal(before, await db.OrganisationUnits.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class DemoDataPostgresTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public Task FreshStart_Postgres_ImportsTheSampleUnitsAndPrincipals()
    {
        TestEnvironment.RequirePostgres();
        return DemoDataChecks.ImportedUnitsAndPrincipalsAsync(app);
    }

    [Fact]
    public Task FreshStart_Postgres_ShowsTheProductWorking()
    {
        TestEnvironment.RequirePostgres();
        return DemoDataChecks.RichCatalogueAsync(app);
    }

    [Fact]
    public Task FreshStart_Postgres_KeepsNoCivicNoPrivateContactOrAddressFromTheSample()
    {
        TestEnvironment.RequirePostgres();
        return DemoDataChecks.NothingBeyondTheMinimumAsync(app);
    }
}

public static class DemoDataChecks
{
    /// <summary>Issue 10's "demo data that shows the product": suppliers, resources in every state, agreements in every
    /// state and a rights case in progress, all for Mittköping.</summary>
    public static async Task RichCatalogueAsync(EnsaAppFactory app)
    {
        var today = SwedishCalendar.Today(app.Clock.GetUtcNow().UtcDateTime);
        var (suppliers, resources, requests, agreements, rights) = await app.WithDbAsync(async db =>
        {
            var organizerId = await db.Organizers.Where(o => o.Slug == DemoData.MittkopingSlug).Select(o => o.Id).SingleAsync();
            return (await db.Suppliers.CountAsync(), await db.LearningResources.CountAsync(),
                await db.ResourceRequests.IgnoreQueryFilters().Where(r => r.OrganizerId == organizerId).Select(r => new { r.Status, r.ResourceId, r.SchoolUnitId }).ToListAsync(),
                await db.Agreements.IgnoreQueryFilters().Where(a => a.OrganizerId == organizerId).ToListAsync(),
                await db.RightsRequests.IgnoreQueryFilters().Include(r => r.Tasks).Where(r => r.OrganizerId == organizerId).ToListAsync());
        });

        Assert.Equal(12, suppliers);
        Assert.True(resources >= 30, $"{resources} resources");
        var statuses = requests.Select(r => r.Status).ToHashSet();
        foreach (var status in new[] { RequestStatus.AwaitingPrincipal, RequestStatus.InReview, RequestStatus.AwaitingAgreement, RequestStatus.Approved,
                     RequestStatus.ApprovedWithConditions, RequestStatus.NotApproved, RequestStatus.InUse })
            Assert.Contains(status, statuses);
        Assert.Contains(requests.Where(r => r.Status == RequestStatus.InUse).GroupBy(r => r.ResourceId), g => g.Select(r => r.SchoolUnitId).Distinct().Count() >= 3);

        Assert.True(agreements.Count >= 10, $"{agreements.Count} agreements");
        Assert.Contains(agreements, a => a.Status == AgreementStatus.UnderReview);
        Assert.Contains(agreements, a => a.Status == AgreementStatus.Draft);
        Assert.True(agreements.Count(a => a.Status == AgreementStatus.InForce) >= 5);
        Assert.Contains(agreements, a => a.Status == AgreementStatus.InForce && a.PendingDescriptionId is not null && a.ObjectionDeadline > app.Clock.GetUtcNow().UtcDateTime);
        Assert.Contains(agreements, a => a.Status == AgreementStatus.InForce && a.EndDate > today && a.EndDate <= today.AddDays(90));

        var open = Assert.Single(rights, r => !r.IsClosed);
        Assert.Contains(open.Tasks, t => t.Status == RightsTaskStatus.Done);
        Assert.Contains(open.Tasks, t => t.Status == RightsTaskStatus.Open);
    }

    public static async Task ImportedUnitsAndPrincipalsAsync(EnsaAppFactory app)
    {
        var (units, principals, persons) = await app.WithDbAsync(async db =>
        {
            var organizerId = await db.Organizers.Where(o => o.Slug == DemoData.MittkopingSlug).Select(o => o.Id).SingleAsync();
            var units = await db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.OrganizerId == organizerId).ToListAsync();
            var principals = await db.Memberships.IgnoreQueryFilters().Where(m => m.OrganizerId == organizerId && m.Role == Role.Principal)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.OrganisationUnitId }).ToListAsync();
            var persons = await db.ImportedPersons.IgnoreQueryFilters().Where(p => p.OrganizerId == organizerId).ToListAsync();
            return (units, principals.Select(p => (p.Email!, p.OrganisationUnitId!.Value)).ToList(), persons);
        });

        var schoolUnits = units.Where(u => u.Kind == UnitKind.SchoolUnit).ToList();
        Assert.Equal(12, schoolUnits.Count);
        Assert.All(schoolUnits, u => Assert.NotNull(u.SourceId));
        Assert.All(units.Where(u => u.Kind == UnitKind.School), u => Assert.NotNull(u.SourceId));
        Assert.NotNull(units.Single(u => u.Name == "Utbildningsförvaltningen").SourceId); // the Huvudman
        var ekbacke = schoolUnits.Single(u => u.Name == "Ekbackeskolan F–3");
        Assert.Equal("84520101", ekbacke.SchoolUnitCode);
        Assert.Equal("Ekbackeskolan", units.Single(u => u.Id == ekbacke.ParentId).Name);
        Assert.Equal("84520112", schoolUnits.Single(u => u.Name == "Hagaskolan").SchoolUnitCode);

        Assert.Equal(12, principals.Count);
        Assert.Contains(("karin.holm@mittkoping.example", ekbacke.Id), principals);
        Assert.Contains(("mikael.astrom@mittkoping.example", schoolUnits.Single(u => u.Name == "Tallbackaskolan").Id), principals);

        // Staff with a current duty only: the teacher who left last year is not imported.
        Assert.Equal(17, persons.Count);
        Assert.DoesNotContain(persons, p => p.Name == "Bo Lundin");
        Assert.True(persons.Single(p => p.Name == "Nadia Rahimi").IsProtectedIdentity);
        Assert.Null(persons.Single(p => p.Name == "Gustav Ekman").WorkEmail); // only a private e-mail in the source
        Assert.Equal("petra.sjoberg@mittkoping.example", persons.Single(p => p.Name == "Petra Sjöberg").WorkEmail); // "Arbete övrigt"
        Assert.Equal(2, persons.Single(p => p.Name == "Karin Holm").PrincipalNames.Count);
        Assert.NotNull(persons.Single(p => p.Name == "Karin Holm").UserId);
    }

    /// <summary>The sample gives every person a civicNo, a private e-mail and phone and most an address: none of it is kept.</summary>
    public static async Task NothingBeyondTheMinimumAsync(EnsaAppFactory app)
    {
        await using var sample = typeof(DemoData).Assembly.GetManifestResourceStream("Ensa.Demo.Ss12000.persons.json")!;
        using var json = await JsonDocument.ParseAsync(sample, cancellationToken: TestContext.Current.CancellationToken);
        var secrets = new List<string>();
        foreach (var person in json.RootElement.GetProperty("data").EnumerateArray())
        {
            var civicNo = person.GetProperty("civicNo").GetProperty("value").GetString()!;
            secrets.AddRange([civicNo, civicNo.Replace("-", "", StringComparison.Ordinal)]);
            secrets.AddRange(person.GetProperty("emails").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Privat")
                .Select(e => e.GetProperty("value").GetString()!));
            secrets.AddRange(person.GetProperty("phoneNumbers").EnumerateArray().Select(p => p.GetProperty("value").GetString()!));
            if (person.TryGetProperty("addresses", out var addresses))
                secrets.AddRange(addresses.EnumerateArray().Select(a => a.GetProperty("streetAddress").GetString()!));
        }
        Assert.True(secrets.Count > 60);

        Assert.Empty(await app.FindTextAsync(secrets));
    }
}
