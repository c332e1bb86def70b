using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

/// <summary>The request process from end to end, each person in their own browser: a teacher requests a resource from
/// the catalogue, the unit's principal approves, the central reviewer reviews and approves with conditions, the teacher
/// sees the decision, and the unit names its system administrator and confirms training, so the resource is in use.</summary>
public sealed class RequestJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Organizer = "Mittköpings kommun";
    private const string Unit = "Ekbackeskolan F–3";
    private const string Conditions = "Inte för elever med skyddad identitet. Eleverna loggar in med skolans inloggning, inte med Google.";

    [Fact]
    public async Task Request_PrincipalApprovesAndReviewerApprovesWithConditions_TeacherSeesDecisionAndUnitPutsItInUse()
    {
        var seeded = await Data.AddResourceAsync("Läsresan");
        var resource = seeded.Name;

        // The teacher checks the catalogue first, chooses the resource and submits the request to her principal.
        var anna = await NewVisitorAsync();
        var annasStart = await (await LoginPage.OpenAsync(anna)).SignInAsDemoAsync("Beställare", Organizer, "Anna Lindberg");
        await annasStart.FollowMenuAsync("Förfrågningar");
        var annasRequests = await RequestsPage.ExpectAsync(anna);
        var form = await annasRequests.StartNewRequestAsync();
        await form.SearchCatalogueAsync(resource[^8..]);
        await Expect(form.Match(resource)).ToContainTextAsync("Inte granskad hos oss");
        await Screenshots.SaveAsync(anna.Page, "request-new");
        await form.ChooseAsync(resource);
        await Expect(form.ChosenResource).ToContainTextAsync($"{resource} ({seeded.Supplier.Name})");
        await Expect(form.Unit).ToContainTextAsync(Unit);
        await form.FillNeedAsync("Lästräning i årskurs 1–3: varje elev läser e-böcker på sin nivå, och jag följer deras läsning.");
        await form.ChooseUsersAsync("Personal", "Elever");
        await form.FillGradesAsync("1–3");
        await form.FillApproxUsersAsync(70);
        await form.FillPersonalDataAsync("Namn, klass och vad eleverna läser.");
        await form.AnswerProtectedIdentityAsync("Vet inte");
        await form.ChooseSignInAsync("Skolfederation / skolans inloggning");
        await form.FillCostAsync("12 000", "ett läsår");
        var annasRequest = await form.SubmitAsync(resource);
        await Expect(annasRequest.Notice).ToHaveTextAsync("Förfrågan är inskickad och väntar nu på rektors godkännande. Du får ett meddelande när något händer.");
        await Expect(annasRequest.Status).ToHaveTextAsync("Status: Väntar på rektor");
        // Nothing for the teacher to do now but to take it back.
        await Expect(annasRequest.Actions.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Dra tillbaka förfrågan"]);

        // The unit's principal finds it waiting for her in her inbox and approves it.
        var karin = await NewVisitorAsync();
        await (await LoginPage.OpenAsync(karin)).SignInAsDemoAsync("Rektor", Organizer, "Karin Holm");
        var karinsInbox = await InboxPage.OpenFromMenuAsync(karin);
        await karinsInbox.FollowAsync("Godkänn förfrågan som rektor", resource);
        var karinsRequest = await RequestPage.ExpectAsync(karin, resource);
        await Screenshots.SaveAsync(karin.Page, "request-principal");
        karinsRequest = await karinsRequest.ApproveAsPrincipalAsync(resource);
        await Expect(karinsRequest.Notice).ToHaveTextAsync("Du har godkänt förfrågan. Den går nu till granskning hos förvaltningen.");
        await Expect(karinsRequest.Status).ToHaveTextAsync("Status: Granskas av förvaltningen");

        // The central reviewer finds it in her inbox (and in the queue), records the review and approves it with conditions.
        var sara = await NewVisitorAsync();
        var sarasStart = await (await LoginPage.OpenAsync(sara)).SignInAsDemoAsync("Central granskare", Organizer, "Sara Nilsson");
        await sarasStart.FollowMenuAsync("Granskning");
        var queue = await ReviewQueuePage.ExpectAsync(sara);
        await Expect(queue.Row(resource)).ToContainTextAsync(Unit);
        await Expect(queue.Row(resource)).ToContainTextAsync("Granskas av förvaltningen");
        var sarasInbox = await InboxPage.OpenFromMenuAsync(sara);
        await sarasInbox.FollowAsync("Granska förfrågan", resource);
        var review = await ReviewPage.ExpectAsync(sara, resource);
        await Expect(review.Asked("Användare")).ToHaveTextAsync("Personal, Elever · 1–3 (cirka 70)");
        await Expect(review.Asked("Personuppgifter enligt beställaren")).ToHaveTextAsync("Namn, klass och vad eleverna läser.");
        await review.SaveReviewAsync(new ReviewAnswers(
            Pedagogical: "Böcker på elevens nivå och lärarvy för uppföljning; stöder kursplanen i svenska.",
            Accessibility: "God",
            DataCategories: "Namn, klass, användaridentitet, läshistorik; lärares e-postadress.",
            SuitableForProtectedIdentity: "Nej",
            Agreement: "Finns redan tecknat",
            Children: true), resource);
        await Expect(review.Notice).ToHaveTextAsync("Granskningen är sparad.");
        await Screenshots.SaveAsync(sara.Page, "review");
        await review.WaiveSecurityAsync("Samma tjänst och villkor som förra läsåret.", resource);
        await review.DecideAsync("Godkänd med villkor", resource, conditions: Conditions);
        await Expect(review.Notice).ToHaveTextAsync("Beslutet är registrerat.");
        await Expect(review.DecisionSection).ToContainTextAsync("Godkänd med villkor – Registrerad av Sara Nilsson");
        await Expect(review.DecisionSection).ToContainTextAsync($"Villkor: {Conditions}");

        // The teacher is told, and sees the decision with its conditions on her request.
        await annasRequest.FollowMenuAsync("Aviseringar");
        var notifications = await NotificationsPage.ExpectAsync(anna);
        await Expect(notifications.Notification($"Rektor har godkänt förfrågan om {resource}; den går nu till central granskning.")).ToBeVisibleAsync();
        annasRequest = await notifications.OpenAsync($"Beslut har fattats om {resource}.", resource);
        await Expect(annasRequest.Status).ToHaveTextAsync("Status: Godkänd med villkor");
        await Expect(annasRequest.Decision("Beslut")).ToHaveTextAsync("Godkänd med villkor");
        await Expect(annasRequest.Decision("Villkor")).ToHaveTextAsync(Conditions);
        await Expect(annasRequest.Decision("Beslutat av")).ToContainTextAsync("Sara Nilsson");
        await Screenshots.SaveAsync(anna.Page, "request-decided");

        // The unit's principal finds the next step in her inbox: she names its local system administrator (she is
        // registeransvarig) and confirms training.
        karinsInbox = await InboxPage.OpenFromMenuAsync(karin);
        await karinsInbox.FollowAsync("Utse registeransvarig och lokal systemadministratör", resource);
        var use = await UsePage.ExpectAsync(karin);
        await Expect(use.ChosenRegisteransvarig).ToHaveTextAsync("Karin Holm");
        await use.FillAdministratorAsync("Mira Holmgren", "mira.holmgren@mittkoping.example");
        await Screenshots.SaveAsync(karin.Page, "request-use");
        karinsRequest = await use.SaveNamesAsync(resource);
        await Expect(karinsRequest.Notice).ToHaveTextAsync("Uppgifterna är sparade.");
        await Expect(karinsRequest.Status).ToHaveTextAsync("Status: Godkänd med villkor"); // not in use before training
        use = await karinsRequest.OpenUseAsync();
        karinsRequest = await use.ConfirmTrainingAsync(resource);
        await Expect(karinsRequest.Notice).ToHaveTextAsync("Lärresursen är nu i bruk på skolenheten.");
        await Expect(karinsRequest.Status).ToHaveTextAsync("Status: I bruk");

        // The teacher finds her request in use, with the unit's system administrator named, and every step on record.
        await annasRequest.FollowMenuAsync("Förfrågningar");
        annasRequests = await RequestsPage.ExpectAsync(anna);
        await Expect(annasRequests.MineRow(resource)).ToContainTextAsync("I bruk");
        annasRequest = await annasRequests.OpenMineAsync(resource);
        await Expect(annasRequest.Status).ToHaveTextAsync("Status: I bruk");
        await Expect(annasRequest.Use("Registeransvarig")).ToHaveTextAsync("Karin Holm");
        await Expect(annasRequest.Use("Lokal systemadministratör")).ToHaveTextAsync("Mira Holmgren (mira.holmgren@mittkoping.example)");
        await Expect(annasRequest.Decision("Villkor")).ToHaveTextAsync(Conditions);
        await Expect(annasRequest.Timeline).ToHaveCountAsync(9);
        await Expect(annasRequest.Timeline).ToContainTextAsync([
            "Utkast skapat (Anna Lindberg)",
            "Inskickad (Anna Lindberg)",
            "Godkänd av rektor (Karin Holm)",
            "Granskning registrerad (Sara Nilsson)",
            "Säkerhetsbedömning inte nödvändig (Sara Nilsson)",
            $"Beslut fattat (Sara Nilsson) {Conditions}",
            "Ansvariga utsedda (Karin Holm)",
            "Utbildning bekräftad (Karin Holm)",
            "I bruk (Karin Holm)",
        ]);
        await annasRequest.ScrollToUseAsync();
        await Screenshots.SaveAsync(anna.Page, "request-in-use");
    }
}
