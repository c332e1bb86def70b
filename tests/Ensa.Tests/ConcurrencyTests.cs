using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>Two people acting on the same workflow entity at once: the second is told, and nothing of theirs is saved.</summary>
public sealed class ConcurrencyTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public async Task TwoReviewers_SaveTheSameReview_TheSecondIsToldWhoChangedItAndNothingOfTheirsIsSaved()
    {
        var id = await app.InReviewAsync();
        var page = $"/Review/Request/{id}";
        using var first = await app.SignInAs(Roles.CentralReviewer);
        using var second = await app.SignInAs(Roles.CentralReviewer);
        const string form = "form[action*='handler=Save']";
        var firstForm = (await first.GetPageAsync(page)).QuerySelector<IHtmlFormElement>(form)!;
        var secondForm = (await second.GetPageAsync(page)).QuerySelector<IHtmlFormElement>(form)!;
        Assert.Contains(firstForm.Elements, e => e.GetAttribute("name") == "__versions");

        var saved = await first.SubmitAsync(page, firstForm, Review("Den första bedömningen."));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await second.SubmitAsync(page, secondForm, Review("Den andra bedömningen."));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(page, refused.Headers.Location!.OriginalString);
        var shown = EnsaClient.Text(await second.FollowAsync(refused), "p.notice");
        Assert.Contains("medan du hade sidan öppen", shown, StringComparison.Ordinal);
        Assert.Contains("Sara", shown, StringComparison.Ordinal);
        Assert.Equal("Den första bedömningen.", (await app.StoredAsync<ResourceReview>(r => r.RequestId == id)).PedagogicalAssessment);
    }

    [Fact]
    public async Task SameForm_PostedAgainAfterItsOwnSave_IsRefused()
    {
        var id = await app.InReviewAsync();
        var page = $"/Review/Request/{id}";
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var form = (await sara.GetPageAsync(page)).QuerySelector<IHtmlFormElement>("form[action*='handler=Save']")!;
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await sara.SubmitAsync(page, form, Review("Första."))).StatusCode);
        var again = await sara.SubmitAsync(page, form, Review("Andra, från en gammal flik."));
        Assert.Contains("medan du hade sidan öppen", EnsaClient.Text(await sara.FollowAsync(again), "p.notice"), StringComparison.Ordinal);
    }

    [Fact]
    public Task TwoSavesFromTheSameVersion_Sqlite_SecondThrows() => TwoSavesFromTheSameVersion_SecondThrows(app);

    [Fact]
    public Task TwoSavesFromTheSameVersion_PostgreSql_SecondThrows()
    {
        TestEnvironment.RequirePostgres();
        return TwoSavesFromTheSameVersionOnPostgresAsync();
    }

    private static async Task TwoSavesFromTheSameVersionOnPostgresAsync()
    {
        await using var postgres = new PostgresAppFactory();
        await postgres.InitializeAsync();
        await TwoSavesFromTheSameVersion_SecondThrows(postgres);
    }

    /// <summary>Two requests on two nodes load the same version, both change it: the database refuses the second UPDATE.</summary>
    private static async Task TwoSavesFromTheSameVersion_SecondThrows(EnsaAppFactory factory)
    {
        var id = await factory.InReviewAsync();
        await using var one = factory.Services.CreateAsyncScope();
        await using var two = factory.Services.CreateAsyncScope();
        var db1 = one.ServiceProvider.GetRequiredService<Ensa.Data.EnsaDbContext>();
        var db2 = two.ServiceProvider.GetRequiredService<Ensa.Data.EnsaDbContext>();
        var a = await db1.ResourceRequests.IgnoreQueryFilters().SingleAsync(r => r.Id == id);
        var b = await db2.ResourceRequests.IgnoreQueryFilters().SingleAsync(r => r.Id == id);
        var reviewer = await RequestScenarios.ActorAsync(db1, "sara.nilsson@mittkoping.example", Role.CentralReviewer);
        var now = factory.Clock.GetUtcNow().UtcDateTime;

        Assert.True(a.LinkResource(reviewer, a.ResourceId!.Value, now).Succeeded);
        Assert.True(b.LinkResource(reviewer, b.ResourceId!.Value, now).Succeeded);
        await db1.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
    }

    private static Dictionary<string, string> Review(string pedagogical) => new()
    {
        ["Input.PedagogicalAssessment"] = pedagogical,
        ["Input.Accessibility"] = "Good",
        ["Input.PersonalDataCategories"] = "Namn",
        ["Input.SuitableForProtectedIdentity"] = "No",
        ["Input.AgreementNeed"] = AgreementNeed.NotNeeded.ToString(),
    };
}
