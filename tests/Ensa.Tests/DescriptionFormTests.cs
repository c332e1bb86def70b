using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Documents;
using Ensa.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The rules behind the supplier's description form: registration numbers by country, e-mail addresses by the
/// parser that sends mail, the country table.</summary>
public sealed class DescriptionRulesTests
{
    [Theory]
    [InlineData("556000-0001", true)]
    [InlineData("5560000001", true)]
    [InlineData("16556000-0001", true)]
    [InlineData("165560000001", true)]
    [InlineData("556000-0000", false)]
    [InlineData("17556000-0001", false)]
    [InlineData("55600-00001x", false)]
    [InlineData("123", false)]
    public void SwedishNumber_LuhnOnTenDigits_TwelveWithPrefix16(string number, bool valid)
    {
        Assert.Equal(valid, OrganisationNumber.TryParse(number, out _));
        Assert.Equal(valid, RegistrationNumber.IsValid("SE", number));
        // No country is Swedish.
        Assert.Equal(valid, RegistrationNumber.IsValid(null, number));
    }

    [Theory]
    [InlineData("DK", "12345678", true)]
    [InlineData("DK", "1234567", false)]
    [InlineData("NO", "923 609 016", true)]
    [InlineData("NO", "923609017", false)]
    [InlineData("NO", "92360901", false)]
    [InlineData("FI", "0112038-9", true)]
    [InlineData("FI", "0112038-8", false)]
    [InlineData("FI", "01120389", false)]
    [InlineData("US", "Delaware 7712094", true)]
    [InlineData("DE", "HRB 12345", true)]
    [InlineData("US", " ", false)]
    public void ForeignNumber_ByCountryWhereKnown_ElseFree(string country, string number, bool valid) =>
        Assert.Equal(valid, RegistrationNumber.IsValid(country, number));

    [Theory]
    [InlineData("elin.svahn@sagovaven.example", true)]
    [InlineData(" dpo@sagovaven.example ", true)]
    [InlineData("ny..larare@x.example", false)]
    [InlineData(".larare@x.example", false)]
    [InlineData("larare.@x.example", false)]
    [InlineData("larare@localhost", false)]
    [InlineData("larare@x..example", false)]
    [InlineData("Lärare <larare@x.example>", false)]
    [InlineData("a@x.example, b@x.example", false)]
    [InlineData("ny larare@x.example", false)]
    [InlineData("larare", false)]
    [InlineData("", false)]
    public void EmailAddress_AsEnsaSendsTo(string address, bool valid)
    {
        Assert.Equal(valid, EmailAddresses.IsValid(address));
        if (!valid) Assert.Throws<MimeKit.ParseException>(() => EmailAddresses.Parse(address));
    }

    [Fact]
    public void Countries_EveryIsoCode_NamedInBothLanguages_SwedenFirstThenByCollation()
    {
        Assert.Equal(249, Countries.All.Count);
        Assert.Equal(249, Countries.All.Select(c => c.Code).Distinct().Count());
        Assert.All(Countries.All, c => Assert.Matches("^[A-Z]{2}$", c.Code));
        Assert.Equal(30, Countries.All.Count(c => c.InEea));
        Assert.True(Countries.IsKnown("se"));
        Assert.False(Countries.IsKnown("Sverige"));
        Assert.False(Countries.IsKnown("XX"));
        Assert.Equal("Tyskland", Countries.Name("DE", CultureInfo.GetCultureInfo("sv-SE")));
        Assert.Equal("Germany", Countries.Name("DE", CultureInfo.GetCultureInfo("en")));

        var swedish = Countries.ForChoice(CultureInfo.GetCultureInfo("sv-SE")).Select(c => c.Swedish).ToList();
        Assert.Equal("Sverige", swedish[0]);
        // Å, Ä and Ö come after Z in Swedish, and in English Åland is among the A's.
        Assert.True(swedish.IndexOf("Österrike") > swedish.IndexOf("Zimbabwe"));
        Assert.True(swedish.IndexOf("Åland") < swedish.IndexOf("Österrike"));
        var english = Countries.ForChoice(CultureInfo.GetCultureInfo("en")).Select(c => c.English).ToList();
        Assert.Equal("Sweden", english[0]);
        Assert.True(english.IndexOf("Åland Islands") < english.IndexOf("Belgium"));
    }

