using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The central department keeps the organizer's framework agreements at /Purchasing/FrameworkAgreements.</summary>
public sealed class FrameworkAgreementTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string List = "/Purchasing/FrameworkAgreements";
    private const string Add = "/Purchasing/FrameworkAgreements/Edit";

    [Fact]
    public async Task List_CentralReviewer_SeesOwnAgreementsSortedTheSwedishWay()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await AddAsync(sara, "Öresundsavtalet");
        await AddAsync(sara, "Ängsavtalet");
        var names = (await sara.GetPageAsync(List)).QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("ATEA", names);
        Assert.DoesNotContain("Adda – Digitala läromedel", names); // Lärande Norr's
        Assert.True(names.IndexOf("Ängsavtalet") < names.IndexOf("Öresundsavtalet"), string.Join(", ", names)); // å, ä, ö
        Assert.Equal(names.Order(Ensa.Common.SwedishCalendar.Comparer), names);
    }

    [Fact]
    public async Task List_NoAgreements_SaysWhatToDo()
    {
        await app.WithDbAsync(async db =>
        {
            var larande = await db.Organizers.SingleAsync(o => o.Slug == Ensa.Demo.DemoData.LarandeNorrSlug);
            return await db.FrameworkAgreements.IgnoreQueryFilters().Where(f => f.OrganizerId == larande.Id).ExecuteDeleteAsync();
        });
        using var reviewer = await LarandeNorrReviewerAsync();
        var page = await reviewer.GetPageAsync(List);
        Assert.Contains("Lägg till de ramavtal ni köper under", EnsaClient.Text(page, "[role=status]"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("table"));
    }

    [Fact]
    public async Task Add_WithTerms_IsStoredAndOffered()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var response = await sara.SubmitAsync(Add, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kammarkollegiet – Programvaror",
            ["Input.Supplier"] = "Atea Sverige AB",
            ["Input.Reference"] = "23.3-6283-22",
            ["Input.ValidFrom"] = "2026-01-01",
            ["Input.ValidTo"] = "2028-12-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await sara.FollowAsync(response);
        Assert.Contains("Ramavtalet har lagts till.", EnsaClient.Text(page, ".notice"), StringComparison.Ordinal);
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Kammarkollegiet – Programvaror", StringComparison.Ordinal));
        Assert.Contains("Atea Sverige AB", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-01-01 – 2028-12-31", row.TextContent, StringComparison.Ordinal);
        var stored = await StoredAsync("Kammarkollegiet – Programvaror");
        Assert.Equal(("23.3-6283-22", new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), true),
            (stored.Reference, stored.ValidFrom, stored.ValidTo, stored.Active));
    }

    [Fact]
    public async Task Change_NewTerms_AreStored()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var id = await AddAsync(sara, "Ändras " + Guid.NewGuid().ToString("N")[..6]);
        var response = await sara.SubmitAsync($"{Add}/{id}", "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ändrat namn",
            ["Input.Supplier"] = "Ny leverantör AB",
            ["Input.ValidTo"] = "2027-06-30",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.FrameworkAgreements.IgnoreQueryFilters().SingleAsync(f => f.Id == id));
        Assert.Equal(("Ändrat namn", "Ny leverantör AB", new DateOnly(2027, 6, 30)), (stored.Name, stored.Supplier, stored.ValidTo));
    }

    [Theory]
    [InlineData("Input.Name", "", "Ramavtalets namn måste fyllas i.")]
    [InlineData("Input.Name", "long", "Ramavtalets namn får vara högst 200 tecken.")]
    [InlineData("Input.Supplier", "long", "Leverantör får vara högst 200 tecken.")]
    [InlineData("Input.Reference", "long", "Avtalsnummer eller diarienummer får vara högst 100 tecken.")]
    [InlineData("Input.ValidTo", "2025-12-31", "Slutdatumet måste vara samma dag som eller efter startdatumet.")]
    public async Task Add_BadInput_IsRefusedWithItsMessageAndStoresNothing(string field, string value, string message)
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var name = "Felaktigt " + Guid.NewGuid().ToString("N")[..6];
        var form = await sara.GetPageAsync(Add);
        if (field != "Input.ValidTo") Assert.NotNull(form.QuerySelector($"input[name='{field}'][maxlength]"));
        var values = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.ValidFrom"] = "2026-01-01" };
        values[field] = value == "long" ? new string('x', 201) : value;
        var response = await sara.SubmitAsync(Add, "main form", values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, EnsaClient.Text(await EnsaClient.ParseAsync(response), ".error"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.FrameworkAgreements.IgnoreQueryFilters().AnyAsync(f => f.Name == name || f.Name.Length > 200)));
    }

    [Fact]
    public async Task Change_EndBeforeStart_IsRefusedAndChangesNothing()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var name = "Datum " + Guid.NewGuid().ToString("N")[..6];
        var id = await AddAsync(sara, name);
        var response = await sara.SubmitAsync($"{Add}/{id}", "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Borde inte sparas",
            ["Input.ValidFrom"] = "2027-01-01",
            ["Input.ValidTo"] = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Slutdatumet måste vara samma dag som eller efter startdatumet.",
            EnsaClient.Text(await EnsaClient.ParseAsync(response), ".error"), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.FrameworkAgreements.IgnoreQueryFilters().SingleAsync(f => f.Id == id));
        Assert.Equal((name, (DateOnly?)null), (stored.Name, stored.ValidFrom));
    }

    [Fact]
    public async Task End_AfterConfirmation_EndsTodayAndIsNoLongerOffered()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var name = "Avslutas " + Guid.NewGuid().ToString("N")[..6];
        var id = await AddAsync(sara, name);
        var confirm = await sara.GetPageAsync($"{Add}/{id}?confirm=End");
        Assert.Contains("Avsluta ramavtalet?", EnsaClient.Text(confirm, ".confirm"), StringComparison.Ordinal);
        var response = await sara.SubmitAsync($"{Add}/{id}?confirm=End", ".confirm form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.FrameworkAgreements.IgnoreQueryFilters().SingleAsync(f => f.Id == id));
        Assert.Equal((false, Ensa.Common.SwedishCalendar.Today(app.Clock)), (stored.Active, stored.ValidTo));
        var again = await sara.PostHandlerAsync($"{Add}/{id}", "End");
        Assert.Contains("Ramavtalet är redan avslutat.", EnsaClient.Text(await EnsaClient.ParseAsync(again), ".errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_Unused_AfterConfirmationIsGone()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var id = await AddAsync(sara, "Av misstag " + Guid.NewGuid().ToString("N")[..6]);
        var confirm = await sara.GetPageAsync($"{Add}/{id}?confirm=Remove");
        Assert.Contains("Det går inte att ångra.", EnsaClient.Text(confirm, ".confirm"), StringComparison.Ordinal);
        var response = await sara.SubmitAsync($"{Add}/{id}?confirm=Remove", ".confirm form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.FrameworkAgreements.IgnoreQueryFilters().AnyAsync(f => f.Id == id)));
    }

    [Fact]
    public async Task Remove_UsedByAPurchase_IsRefusedSayingWhy()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var atea = await StoredAsync("ATEA");
        var confirm = await sara.GetPageAsync($"{Add}/{atea.Id}?confirm=Remove");
        Assert.Contains("inköp har gjorts under det", EnsaClient.Text(confirm, ".confirm"), StringComparison.Ordinal);
        Assert.Empty(confirm.QuerySelectorAll(".confirm form"));
        var response = await sara.PostHandlerAsync($"{Add}/{atea.Id}", "Remove");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ramavtalet kan inte tas bort: 1 inköp har gjorts under det.",
            EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors"), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.FrameworkAgreements.IgnoreQueryFilters().AnyAsync(f => f.Id == atea.Id)));
    }

    [Theory]
    [InlineData(Roles.Requester)]
    [InlineData(Roles.OrganizerAdmin)]
    public async Task Pages_WrongRole_AreForbidden(string role)
    {
        using var client = await app.SignInAs(role);
        var atea = await StoredAsync("ATEA");
        foreach (var url in new[] { List, Add, $"{Add}/{atea.Id}" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync(response.Headers.Location)).StatusCode);
        }
    }

    [Fact]
    public async Task OtherOrganizersAgreement_IsNotFoundAndUnchanged()
    {
        using var mallory = await LarandeNorrReviewerAsync();
        var atea = await StoredAsync("ATEA");
        await mallory.GetPageAsync($"{Add}/{atea.Id}", HttpStatusCode.NotFound);
        await mallory.GetPageAsync($"{Add}/{atea.Id}?confirm=Remove", HttpStatusCode.NotFound);
        Assert.DoesNotContain("ATEA", (await mallory.GetPageAsync(List)).Body!.TextContent, StringComparison.Ordinal);
        var url = $"{Add}/{atea.Id}";
        // The forms' antiforgery token comes from the add page, which the reviewer may open.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(mallory, url, "", new() { ["Input.Name"] = "Kapad" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(mallory, url, "End", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(mallory, url, "Remove", [])).StatusCode);
        var after = await StoredAsync("ATEA");
        Assert.Equal((atea.Name, atea.Supplier, atea.ValidTo, true), (after.Name, after.Supplier, after.ValidTo, after.Active));
    }

    private static async Task<HttpResponseMessage> PostAsync(EnsaClient client, string url, string handler, Dictionary<string, string> values)
    {
        var token = (await client.GetPageAsync(Add)).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        values["__RequestVerificationToken"] = token;
        return await client.Http.PostAsync(handler.Length > 0 ? $"{url}?handler={handler}" : url, new FormUrlEncodedContent(values));
    }

    private async Task<EnsaClient> LarandeNorrReviewerAsync()
    {
        const string password = "Lärande-granskare-2026!";
        var email = $"granskare.{Guid.NewGuid():N}@larandenorr.example";
        await app.CreateUserWithPasswordAsync(email, password, Role.CentralReviewer, Ensa.Demo.DemoData.LarandeNorrSlug);
        var client = app.NewClient();
        await client.FollowAsync(await client.SignInWithPasswordAsync(email, password));
        return client;
    }

    private async Task<Guid> AddAsync(EnsaClient client, string name)
    {
        var response = await client.SubmitAsync(Add, "main form", new Dictionary<string, string> { ["Input.Name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await StoredAsync(name)).Id;
    }

    private Task<FrameworkAgreement> StoredAsync(string name) =>
        app.WithDbAsync(db => db.FrameworkAgreements.IgnoreQueryFilters().AsNoTracking().SingleAsync(f => f.Name == name));
}
