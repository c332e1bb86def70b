using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

/// <summary>The agreement journey with a supplier nobody acts for in Ensa yet: the organizer sends the agreement, the
/// platform admin is asked to onboard the supplier and invites the person it has checked, who describes the resource
/// in the supplier portal and publishes; the reviewer and the security coordinator review, the agreement is rendered
/// (HTML and PDF), recorded as signed and put in force.</summary>
public sealed partial class AgreementJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Title = "Personuppgiftsbiträdesavtal – Ensas platshållartext (ersätts av SKR:s, Addas och Ineras mall)";

    [Fact]
    public async Task OrganizerSends_PlatformAdminOnboardsSupplier_SupplierDescribes_OrganizerReviewsRendersAndSigns()
    {
        var seeded = await Data.AddResourceAsync("Vokabelappen");
        var (resource, supplier, email) = (seeded.Name, seeded.Supplier.Name, seeded.Supplier.ContactEmail);
        var lisa = await NewVisitorAsync();
        var start = await (await LoginPage.OpenAsync(lisa)).SignInAsDemoAsync("Administratör", "Mittköpings kommun", "Lisa Ekström");
        await start.FollowMenuAsync("Avtal");
        var agreement = await (await AgreementsPage.ExpectAsync(lisa)).CreateAsync(resource);
        await Expect(agreement.Status).ToHaveTextAsync("Utkast");
        await Expect(lisa.Page.GetByText($"Ingen företräder {supplier} i Ensa än.", new() { Exact = false })).ToBeVisibleAsync();
        agreement = await agreement.PressAsync("Skicka till leverantören");
        var agreementUrl = lisa.Page.Url;

        // The platform admin is asked, checks who represents the supplier, and invites that person.
        var onboard = await WaitForMailAsync("nora.lindgren@ensa.example", supplier);
        Assert.Contains(supplier, onboard.Text, StringComparison.Ordinal);
        var nora = await NewVisitorAsync();
        var noras = await (await LoginPage.OpenAsync(nora)).SignInAsDemoAsync("Plattformsadministratör", "Ensa", "Nora Lindgren");
        await noras.FollowMenuAsync("Leverantörskonton");
        var suppliers = await PlatformSuppliersPage.ExpectAsync(nora);
        await Expect(suppliers.Row(supplier)).ToContainTextAsync("ingen företräder leverantören");
        await suppliers.InviteCatalogueContactAsync(supplier);

        var mail = await WaitForMailAsync(email);
        var link = InvitationLink().Match(mail.Text);
        Assert.True(link.Success, $"No invitation link in the e-mail:{Environment.NewLine}{mail.Text}");

        var jonas = await NewVisitorAsync();
        var accept = await AcceptInvitationPage.OpenAsync(jonas, link.Value);
        await Expect(accept.Intro(supplier, "Leverantörens administratör", email)).ToBeVisibleAsync();
        var portal = await accept.AcceptForSupplierAsync("en lång och hemlig fras");
        await Expect(portal.Waiting).ToContainTextAsync($"Mittköpings kommun – {resource}");
        var describe = await portal.DescribeAsync(resource);
        await describe.FillAsync("Föremål för behandlingen", "Tidig läsinlärning i appen.");
        await describe.FillAsync("Behandlingens art", "Lagring av elevens framsteg.");
        await describe.FillAsync("Ändamål", "Att eleven ska lära sig läsa.");
        await describe.CheckAsync("Elever");
        await describe.Row("Kategorier av personuppgifter", 1, "Kategori").FillAsync("Elevens förnamn");
        await describe.FillAsync("Behandlingsåtgärder", "Lagring\nSammanställning av framsteg");
        await describe.FillAsync("Lagringstid", "Så länge skolan använder appen.");
        await describe.FillAsync("Radering och återlämning", "Raderas inom 30 dagar efter avslut.");
        await describe.Row("Plats för behandling och lagring", 1, "Plats").FillAsync("Datacenter i Stockholm");
        await describe.Row("Plats för behandling och lagring", 1, "Land").FillAsync("SE");
        await describe.Row("Plats för behandling och lagring", 1, "Lagring").CheckAsync();
        await describe.FillAsync("Kontaktperson för avtalet", "Jonas Weber");
        await describe.FillAsync("Kontaktpersonens e-post (avtal)", email);
        await describe.FillAsync("Kontaktperson för dataskydd", "Dana Skydd");
        await describe.FillAsync("Kontaktpersonens e-post (dataskydd)", "dpo@sagovaven.example");
        await describe.Row("Underbiträden", 1, "Namn").FillAsync("Norrhallen AB");
        await describe.Row("Underbiträden", 1, "Adress").FillAsync("Serverv. 1, Luleå");
        await describe.Row("Underbiträden", 1, "Vad underbiträdet gör").FillAsync("Drift");
        await describe.Row("Underbiträden", 1, "Land").FillAsync("SE");
        await Screenshots.SaveAsync(jonas.Page, "supplier-describe");
        await describe.PublishAsync();

        // The organizer's side: the supplier has answered; the central department reviews.
        agreement = await AgreementPage.OpenAsync(lisa, agreementUrl, resource);
        await Expect(agreement.Status).ToHaveTextAsync("Leverantören har svarat");
        agreement = await agreement.PressAsync("Starta granskningen");

        var sara = await NewVisitorAsync();
        await (await LoginPage.OpenAsync(sara)).SignInAsDemoAsync("Central granskare", "Mittköpings kommun", "Sara Nilsson");
        var sarasView = await AgreementPage.OpenAsync(sara, agreementUrl, resource);
        sarasView = await sarasView.RecordReviewAsync("Granskarens bedömning", "Begränsade uppgifter, lagras i Sverige.", "Spara granskningen");
        var ahmed = await NewVisitorAsync();
        await (await LoginPage.OpenAsync(ahmed)).SignInAsDemoAsync("Informationssäkerhetssamordnare", "Mittköpings kommun", "Ahmed Karimi");
        await (await AgreementPage.OpenAsync(ahmed, agreementUrl, resource))
            .RecordReviewAsync("Informationssäkerhetssamordnarens bedömning", "Godtagbar säkerhet.", "Spara säkerhetsbedömningen");
        sarasView = await AgreementPage.OpenAsync(sara, agreementUrl, resource);
        sarasView = await sarasView.PressAsync("Godkänn för signering");
        await Expect(sarasView.Status).ToHaveTextAsync("Klart att signera");

        // The whole agreement, rendered, and signed.
        agreement = await AgreementPage.OpenAsync(lisa, agreementUrl, resource);
        var document = await agreement.ShowDocumentAsync(Title);
        await Expect(document.Parties).ToContainTextAsync("Mittköpings kommun");
        await Expect(document.SubProcessors).ToContainTextAsync("Norrhallen AB");
        await Screenshots.SaveAsync(lisa.Page, "agreement-document");
        agreement = await AgreementPage.OpenAsync(lisa, agreementUrl, resource);
        var pdf = await agreement.DownloadPdfAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        agreement = await agreement.RecordSigningAsync(("Gunilla Ståhl", "Ordförande, Grundskolenämnden"), ("Jonas Weber", "Geschäftsführer"),
            DateOnly.FromDateTime(DateTime.Now), "signerat.pdf", pdf);
        await Expect(agreement.Status).ToHaveTextAsync("Signerat");
        await Expect(agreement.Timeline).ToContainTextAsync("Signerat");
        await Screenshots.SaveAsync(lisa.Page, "agreement-signed");

        var today = DateOnly.FromDateTime(DateTime.Now);
        agreement = await agreement.PutInForceAsync(today, today.AddYears(1), today.AddYears(3));
        await Expect(agreement.Status).ToHaveTextAsync("Gäller");
    }

    [GeneratedRegex(@"https?://\S+/Account/AcceptInvitation\?token=[^\s""<>]+")]
    private static partial Regex InvitationLink();
}
