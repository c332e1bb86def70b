using Ensa.Audit;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

public sealed class OrganizerSettingsTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public async Task OrganizerDetails_AdminSaves_StoredAndAudited()
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var page = await admin.FollowAsync(await admin.SubmitAsync("/Admin/Organizer", "main form", new Dictionary<string, string>
        {
            ["Input.ControllerName"] = "Barn- och utbildningsnämnden",
            ["Input.DpoName"] = "Dana Dataskydd",
            ["Input.DpoEmail"] = "dana@mittkoping.example",
        }));
        Assert.Equal("Barn- och utbildningsnämnden", page.QuerySelector("#Input_ControllerName")!.GetAttribute("value"));
        var organizer = await app.StoredAsync<Organizer>(o => o.Slug == DemoData.MittkopingSlug);
        Assert.Equal("dana@mittkoping.example", organizer.DataProtectionOfficerEmail);
        var audit = (await app.StoredAsync<AuditEntry>(a => a.EntityId == organizer.Id.ToString() && a.Action == "Modified")).Changes;
        Assert.Contains("[\"Grundskolenämnden\",\"Barn- och utbildningsnämnden\"]", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganizerDetails_BadInput_SaysHowToFixAndSavesNothing()
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        var page = await EnsaClient.ParseAsync(await admin.SubmitAsync("/Admin/Organizer", "main form", new Dictionary<string, string>
        {
            ["Input.ControllerName"] = "",
            ["Input.DpoEmail"] = "inte en adress",
        }));
        var errors = EnsaClient.Text(page, ".error");
        Assert.Contains("Personuppgiftsansvarig nämnd måste fyllas i.", errors, StringComparison.Ordinal);
        Assert.Contains("Skriv en giltig e-postadress", errors, StringComparison.Ordinal);
        Assert.Equal("Lärande Norr AB (styrelsen)", (await app.StoredAsync<Organizer>(o => o.Slug == DemoData.LarandeNorrSlug)).ControllerName);
    }
}
