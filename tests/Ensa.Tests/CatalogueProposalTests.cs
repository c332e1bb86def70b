using Ensa.Demo;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Issue 8, finding 4: another organizer cannot rewrite a shared catalogue entry. Its change becomes a proposal that
/// every organizer sees on the resource's page; the platform admin or the resource's supplier applies it; and the whole
/// history is read from the audit log by every organizer.</summary>
public sealed class CatalogueProposalTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Password = "ett långt lösenord för test";
    private const string Phishing = "https://mittkoping-login.phish.example/";

    [Fact]
    public async Task OtherOrganizersReviewer_EditsEntryMittkopingApproved_OnlyProposes_ThenAdminApplies_AndMittkopingSeesIt()
    {
        // A resource on Mittköping's public list, with Mittköping's decision.
        var (id, name, web) = await app.WithDbAsync(async db =>
        {
            var mittkoping = await db.Organizers.SingleAsync(o => o.Slug == DemoData.MittkopingSlug);
            var rid = await db.ResourceReviews.IgnoreQueryFilters()
                .Where(r => r.OrganizerId == mittkoping.Id && r.Decision == Decision.Approved && r.ResourceId != null)
                .Select(r => r.ResourceId!.Value).FirstAsync();
            var r = await db.LearningResources.SingleAsync(x => x.Id == rid);
            return (r.Id, r.Name, r.WebAddress);
        });
        Assert.NotEqual(Phishing, web);

        await app.CreateUserWithPasswordAsync("mallory@larandenorr.example", Password, Role.CentralReviewer, DemoData.LarandeNorrSlug);
        using var mallory = app.NewClient();
        await mallory.FollowAsync(await mallory.SignInWithPasswordAsync("mallory@larandenorr.example", Password));
        var form = await mallory.GetPageAsync($"/Resources/Edit/{id}");
        Assert.NotNull(form.QuerySelector(".proposal-notice"));
        var saved = await mallory.FollowAsync(await mallory.SubmitAsync($"/Resources/Edit/{id}", "main form",
            new Dictionary<string, string> { ["Input.WebAddress"] = Phishing }));
        Assert.Contains(name, saved.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // Nothing changed: not the entry, not Mittköping's public list or JSON.
        Assert.Equal(web, (await app.StoredAsync<LearningResource>(r => r.Id == id)).WebAddress);
        using var visitor = app.NewClient();
        Assert.DoesNotContain("phish", await visitor.Http.GetStringAsync($"/public/{DemoData.MittkopingSlug}/resources.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("phish", await visitor.Http.GetStringAsync($"/public/{DemoData.MittkopingSlug}/resources/{id}"), StringComparison.Ordinal);

        // Mittköping sees the proposal, who made it and for which organizer, and cannot apply it.
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.GetPageAsync($"/Resources/{id}");
        var proposals = EnsaClient.Text(page, ".proposal");
        Assert.Contains(Phishing, proposals, StringComparison.Ordinal);
        Assert.Contains("Lärande Norr AB", proposals, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*=ApplyProposal]"));
        Assert.Contains("Föreslog en ändring", EnsaClient.Text(page, ".change-history"), StringComparison.Ordinal);
        var proposalId = (await app.StoredAsync<ResourceChangeProposal>(p => p.ResourceId == id)).Id;
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await sara.Http.PostAsync($"/Resources/{id}?handler=ApplyProposal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["proposalId"] = proposalId.ToString(),
        }));
        Assert.Contains("AccessDenied", forged.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(web, (await app.StoredAsync<LearningResource>(r => r.Id == id)).WebAddress);

        // The platform admin applies it; the change is in the history every organizer reads, with before and after.
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var applied = await nora.FollowAsync(await nora.SubmitAsync($"/Resources/{id}", "form[action*=ApplyProposal]"));
        Assert.Contains(Phishing, applied.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        var history = EnsaClient.Text(await sara.GetPageAsync($"/Resources/{id}"), ".change-history");
        Assert.Contains("Ändrade posten", history, StringComparison.Ordinal);
        Assert.Contains(Phishing, history, StringComparison.Ordinal);
        Assert.Contains(web ?? "–", history, StringComparison.Ordinal);
        Assert.Contains("Avgjorde ett förslag", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnEntry_EditableUntilAnotherOrganizerActs_SupplierAppliesOnlyItsOwn()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        const string supplierName = "Sagoväven AB";
        var supplierId = await app.SupplierIdAsync(supplierName);
        await sara.FollowAsync(await sara.SubmitAsync("/Resources/Edit", "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Sagoväven Skrivverkstad", ["Input.SupplierId"] = supplierId.ToString(), ["Input.Type"] = "WebService",
            ["Input.Description"] = "Skrivövningar.", ["Input.Pricing"] = "Free",
        }));
        var id = await app.ResourceIdAsync("Sagoväven Skrivverkstad");

        // Only Mittköping has touched it: its own reviewer changes it at once.
        Assert.Null((await sara.GetPageAsync($"/Resources/Edit/{id}")).QuerySelector(".proposal-notice"));
        await sara.FollowAsync(await sara.SubmitAsync($"/Resources/Edit/{id}", "main form",
            new Dictionary<string, string> { ["Input.Description"] = "Skrivövningar för åk 4–6." }));
        Assert.Equal("Skrivövningar för åk 4–6.", (await app.StoredAsync<LearningResource>(r => r.Id == id)).Description);

        // Another organizer's reviewer proposes; from then on Mittköping proposes too.
        await app.CreateUserWithPasswordAsync("olle@larandenorr.example", Password, Role.CentralReviewer, DemoData.LarandeNorrSlug);
        using var olle = app.NewClient();
        await olle.FollowAsync(await olle.SignInWithPasswordAsync("olle@larandenorr.example", Password));
        await olle.FollowAsync(await olle.SubmitAsync($"/Resources/Edit/{id}", "main form",
            new Dictionary<string, string> { ["Input.Subjects"] = "Svenska" }));
        Assert.Null((await app.StoredAsync<LearningResource>(r => r.Id == id)).Subjects);
        Assert.NotNull((await sara.GetPageAsync($"/Resources/Edit/{id}")).QuerySelector(".proposal-notice"));

        // The supplier's own user applies it; another supplier's resource it cannot.
        using var elin = await app.SignInAs(Roles.SupplierUser);
        await elin.FollowAsync(await elin.SubmitAsync($"/Resources/{id}", "form[action*=ApplyProposal]"));
        Assert.Equal("Svenska", (await app.StoredAsync<LearningResource>(r => r.Id == id)).Subjects);
        Assert.Contains(supplierName, EnsaClient.Text(await sara.GetPageAsync($"/Resources/{id}"), "dl.facts"), StringComparison.Ordinal);

        // Another supplier's entry both organizers have acted on, and that no other test here proposes a change to.
        var other = await app.ResourceIdAsync("Kodkraft Blocklabb");
        await olle.FollowAsync(await olle.SubmitAsync($"/Resources/Edit/{other}", "main form",
            new Dictionary<string, string> { ["Input.Grades"] = "F–9" }));
        var otherPage = await elin.GetPageAsync($"/Resources/{other}");
        Assert.Null(otherPage.QuerySelector("form[action*=ApplyProposal]"));
        var proposal = (await app.StoredAsync<ResourceChangeProposal>(p => p.ResourceId == other)).Id;
        var response = await elin.Http.PostAsync($"/Resources/{other}?handler=ApplyProposal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = otherPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["proposalId"] = proposal.ToString(),
        }));
        Assert.Contains("AccessDenied", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Open, (await app.StoredAsync<ResourceChangeProposal>(p => p.Id == proposal)).Status);
    }
}
