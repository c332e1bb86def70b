using System.Net;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Sagoväven publishes version 2 of Läsresan with a new sub-processor: Mittköping's agreement in force shows
/// the change field by field with its deadline; the organizer objects (the supplier sees the reason only if shared) and then
/// accepts, and the agreement moves to version 2 with the history on its timeline.</summary>
public sealed class AgreementVersionChangePageTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private static string Form(string handler) => $"form[action$='handler={handler}']";

    [Fact]
    public async Task VersionChange_ObjectThenAccept_MovesToNewVersion()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        var id = await app.WithDbAsync(async db =>
        {
            var elin = await db.Users.SingleAsync(u => u.Email == "elin.svahn@sagovaven.example");
            var supplier = Actor.SupplierUser(elin.Id, elin.DisplayName, elin.SupplierId!.Value);
            var lasresan = await db.LearningResources.SingleAsync(r => r.Name == "Sagoväven Läsresan");
            var v1 = await db.SupplierDescriptions.SingleAsync(d => d.ResourceId == lasresan.Id);
            Assert.True(v1.StartNextDraft(supplier, now, out var draft).Succeeded);
            var content = draft!.Content();
            Assert.True(draft.Edit(supplier, content with
            {
                SubProcessors = [.. content.SubProcessors, new SubProcessor("Nya Molnet AB", "5560000001", "Molngatan 1, Kista", "Säkerhetskopior", "SE")],
            }, now).Succeeded);
            db.SupplierDescriptions.Add(draft);
            Assert.True((await DescriptionPublishing.PublishAsync(db, supplier, draft, now)).Succeeded);
            await db.SaveChangesAsync();
            return await db.Agreements.IgnoreQueryFilters().Where(a => a.ResourceId == lasresan.Id).Select(a => a.Id).SingleAsync();
        });

        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var url = $"/Agreements/{id}";
        var page = await lisa.GetPageAsync(url);
        var change = EnsaClient.Text(page, "section.version-change");
        Assert.Contains("version 1 → 2", change, StringComparison.Ordinal);
        Assert.Contains("Underbiträden – Nya Molnet AB – Vad underbiträdet gör", change, StringComparison.Ordinal);
        Assert.Contains("Säkerhetskopior", change, StringComparison.Ordinal);
        Assert.Contains("ny version att ta ställning till", EnsaClient.Text(await lisa.GetPageAsync("/Agreements"), "table.agreements"), StringComparison.Ordinal);

        // The notice asks the security coordinator too, who may answer (DecisionSafetyTests).
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        Assert.NotNull((await ahmed.GetPageAsync(url)).QuerySelector(Form("Accept")));

        page = await EnsaClient.ParseAsync(await lisa.SubmitAsync(url, Form("Object")));
        Assert.NotEmpty(EnsaClient.Text(page, ".errors"));
        page = await lisa.FollowAsync(await lisa.SubmitAsync(url, Form("Object"), new Dictionary<string, string> { ["ObjectionReason"] = "Säkerhetskopiorna ska ligga hos er själva." }));
        Assert.Contains("Säkerhetskopiorna ska ligga hos er själva.", EnsaClient.Text(page, "section.version-change"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(Form("Object")));
        Assert.Equal("Säkerhetskopiorna ska ligga hos er själva.", (await app.StoredAsync<Agreement>(a => a.Id == id)).ObjectionReason);

        // The supplier sees that Mittköping objected, but not its reason: Mittköping did not choose to share it.
        using var elin = await app.SignInAs(Roles.SupplierUser);
        var objections = EnsaClient.Text(await elin.GetPageAsync("/Supplier"), "ul.objections");
        Assert.Contains("Mittköpings kommun", objections, StringComparison.Ordinal);
        Assert.Contains("inte delat sitt skäl", objections, StringComparison.Ordinal);
        Assert.DoesNotContain("Säkerhetskopiorna", objections, StringComparison.Ordinal);

        page = await lisa.FollowAsync(await lisa.SubmitAsync(url, Form("Accept")));
        Assert.Null(page.QuerySelector("section.version-change"));
        Assert.Contains("Ny version godtagen", EnsaClient.Text(page, "ol.timeline"), StringComparison.Ordinal);
        Assert.Equal(2, (await app.StoredAsync<Agreement>(a => a.Id == id)).DescriptionVersion);
        Assert.Contains("Nya Molnet AB", (await lisa.GetPageAsync($"/Agreements/{id}/Document")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await lisa.Http.GetAsync(url)).StatusCode);
    }
}
