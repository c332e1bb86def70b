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

    [Fact]
    public async Task TaskTarget_AdminSets_StoredAndAudited_OutOfRangeRefusedWithMessage()
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        Assert.Equal("10", (await admin.GetPageAsync("/Admin/Organizer")).QuerySelector("#Input_TaskTargetWorkingDays")!.GetAttribute("value"));

        foreach (var bad in new[] { "0", "61", "tio" })
        {
            var refused = await EnsaClient.ParseAsync(await admin.SubmitAsync("/Admin/Organizer", "main form",
                new Dictionary<string, string> { ["Input.TaskTargetWorkingDays"] = bad }));
            Assert.NotEmpty(EnsaClient.Text(refused, "span.error"));
            Assert.Equal(Organizer.DefaultTaskTargetWorkingDays, (await app.StoredAsync<Organizer>(o => o.Slug == DemoData.LarandeNorrSlug)).TaskTargetWorkingDays);
        }
        var range = await EnsaClient.ParseAsync(await admin.SubmitAsync("/Admin/Organizer", "main form",
            new Dictionary<string, string> { ["Input.TaskTargetWorkingDays"] = "61" }));
        Assert.Contains("ska vara mellan 1 och 60", EnsaClient.Text(range, "span.error"), StringComparison.Ordinal);

        await admin.FollowAsync(await admin.SubmitAsync("/Admin/Organizer", "main form", new Dictionary<string, string> { ["Input.TaskTargetWorkingDays"] = "15" }));
        var organizer = await app.StoredAsync<Organizer>(o => o.Slug == DemoData.LarandeNorrSlug);
        Assert.Equal(15, organizer.TaskTargetWorkingDays);
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityId == organizer.Id.ToString() && a.Action == "Modified"
            && a.Changes.Contains(nameof(Organizer.TaskTargetWorkingDays))));
    }
}