    [Fact]
    public void Fields_InWordsByLanguage_NoKeyOrEnumText()
    {
        var l = MailTexts.Swedish;
        Assert.Equal("Underbiträden – Zendesk Inc. – Organisationsnummer", AgreementFields.Label("SubProcessors[Zendesk Inc.].OrganisationNumber", l));
        Assert.Equal("Överföring till tredjeland – Postverket Mail Inc. (USA) – Skyddsåtgärd",
            AgreementFields.Label("Transfers[Postverket Mail Inc. US].Safeguard", l));
        Assert.Equal("Underbiträden – Molnet (2) – Land", AgreementFields.Label("SubProcessors[Molnet#2].CountryCode", l));
        Assert.Equal("USA", AgreementFields.Value("SubProcessors[Zendesk Inc.].CountryCode", "US", l));
        Assert.Equal("Tyskland", AgreementFields.Value("Locations[Drift].CountryCode", "DE", l));
        Assert.Equal("Germany", AgreementFields.Value("Locations[Drift].CountryCode", "DE", MailTexts.English));
        Assert.Equal("Nej", AgreementFields.Value("PersonalData[Namn].Sensitive", "False", l));
        Assert.Equal("No", AgreementFields.Value("PersonalData[Namn].Sensitive", "False", MailTexts.English));
        Assert.DoesNotContain("DataPrivacyFramework", AgreementFields.Value("SubProcessors[Zendesk Inc.].Safeguard", "DataPrivacyFramework", l), StringComparison.Ordinal);
        Assert.Equal("Kategorier av registrerade – Elever – Beskrivning", AgreementFields.Label("DataSubjects[Pupils].Description", l));
    }
}

