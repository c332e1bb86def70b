using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

/// <summary>The agreement journey with a supplier nobody acts for in Ensa yet: the organizer sends the agreement, the
/// platform admin is asked to onboard the supplier and invites the person it has checked, who describes the resource
/// in the supplier portal and publishes; the reviewer and the security coordinator review, the agreement is rendered
/// (HTML and PDF), recorded as signed and put in force. Nobody is told outside Ensa what to do next: each person finds
/// each of their steps in their inbox ("Att göra"), follows its link, and sees the menu's count go down once it is
/// done; the notices in the app say what happened.</summary>
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
        await Expect(agreement.Status).ToHaveTextAsync("Skickat till leverantören");

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
        // The supplier's person finds the organizer's question in the inbox too, and answers it from there.
        var jonasInbox = await InboxPage.OpenFromMenuAsync(jonas);
        Assert.Equal(1, await jonasInbox.CountAsync());
        await Expect(jonasInbox.Row("Fyll i eller komplettera beskrivningen", resource)).ToContainTextAsync($"{resource} – Mittköpings kommun");
        await jonasInbox.FollowAsync("Fyll i eller komplettera beskrivningen", resource);
        var describe = await DescribePage.ExpectAsync(jonas, resource);
        await describe.FillAsync("Föremål för behandlingen", "Tidig läsinlärning i appen.");
        await describe.FillAsync("Behandlingens art", "Lagring av elevens framsteg.");
        await describe.FillAsync("Ändamål", "Att eleven ska lära sig läsa.");
        await describe.CheckAsync("Elever");
        await describe.Row("Kategorier av personuppgifter", 1, "Kategori").FillAsync("Elevens förnamn");
        await describe.FillAsync("Behandlingsåtgärder", "Lagring\nSammanställning av framsteg");
        await describe.FillAsync("Lagringstid", "Så länge skolan använder appen.");
        await describe.FillAsync("Radering och återlämning", "Raderas inom 30 dagar efter avslut.");
        await describe.Row("Plats för behandling och lagring", 1, "Plats").FillAsync("Datacenter i Stockholm");
        await describe.Row("Plats för behandling och lagring", 1, "Land").SelectOptionAsync("SE");
        await describe.Row("Plats för behandling och lagring", 1, "Lagring").CheckAsync();
        await describe.FillAsync("Kontaktperson för avtalet", "Jonas Weber");
        await describe.FillAsync("Kontaktpersonens e-post (avtal)", email);
        await describe.FillAsync("Kontaktperson för dataskydd", "Dana Skydd");
        await describe.FillAsync("Kontaktpersonens e-post (dataskydd)", "dpo@sagovaven.example");
        await describe.Row("Underbiträden", 1, "Namn").FillAsync("Norrhallen AB");
        await describe.Row("Underbiträden", 1, "Adress").FillAsync("Serverv. 1, Luleå");
        await describe.Row("Underbiträden", 1, "Vad underbiträdet gör").FillAsync("Drift");
        await describe.Row("Underbiträden", 1, "Land").SelectOptionAsync("SE");
        await Screenshots.SaveAsync(jonas.Page, "supplier-describe");
        await describe.PublishAsync();
        await InboxPage.ExpectCountAsync(jonas, 0);

        // The organizer's side: the agreement manager is told the supplier has answered and finds the next step waiting.
        await agreement.FollowMenuAsync("Aviseringar");
        await Expect((await NotificationsPage.ExpectAsync(lisa)).Notification($"Leverantören har beskrivit {resource}; avtalet kan granskas.")).ToBeVisibleAsync();
        var lisasInbox = await InboxPage.OpenFromMenuAsync(lisa);
        var lisasTasks = await lisasInbox.CountAsync();
        await lisasInbox.FollowAsync("Starta granskningen av avtalet", resource);
        agreement = await AgreementPage.ExpectAsync(lisa, resource);
        await Expect(agreement.Status).ToHaveTextAsync("Leverantören har svarat");
        agreement = await agreement.PressAsync("Starta granskningen");
        await Expect(agreement.Status).ToHaveTextAsync("Granskas");
        await InboxPage.ExpectCountAsync(lisa, lisasTasks - 1);

        // The reviewer and the security coordinator are told the review has begun, and each finds their part waiting.
        var sara = await NewVisitorAsync();
        var sarasStart = await (await LoginPage.OpenAsync(sara)).SignInAsDemoAsync("Central granskare", "Mittköpings kommun", "Sara Nilsson");
        await sarasStart.FollowMenuAsync("Aviseringar");
        await Expect((await NotificationsPage.ExpectAsync(sara)).Notification($"Granskningen av avtalet för {resource} har börjat.")).ToBeVisibleAsync();
        var sarasInbox = await InboxPage.OpenFromMenuAsync(sara);
        var sarasTasks = await sarasInbox.CountAsync();
        await sarasInbox.FollowAsync("Granska avtalet", resource);
        var sarasView = await AgreementPage.ExpectAsync(sara, resource);
        sarasView = await sarasView.RecordReviewAsync("Granskarens bedömning", "Begränsade uppgifter, lagras i Sverige.", "Spara granskningen");
        await InboxPage.ExpectCountAsync(sara, sarasTasks - 1);

        var ahmed = await NewVisitorAsync();
        var ahmedsStart = await (await LoginPage.OpenAsync(ahmed)).SignInAsDemoAsync("Informationssäkerhetssamordnare", "Mittköpings kommun", "Ahmed Karimi");
        await ahmedsStart.FollowMenuAsync("Aviseringar");
        await Expect((await NotificationsPage.ExpectAsync(ahmed)).Notification($"Granskningen av avtalet för {resource} har börjat.")).ToBeVisibleAsync();
        var ahmedsInbox = await InboxPage.OpenFromMenuAsync(ahmed);
        var ahmedsTasks = await ahmedsInbox.CountAsync();
        await ahmedsInbox.FollowAsync("Granska avtalet (informationssäkerhet)", resource);
        await (await AgreementPage.ExpectAsync(ahmed, resource))
            .RecordReviewAsync("Informationssäkerhetssamordnarens bedömning", "Godtagbar säkerhet.", "Spara säkerhetsbedömningen");
        await InboxPage.ExpectCountAsync(ahmed, ahmedsTasks - 1);

        // With both parts recorded, the reviewer's next step is to approve the agreement for signing. As an agreement
        // manager she then has the signing to record too, so her count stays: one task done, the next one come.
        sarasInbox = await InboxPage.OpenFromMenuAsync(sara);
        Assert.Equal(sarasTasks, await sarasInbox.CountAsync()); // the review done, the approval come
        await sarasInbox.FollowAsync("Godkänn avtalet för undertecknande", resource);
        sarasView = await AgreementPage.ExpectAsync(sara, resource);
        sarasView = await sarasView.PressAsync("Godkänn för signering");
        await Expect(sarasView.Status).ToHaveTextAsync("Klart att signera");
        await InboxPage.ExpectCountAsync(sara, sarasTasks);

        // The agreement manager is told it is ready to sign, and finds the signing waiting: the whole agreement, rendered,
        // and signed.
        await agreement.FollowMenuAsync("Aviseringar");
        await Expect((await NotificationsPage.ExpectAsync(lisa)).Notification($"Avtalet för {resource} är klart att skriva under.")).ToBeVisibleAsync();
        lisasInbox = await InboxPage.OpenFromMenuAsync(lisa);
        lisasTasks = await lisasInbox.CountAsync();
        await lisasInbox.FollowAsync("Registrera undertecknat avtal", resource);
        agreement = await AgreementPage.ExpectAsync(lisa, resource);
        var pdf = await agreement.DownloadPdfAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var document = await agreement.ShowDocumentAsync(Title);
        await Expect(document.Parties).ToContainTextAsync("Mittköpings kommun");
        await Expect(document.SubProcessors).ToContainTextAsync("Norrhallen AB");
        await Screenshots.SaveAsync(lisa.Page, "agreement-document");
        agreement = await document.BackAsync(resource);
        agreement = await agreement.RecordSigningAsync(("Gunilla Ståhl", "Ordförande, Grundskolenämnden"), ("Jonas Weber", "Geschäftsführer"),
            DateOnly.FromDateTime(DateTime.Now), "signerat.pdf", pdf);
        await Expect(agreement.Status).ToHaveTextAsync("Signerat");
        await Expect(agreement.Timeline).ToContainTextAsync("Signerat");
        await Screenshots.SaveAsync(lisa.Page, "agreement-signed");
        await InboxPage.ExpectCountAsync(lisa, lisasTasks); // the signing done, putting it in force come

        lisasInbox = await InboxPage.OpenFromMenuAsync(lisa);
        await lisasInbox.FollowAsync("Sätt avtalet i kraft", resource);
        agreement = await AgreementPage.ExpectAsync(lisa, resource);
        var today = DateOnly.FromDateTime(DateTime.Now);
        agreement = await agreement.PutInForceAsync(today, today.AddYears(1), today.AddYears(3));
        await Expect(agreement.Status).ToHaveTextAsync("Gäller");
        await InboxPage.ExpectCountAsync(lisa, lisasTasks - 1);
    }

    [GeneratedRegex(@"https?://\S+/Account/AcceptInvitation\?token=[^\s""<>]+")]
    private static partial Regex InvitationLink();
}
