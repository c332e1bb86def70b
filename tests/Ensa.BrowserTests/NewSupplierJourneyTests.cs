using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

/// <summary>A resource from a supplier that was not in Ensa before the test: a teacher requests it by name, the principal
/// approves, the central reviewer adds it to the catalogue with its new supplier, reviews it (an agreement is needed) and
/// starts the agreement; the platform admin onboards the supplier, whose person describes the resource; the agreement is
/// reviewed, signed and put in force, and the request is then approved. The principal, the supplier's person and the
/// agreement's reviewers find their steps in their inbox. The same organisation number entered again finds that
/// supplier instead of making a second.</summary>
public sealed partial class NewSupplierJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Organizer = "Mittköpings kommun";

    [Fact]
    public async Task ResourceFromNewSupplier_RequestedReviewedAndAgreed_AgreementInForceAndRequestApproved()
    {
        var resource = TestData.Unique("Räknestigen");
        var supplier = TestData.Unique("Nystartade Lärverktyg AB");
        var orgNumber = TestData.OrganisationNumber();
        var email = $"kontakt.{supplier[^8..]}@nystartade.example";

        // The teacher does not find it in the catalogue and describes it as she knows it; her principal approves.
        var anna = await NewVisitorAsync();
        await (await LoginPage.OpenAsync(anna)).SignInAsDemoAsync("Beställare", Organizer, "Anna Lindberg");
        await anna.GotoAsync("/Requests/New");
        var form = await NewRequestPage.ExpectAsync(anna);
        await form.SearchCatalogueAsync(resource);
        await Expect(anna.Page.GetByRole(Microsoft.Playwright.AriaRole.Status)).ToContainTextAsync(resource);
        await form.DescribeNewResourceAsync(resource, supplier, "https://raknestigen.example");
        await form.FillNeedAsync("Färdighetsträning i matematik för årskurs 4–6.");
        await form.ChooseUsersAsync("Elever");
        await form.FillPersonalDataAsync("Namn och klass.");
        await form.AnswerProtectedIdentityAsync("Vet inte");
        await form.ChooseSignInAsync("Skolfederation / skolans inloggning");
        var annasRequest = await form.SubmitAsync(resource);
        await Expect(annasRequest.Status).ToHaveTextAsync("Status: Väntar på rektor");

        var karin = await NewVisitorAsync();
        await (await LoginPage.OpenAsync(karin)).SignInAsDemoAsync("Rektor", Organizer, "Karin Holm");
        await (await InboxPage.OpenFromMenuAsync(karin)).FollowAsync("Godkänn förfrågan som rektor", resource);
        var karinsRequest = await RequestPage.ExpectAsync(karin, resource);
        karinsRequest = await karinsRequest.ApproveAsPrincipalAsync(resource);
        await Expect(karinsRequest.Status).ToHaveTextAsync("Status: Granskas av förvaltningen");

        // The central reviewer adds the resource to the catalogue, and its supplier with it.
        var sara = await NewVisitorAsync();
        var sarasStart = await (await LoginPage.OpenAsync(sara)).SignInAsDemoAsync("Central granskare", Organizer, "Sara Nilsson");
        // Her start page draws the queue at a glance (under the CSP: the visitor fails on any blocked script), and keeps
        // each chart's numbers as a table for screen readers.
        await Expect(sarasStart.ChartCanvas("Ansökningar i granskningskön efter väntetid")).ToBeVisibleAsync();
        await Expect(sarasStart.ChartTable("Ansökningar i granskningskön efter väntetid")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("visually-hidden"));
        await sarasStart.FollowMenuAsync("Granskning");
        var review = await (await ReviewQueuePage.ExpectAsync(sara)).OpenAsync(resource);
        var reviewUrl = sara.Page.Url;
        var edit = await review.AddToCatalogueAsync();
        await Expect(edit.Name).ToHaveValueAsync(resource);
        await Expect(edit.ChosenSupplier).ToHaveTextAsync("Ingen eller okänd leverantör");
        await edit.Field("Beskrivning").FillAsync("Matematikövningar som anpassas efter elevens nivå.");
        await edit.DescribeNewSupplierAsync(supplier, orgNumber, "Nina Nystart", email);
        await edit.SaveAsync("Spara och koppla till beställningen");
        review = await ReviewPage.ExpectAsync(sara, resource);
        await Expect(review.Notice).ToHaveTextAsync($"Leverantören {supplier} är tillagd. {resource} har lagts till i katalogen och kopplats till beställningen.");

        // The same organisation number again, under another name: Ensa finds the supplier and says so.
        await review.FollowMenuAsync("Lärresurser");
        edit = await (await ResourcesPage.ExpectAsync(sara)).AddAsync();
        var second = TestData.Unique("Räknestigen Plus");
        await edit.Name.FillAsync(second);
        await edit.Field("Beskrivning").FillAsync("Fördjupningen till Räknestigen.");
        await edit.DescribeNewSupplierAsync("Nystartade i Sverige", orgNumber.Replace("-", "", StringComparison.Ordinal), "Nina Nystart", email);
        await edit.SaveAsync("Spara");
        await sara.ArriveAsync(second);
        var added = new ResourcePage(sara);
        await Expect(added.Notice).ToHaveTextAsync($"{supplier} fanns redan med samma registrering och används. {second} har lagts till i katalogen.");
        await Expect(added.Fact("Leverantör")).ToContainTextAsync(supplier);

        // The review says an agreement is needed: the approval waits for it, and the reviewer starts it.
        review = await ReviewPage.OpenAsync(sara, reviewUrl, resource);
        await review.SaveReviewAsync(new ReviewAnswers(
            Pedagogical: "Träning på rätt nivå, lärarvy för uppföljning.",
            Accessibility: "God",
            DataCategories: "Namn, klass, resultat.",
            SuitableForProtectedIdentity: "Nej",
            Agreement: "Behövs",
            Children: true), resource);
        await review.WaiveSecurityAsync("Samma tjänst och villkor som förra läsåret.", resource);
        await review.DecideAsync("Godkänd", resource);
        await Expect(review.Lead).ToContainTextAsync("Väntar på personuppgiftsbiträdesavtal");
        var agreement = await review.StartAgreementAsync(resource);
        await Expect(agreement.Status).ToHaveTextAsync("Utkast");
        await Expect(sara.Page.GetByText($"Ingen företräder {supplier} i Ensa än.", new() { Exact = false })).ToBeVisibleAsync();
        agreement = await agreement.PressAsync("Skicka till leverantören");
        await Expect(agreement.Status).ToHaveTextAsync("Skickat till leverantören");

        // The platform admin is asked to onboard the new supplier and invites its contact, who describes the resource.
        await WaitForMailAsync("nora.lindgren@ensa.example", supplier);
        var nora = await NewVisitorAsync();
        var noras = await (await LoginPage.OpenAsync(nora)).SignInAsDemoAsync("Plattformsadministratör", "Ensa", "Nora Lindgren");
        await noras.FollowMenuAsync("Leverantörskonton");
        var suppliers = await PlatformSuppliersPage.ExpectAsync(nora);
        await Expect(suppliers.Row(supplier)).ToContainTextAsync(orgNumber);
        await suppliers.InviteCatalogueContactAsync(supplier);
        var link = InvitationLink().Match((await WaitForMailAsync(email)).Text);
        Assert.True(link.Success, "No invitation link in the e-mail to the new supplier's contact.");

        var nina = await NewVisitorAsync();
        var portal = await (await AcceptInvitationPage.OpenAsync(nina, link.Value)).AcceptForSupplierAsync("en lång och hemlig fras");
        await Expect(portal.Waiting).ToContainTextAsync($"{Organizer} – {resource}");
        // She finds what the organizer asks of her in her inbox, and describes the resource from there.
        var ninasInbox = await InboxPage.OpenFromMenuAsync(nina);
        await Expect(ninasInbox.Row("Fyll i eller komplettera beskrivningen", resource)).ToContainTextAsync($"{resource} – {Organizer}");
        await ninasInbox.FollowAsync("Fyll i eller komplettera beskrivningen", resource);
        var describe = await DescribePage.ExpectAsync(nina, resource);
        await describe.FillAsync("Föremål för behandlingen", "Färdighetsträning i matematik.");
        await describe.FillAsync("Behandlingens art", "Lagring av elevens resultat.");
        await describe.FillAsync("Ändamål", "Att eleven ska öva på sin nivå.");
        await describe.CheckAsync("Elever");
        await describe.Row("Kategorier av personuppgifter", 1, "Kategori").FillAsync("Elevens namn");
        await describe.FillAsync("Behandlingsåtgärder", "Lagring");
        await describe.FillAsync("Lagringstid", "Så länge skolan använder tjänsten.");
        await describe.FillAsync("Radering och återlämning", "Raderas inom 30 dagar efter avslut.");
        await describe.Row("Plats för behandling och lagring", 1, "Plats").FillAsync("Datacenter i Sundsvall");
        await describe.Row("Plats för behandling och lagring", 1, "Land").SelectOptionAsync("SE");
        await describe.Row("Plats för behandling och lagring", 1, "Lagring").CheckAsync();
        await describe.FillAsync("Kontaktperson för avtalet", "Nina Nystart");
        await describe.FillAsync("Kontaktpersonens e-post (avtal)", email);
        await describe.FillAsync("Kontaktperson för dataskydd", "Dag Skydd");
        await describe.FillAsync("Kontaktpersonens e-post (dataskydd)", $"dpo.{supplier[^8..]}@nystartade.example");
        await describe.PublishAsync();
        await InboxPage.ExpectCountAsync(nina, 0);

        // The organizer reviews, signs and puts the agreement in force, each finding the next step in the inbox.
        await (await InboxPage.OpenFromMenuAsync(sara)).FollowAsync("Starta granskningen av avtalet", resource);
        agreement = await AgreementPage.ExpectAsync(sara, resource);
        await Expect(agreement.Status).ToHaveTextAsync("Leverantören har svarat");
        agreement = await agreement.PressAsync("Starta granskningen");
        agreement = await agreement.RecordReviewAsync("Granskarens bedömning", "Få uppgifter, lagras i Sverige.", "Spara granskningen");
        var ahmed = await NewVisitorAsync();
        await (await LoginPage.OpenAsync(ahmed)).SignInAsDemoAsync("Informationssäkerhetssamordnare", Organizer, "Ahmed Karimi");
        await (await InboxPage.OpenFromMenuAsync(ahmed)).FollowAsync("Granska avtalet (informationssäkerhet)", resource);
        await (await AgreementPage.ExpectAsync(ahmed, resource))
            .RecordReviewAsync("Informationssäkerhetssamordnarens bedömning", "Godtagbar säkerhet.", "Spara säkerhetsbedömningen");
        await (await InboxPage.OpenFromMenuAsync(sara)).FollowAsync("Godkänn avtalet för undertecknande", resource);
        agreement = await AgreementPage.ExpectAsync(sara, resource);
        agreement = await agreement.PressAsync("Godkänn för signering");
        var pdf = await agreement.DownloadPdfAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        agreement = await agreement.RecordSigningAsync(("Gunilla Ståhl", "Ordförande, Grundskolenämnden"), ("Nina Nystart", "VD"), today, "signerat.pdf", pdf);
        await Expect(agreement.Status).ToHaveTextAsync("Signerat");
        agreement = await agreement.PutInForceAsync(today, today.AddYears(1), today.AddYears(3));
        await Expect(agreement.Status).ToHaveTextAsync("Gäller");

        // With the agreement in force the decision held while waiting takes effect: nobody decides twice.
        review = await ReviewPage.OpenAsync(sara, reviewUrl, resource);
        await Expect(review.Lead).ToContainTextAsync("Godkänd");
        await Expect(review.DecisionSection).ToContainTextAsync("Godkänd – Registrerad av Sara Nilsson");
    }

    [GeneratedRegex(@"https?://\S+/Account/AcceptInvitation\?token=[^\s""<>]+")]
    private static partial Regex InvitationLink();
}