/// <summary>Sagoväven describes its resources on the form: countries from the list, contact addresses and registration
/// numbers checked at their fields on save and refused again by the domain's Publish whatever the path, rows beyond the
/// empty ones posted without JavaScript, and a new version's changes in words on the supplier's page, on the organizer's
/// agreement and in the version-change mail.</summary>
public abstract class DescriptionFormTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Elin = "elin.svahn@sagovaven.example";
    private const string Lisa = "lisa.ekstrom@mittkoping.example";

    private static Dictionary<string, string> Complete() => new()
    {
        ["Input.SubjectMatter"] = "Läsinlärning i appen.", ["Input.Nature"] = "Lagring av elevens framsteg.", ["Input.Purposes"] = "Att eleven ska lära sig läsa.",
        ["Input.DataSubjects"] = "Pupils",
        ["Input.PersonalData[0].Name"] = "Elevens förnamn",
        ["Input.Retention"] = "Så länge skolan använder appen.", ["Input.Deletion"] = "Raderas inom 30 dagar efter avslut.",
        ["Input.Locations[0].Description"] = "Datacenter i Stockholm", ["Input.Locations[0].CountryCode"] = "SE", ["Input.Locations[0].Storage"] = "true",
        ["Input.AgreementContactName"] = "Sam Avtal", ["Input.AgreementContactEmail"] = Elin,
        ["Input.DataProtectionContactName"] = "Dana Skydd", ["Input.DataProtectionContactEmail"] = "dpo@sagovaven.example",
        ["Input.SubProcessors[0].Name"] = "Norrhallen AB", ["Input.SubProcessors[0].OrganisationNumber"] = "556000-0001",
        ["Input.SubProcessors[0].Address"] = "Serverv. 1, Luleå", ["Input.SubProcessors[0].Activities"] = "Drift", ["Input.SubProcessors[0].CountryCode"] = "SE",
    };

    private static async Task<HttpResponseMessage> PostAsync(EnsaClient client, string url, string handler, Dictionary<string, string> values)
    {
        var form = (await client.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("form.description-form")!;
        form.Action = url + "?handler=" + handler;
        return await client.SubmitAsync(url, form, values);
    }

    private async Task<(Guid Resource, string Url)> ResourceAsync(string name)
    {
        var id = await app.ResourceIdAsync(name);
        return (id, $"/Supplier/Describe/{id}");
    }

    private Task<List<SupplierDescription>> VersionsAsync(Guid resource) =>
        app.WithDbAsync(db => db.SupplierDescriptions.AsNoTracking().Where(d => d.ResourceId == resource).ToListAsync());

    [Fact]
    public async Task Country_AChoiceFromTheList_SwedenFirst_UnknownCodeRefusedAtItsField_SEAccepted()
    {
        app.RequireDatabase();
        var (resource, url) = await ResourceAsync("Sagoväven Bokstavslek");
        using var elin = await app.SignInAs(Roles.SupplierUser);
        var page = await elin.GetPageAsync(url);
        var select = page.QuerySelector<IHtmlSelectElement>("select[name='Input.Locations[0].CountryCode']")!;
        Assert.NotNull(select);
        Assert.Null(page.QuerySelector("input[name$='CountryCode']"));
        Assert.Equal(["", "SE"], select.Options.Take(2).Select(o => o.Value).ToList());
        Assert.Equal("Sverige", select.Options[1].Text.Trim());
        Assert.Contains(select.QuerySelectorAll("optgroup[label='EU/EES'] option"), o => o.TextContent == "Tyskland");
        Assert.Contains(select.QuerySelectorAll("optgroup[label='Utanför EU/EES'] option"), o => o.TextContent == "USA");
        Assert.DoesNotContain(select.QuerySelectorAll("optgroup[label='Utanför EU/EES'] option"), o => o.TextContent == "Norge");
        // A script adds and removes rows, loaded from the site (the CSP allows no inline script); the rows' template is
        // not posted.
        Assert.NotNull(page.QuerySelector("script[src^='/js/description-rows.']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.NotNull(page.QuerySelector("template#template-SubProcessors"));

        var before = await VersionsAsync(resource);
        var values = Complete();
        values["Input.Locations[0].CountryCode"] = "Sverige";
        values["Input.SubProcessors[0].CountryCode"] = "XX";
        var refused = await EnsaClient.ParseAsync(await PostAsync(elin, url, "Save", values));
        Assert.Contains("Sverige är inget land i listan", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.Contains("XX är inget land i listan", EnsaClient.Text(refused, "#sp-0-c-error"), StringComparison.Ordinal);
        Assert.Equal("true", refused.QuerySelector("#lo-0-c")!.GetAttribute("aria-invalid"));
        Assert.Equal(before.Select(d => (d.Id, d.UpdatedAt)), (await VersionsAsync(resource)).Select(d => (d.Id, d.UpdatedAt)));

        values["Input.Locations[0].CountryCode"] = "se";
        values["Input.SubProcessors[0].CountryCode"] = "SE";
        var saved = await elin.FollowAsync(await PostAsync(elin, url, "Save", values));
        Assert.Empty(EnsaClient.Text(saved, ".errors"));
        var draft = Assert.Single(await VersionsAsync(resource), d => !d.IsPublished);
        Assert.Equal("SE", draft.Locations[0].CountryCode);
        Assert.Equal("SE", saved.QuerySelector<IHtmlSelectElement>("#lo-0-c")!.Value);
    }

    [Fact]
    public async Task Publish_BadContactEmailOrRegistrationNumber_RefusedAtTheField_NothingPublished()
    {
        app.RequireDatabase();
        var (resource, url) = await ResourceAsync("Sagoväven Bokstavslek");
        using var elin = await app.SignInAs(Roles.SupplierUser);
        var published = (await VersionsAsync(resource)).Count(d => d.IsPublished);

        var values = Complete();
        values["Input.DataProtectionContactEmail"] = "ny..larare@x.example";
        var page = await EnsaClient.ParseAsync(await PostAsync(elin, url, "Publish", values));
        Assert.Contains("ny..larare@x.example är ingen e-postadress som Ensa kan skicka till", EnsaClient.Text(page, "#c-de-error"), StringComparison.Ordinal);
        Assert.Contains("Kontaktpersonens e-post (dataskydd)", EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);

        values = Complete();
        values["Input.SubProcessors[0].OrganisationNumber"] = "556000-0000";
        page = await EnsaClient.ParseAsync(await PostAsync(elin, url, "Publish", values));
        Assert.Contains("Organisationsnumret för Norrhallen AB stämmer inte för Sverige", EnsaClient.Text(page, "#sp-0-o-error"), StringComparison.Ordinal);
        // A Danish sub-processor's number is 8 digits.
        values["Input.SubProcessors[0].CountryCode"] = "DK";
        page = await EnsaClient.ParseAsync(await PostAsync(elin, url, "Publish", values));
        Assert.Contains("stämmer inte för Danmark: det skrivs NNNNNNNN", EnsaClient.Text(page, "#sp-0-o-error"), StringComparison.Ordinal);
        Assert.Equal(published, (await VersionsAsync(resource)).Count(d => d.IsPublished));
        Assert.False(await app.IsStoredAsync<SupplierDescription>(d => d.ResourceId == resource && d.AgreementContactEmail == "ny..larare@x.example"));

        // Past the form, the domain refuses too, naming the field, and the draft stays a draft.
        var refusal = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == Elin);
            var supplier = Actor.SupplierUser(user.Id, user.DisplayName, user.SupplierId!.Value);
            var lesson = await db.LearningResources.SingleAsync(r => r.Id == resource);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var draft = await db.SupplierDescriptions.Where(d => d.ResourceId == resource && d.PublishedAt == null).SingleOrDefaultAsync();
            if (draft is null)
            {
                var latest = await db.SupplierDescriptions.Where(d => d.ResourceId == resource).OrderByDescending(d => d.Version).FirstOrDefaultAsync();
                Assert.True((latest is null ? SupplierDescription.StartFirstDraft(supplier, lesson, now, out draft) : latest.StartNextDraft(supplier, now, out draft)).Succeeded);
                db.SupplierDescriptions.Add(draft!);
            }
            var content = Valid();
            var errors = new List<string>();
            foreach (var bad in new[]
                     {
                         content with { AgreementContact = new("Sam", "ny..larare@x.example") },
                         content with { SubProcessors = [new("Norrhallen AB", "556000-0000", "Serverv. 1", "Drift", "SE")] },
                         content with { SubProcessors = [new("Fjordsky AS", "923609017", "Oslo", "Drift", "NO")] },
                         content with { Locations = [new("Serverhall", "Sverige", LocationUse.Storage)] },
                     })
            {
                Assert.True(draft!.Edit(supplier, bad, now).Succeeded);
                var result = await DescriptionPublishing.PublishAsync(db, supplier, draft, now);
                Assert.False(result.Succeeded);
                Assert.False(draft.IsPublished);
                errors.Add(result.Error!.Code + " " + string.Join(",", result.Error.Args));
            }
            return errors;
        });
        Assert.Equal(
        [
            "Description.AgreementContactEmailInvalid ny..larare@x.example",
            "Description.OrganisationNumberInvalid Norrhallen AB,556000-0000",
            "Description.OrganisationNumberInvalid Fjordsky AS,923609017",
            "Description.LocationCountryUnknown Serverhall",
        ], refusal);
        Assert.Equal(published, (await VersionsAsync(resource)).Count(d => d.IsPublished));
    }

    private static InstructionContent Valid() => new()
    {
        SubjectMatter = "Läsinlärning", Purposes = "Att lära sig läsa", DataSubjects = [new(DataSubjectKind.Pupils)], PersonalData = [new("Namn")],
        Retention = "Ett läsår", Deletion = "Inom 30 dagar", Locations = [new("Stockholm", "SE", LocationUse.Storage)],
        AgreementContact = new("Sam", Elin), DataProtectionContact = new("Dana", "dpo@sagovaven.example"),
    };

    [Fact]
    public async Task Form_WithoutJavaScript_MoreRowsThanTheEmptyOnes_AllSaved()
    {
        app.RequireDatabase();
        var (resource, url) = await ResourceAsync("Sagoväven Bokstavslek");
        using var elin = await app.SignInAs(Roles.SupplierUser);
        var values = Complete();
        // Five sub-processors and three locations, where the page rendered fewer rows: a client without the script
        // posts what it has, a client with it posts renumbered rows.
        string[] names = ["Norrhallen AB", "Fjordsky AS", "Scribo Oy", "Cloudy Inc.", "Rheinwolke GmbH"];
        string[] countries = ["SE", "NO", "FI", "US", "DE"];
        string?[] numbers = ["556000-0001", "923609016", "0112038-9", "Delaware 77", null];
        for (var n = 0; n < names.Length; n++)
        {
            values[$"Input.SubProcessors[{n}].Name"] = names[n];
            values[$"Input.SubProcessors[{n}].CountryCode"] = countries[n];
            values[$"Input.SubProcessors[{n}].OrganisationNumber"] = numbers[n] ?? "";
            values[$"Input.SubProcessors[{n}].Address"] = "Gatan 1";
            values[$"Input.SubProcessors[{n}].Activities"] = "Drift";
        }
        values["Input.Locations[1].Description"] = "Reserv i Oslo";
        values["Input.Locations[1].CountryCode"] = "NO";
        values["Input.Locations[2].Description"] = "Reserv i Helsingfors";
        values["Input.Locations[2].CountryCode"] = "FI";
        var page = await elin.FollowAsync(await PostAsync(elin, url, "Save", values));
        Assert.Empty(EnsaClient.Text(page, ".errors"));

        var draft = Assert.Single(await VersionsAsync(resource), d => !d.IsPublished);
        Assert.Equal(names, draft.SubProcessors.Select(s => s.Name));
        Assert.Equal(countries, draft.SubProcessors.Select(s => s.CountryCode));
        Assert.Equal(3, draft.Locations.Count);
        // Two empty rows more after the saved ones, as before.
        Assert.Equal(names.Length + 2, page.QuerySelectorAll(".rows[data-rows='SubProcessors'] > fieldset.row").Length);
        Assert.Equal("Norge", page.QuerySelector<IHtmlSelectElement>("#sp-1-c")!.SelectedOptions.Single().Text.Trim());
    }

    [Fact]
    public async Task NewVersion_ChangesInWords_OnTheSuppliersPageTheAgreementAndTheMail()
    {
        app.RequireDatabase();
        var (resource, url) = await ResourceAsync("Sagoväven Läsresan");
        using var elin = await app.SignInAs(Roles.SupplierUser);
        var form = (await elin.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("form.description-form")!;
        // Version 1 has two sub-processors and two personal data rows: a third of each, and a change to the first.
        var values = new Dictionary<string, string>
        {
            ["Input.SubProcessors[2].Name"] = "Zendesk Inc.", ["Input.SubProcessors[2].OrganisationNumber"] = "Delaware 4711",
            ["Input.SubProcessors[2].Address"] = "989 Market St, San Francisco", ["Input.SubProcessors[2].Activities"] = "Kundtjänst",
            ["Input.SubProcessors[2].CountryCode"] = "US", ["Input.SubProcessors[2].Safeguard"] = nameof(TransferSafeguard.DataPrivacyFramework),
            ["Input.PersonalData[4].Name"] = "Hälsouppgifter", ["Input.PersonalData[4].Sensitive"] = "true",
            ["Input.Locations[1].CountryCode"] = "IE",
        };
        var page = await elin.FollowAsync(await elin.SubmitAsync(url, form, values));
        Assert.Empty(EnsaClient.Text(page, ".errors"));
        var changes = EnsaClient.Text(page, "section.description-changes");
        Assert.Contains("Ändringar mot version 1", changes, StringComparison.Ordinal);
        Assert.Contains("Underbiträden – Zendesk Inc. – Organisationsnummer", changes, StringComparison.Ordinal);
        Assert.Contains("EU–US Data Privacy Framework", changes, StringComparison.Ordinal);
        Assert.Contains("Kategorier av personuppgifter – Hälsouppgifter – Känsliga uppgifter", changes, StringComparison.Ordinal);
        Assert.Contains("USA", changes, StringComparison.Ordinal);
        Assert.Contains("Irland", changes, StringComparison.Ordinal);
        InWords(changes);

        form = page.QuerySelector<IHtmlFormElement>("form.description-form")!;
        form.Action = url + "?handler=Publish";
        page = await elin.FollowAsync(await elin.SubmitAsync(url, form));
        Assert.Contains("Version 2 är publicerad", EnsaClient.Text(page, ".notice"), StringComparison.Ordinal);

        // Mittköping's agreement in force shows the change, and Lisa (Swedish) is told by mail, both in words.
        var agreement = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().Where(a => a.ResourceId == resource).Select(a => a.Id).SingleAsync());
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var change = EnsaClient.Text(await lisa.GetPageAsync($"/Agreements/{agreement}"), "section.version-change");
        Assert.Contains("Underbiträden – Zendesk Inc. – Land", change, StringComparison.Ordinal);
        InWords(change);
        var mail = Assert.Single(await app.MailToAsync(Lisa), m => m.TextBody.Contains("Zendesk", StringComparison.Ordinal)).TextBody;
        Assert.Contains("Underbiträden – Zendesk Inc. – Skyddsåtgärd: – → EU–US Data Privacy Framework", mail, StringComparison.Ordinal);
        Assert.Contains("Kategorier av personuppgifter – Hälsouppgifter – Känsliga uppgifter: – → Ja", mail, StringComparison.Ordinal);
        Assert.Contains("– Land: USA → Irland", mail, StringComparison.Ordinal);
        InWords(mail);
    }

    /// <summary>No stored key syntax, enum name or raw yes/no left.</summary>
    private static void InWords(string text)
    {
        foreach (var raw in new[] { "DataPrivacyFramework", "StandardContractualClauses", "SubProcessors", "PersonalData", "[", "]", "True", "False", "Pupils" })
            Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
    }
}

public sealed class DescriptionFormSqliteTests(EnsaAppFactory app) : DescriptionFormTests<EnsaAppFactory>(app);

public sealed class DescriptionFormPostgresTests(PostgresAppFactory app) : DescriptionFormTests<PostgresAppFactory>(app);
