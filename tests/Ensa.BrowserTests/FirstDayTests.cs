using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using Ensa.Common;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

/// <summary>An organizer's first day (issue 10), each person in their own browser: the platform admin creates the
/// organizer, its first admin accepts the invitation and imports units and principals from SS 12000 files after a preview,
/// invites a requester to the imported school unit, the requester asks for a resource, and the imported principal (an
/// account without a password) chooses one through "Glömt lösenordet?" and approves the request.</summary>
public sealed partial class FirstDayTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "en lång och hemlig fras";

    [Fact]
    public async Task NewOrganizer_AdminImportsSs12000Files_ImportedPrincipalSignsInAndApprovesRequest()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var organizer = new NewOrganizer($"Förstadagens kommun {suffix}", OrganisationNumber(), $"forsta-dagen-{suffix}", "Barn- och utbildningsnämnden",
            $"Alva Admin {suffix}", $"alva.{suffix}@forstadagen.example");
        var unitName = $"Nyängsskolan {suffix}";
        var unitCode = Random.Shared.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
        var principalName = $"Rut Rektor{suffix}";
        var principalEmail = $"rut.{suffix}@forstadagen.example";
        var resource = (await Data.AddResourceAsync("Räknestigen")).Name;

        // The platform admin creates the organizer; Ensa mails its first admin an invitation.
        var nora = await NewVisitorAsync();
        var norasStart = await (await LoginPage.OpenAsync(nora)).SignInAsDemoAsync("Plattformsadministratör", "Ensa", "Nora Lindgren");
        await norasStart.FollowMenuAsync("Huvudmän");
        var organizers = await PlatformOrganizersPage.ExpectAsync(nora);
        await Screenshots.SaveAsync(nora.Page, "platform-organizers");
        organizers = await organizers.CreateAsync(organizer);
        await Expect(organizers.Notice).ToHaveTextAsync($"{organizer.Name} är skapad. Inbjudan till {organizer.AdminEmail} skickas av Ensa.");
        await Expect(organizers.Row(organizer.Name)).ToContainTextAsync(organizer.OrganisationNumber);

        // The admin accepts with a password of her own and lands at the new organizer.
        var alva = await NewVisitorAsync();
        var invitation = await WaitForMailAsync(organizer.AdminEmail);
        var accept = await AcceptInvitationPage.OpenAsync(alva, Link(InvitationLink(), invitation));
        await Expect(accept.Intro(organizer.Name, "Administratör", organizer.AdminEmail)).ToBeVisibleAsync();
        var alvasStart = await accept.AcceptWithPasswordAsync(Password, organizer.AdminName);
        await Expect(alvasStart.ActingFor(organizer.Name)).ToBeVisibleAsync();

        // She uploads the school system's three SS 12000 answers, checks the preview and applies it.
        await alvasStart.FollowMenuAsync("Skoldata (SS 12000)");
        var masterData = await MasterDataPage.ExpectAsync(alva);
        var (organisations, persons, duties) = Ss12000Files(organizer, unitName, unitCode, principalName, principalEmail);
        masterData = await masterData.PreviewFilesAsync(organisations, persons, duties);
        await Expect(masterData.Changes).ToContainTextAsync([$"Ny enhet: {unitName}", $"Ny person: {principalName}", $"Blir rektor: {principalName} för {unitName}"]);
        await Screenshots.SaveAsync(alva.Page, "masterdata-preview");
        masterData = await masterData.ApplyAsync();

        // She invites a teacher at the imported school unit as requester.
        var teacherName = $"Tove Lärare {suffix}";
        var teacherEmail = $"tove.{suffix}@forstadagen.example";
        await masterData.FollowMenuAsync("Användare");
        var users = await UsersPage.ExpectAsync(alva);
        var invite = await users.StartInvitationAsync();
        users = await invite.InviteAsync(teacherEmail, teacherName, role: "Beställare", unit: unitName);
        await Expect(users.Notice).ToHaveTextAsync($"Inbjudan till {teacherEmail} är skickad.");

        // The teacher accepts and asks for a resource for her unit; it waits for its principal.
        var tove = await NewVisitorAsync();
        var tovesInvitation = await WaitForMailAsync(teacherEmail);
        var tovesStart = await (await AcceptInvitationPage.OpenAsync(tove, Link(InvitationLink(), tovesInvitation))).AcceptWithPasswordAsync(Password, teacherName);
        await tovesStart.FollowMenuAsync("Förfrågningar");
        var form = await (await RequestsPage.ExpectAsync(tove)).StartNewRequestAsync();
        await form.SearchCatalogueAsync(resource[^8..]);
        await form.ChooseAsync(resource);
        await Expect(form.Unit).ToContainTextAsync(unitName);
        await form.FillNeedAsync("Taluppfattning i årskurs 4–6 med övningar på elevens nivå.");
        await form.ChooseUsersAsync("Personal", "Elever");
        await form.FillGradesAsync("4–6");
        await form.FillApproxUsersAsync(50);
        await form.FillPersonalDataAsync("Namn och klass.");
        await form.AnswerProtectedIdentityAsync("Vet inte");
        await form.ChooseSignInAsync("Skolfederation / skolans inloggning");
        await form.FillCostAsync("8 000", "ett läsår");
        var tovesRequest = await form.SubmitAsync(resource);
        await Expect(tovesRequest.Status).ToHaveTextAsync("Status: Väntar på rektor");

        // The imported principal has no password: "Glömt lösenordet?" mails her a link to choose one.
        var rut = await NewVisitorAsync();
        var forgot = await (await LoginPage.OpenAsync(rut)).ForgotPasswordAsync();
        await forgot.SendLinkAsync(principalEmail);
        var reset = await WaitForMailAsync(principalEmail, "Nytt lösenord till Ensa");
        var login = await ForgotPasswordPage.ResetAsync(rut, Link(ResetLink(), reset), Password);
        await Expect(login.Notice).ToHaveTextAsync("Lösenordet är bytt. Logga in med det nya.");
        var rutsStart = await login.SignInWithPasswordAsync(principalEmail, Password, principalName);
        await Expect(rutsStart.ActingFor(organizer.Name)).ToBeVisibleAsync();

        // She finds the request waiting for her and approves it.
        await rutsStart.FollowMenuAsync("Förfrågningar");
        var rutsRequests = await RequestsPage.ExpectAsync(rut);
        await Expect(rutsRequests.WaitingRow(resource)).ToContainTextAsync(teacherName);
        var rutsRequest = await (await rutsRequests.OpenWaitingAsync(resource)).ApproveAsPrincipalAsync(resource);
        await Expect(rutsRequest.Notice).ToHaveTextAsync("Du har godkänt förfrågan. Den går nu till granskning hos förvaltningen.");
        await Expect(rutsRequest.Status).ToHaveTextAsync("Status: Granskas av förvaltningen");
        await Screenshots.SaveAsync(rut.Page, "first-day-approved");
    }

    /// <summary>"55NNNN-NNNC": a made-up organisation number with a valid check digit, different in every run.</summary>
    private static string OrganisationNumber()
    {
        var body = "55" + Random.Shared.Next(1_000_000, 10_000_000).ToString(CultureInfo.InvariantCulture);
        return $"{body[..6]}-{body[6..]}{Luhn.CheckDigit(body).ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The answers of /organisations, /persons and /duties: the organizer as Huvudman, one school unit under it and
    /// its Rektor with a work address.</summary>
    private static (byte[] Organisations, byte[] Persons, byte[] Duties) Ss12000Files(NewOrganizer organizer, string unitName, string unitCode,
        string principalName, string principalEmail)
    {
        var (huvudman, unit, person) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        static byte[] Answer(params object[] data) => JsonSerializer.SerializeToUtf8Bytes(new { data });
        return (
            Answer(
                new { id = huvudman, displayName = organizer.Name, organisationType = "Huvudman", organisationNumber = organizer.OrganisationNumber.Replace("-", "", StringComparison.Ordinal) },
                new { id = unit, displayName = unitName, organisationType = "Skolenhet", schoolUnitCode = unitCode, parentOrganisation = new { id = huvudman } }),
            Answer(new
            {
                id = person, givenName = principalName.Split(' ')[0], familyName = principalName.Split(' ')[1],
                emails = new[] { new { value = principalEmail, type = "Skola personal" } },
            }),
            Answer(new { id = Guid.NewGuid().ToString(), person = new { id = person }, dutyAt = new { id = unit }, dutyRole = "Rektor", startDate = "2020-08-01" }));
    }

    private static string Link(Regex pattern, ReceivedMail mail)
    {
        var link = pattern.Match(mail.Text);
        Assert.True(link.Success, $"No link in the e-mail \"{mail.Subject}\":{Environment.NewLine}{mail.Text}");
        return link.Value;
    }

    [GeneratedRegex(@"https?://\S+/Account/AcceptInvitation\?token=[^\s""<>]+")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?[^\s""<>]+")]
    private static partial Regex ResetLink();
}
