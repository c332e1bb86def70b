using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

/// <summary>The request process uses the agreements: a request waiting for an agreement shows the organizer's agreement
/// for the resource and its state, and approval goes through once that agreement is in force.</summary>
public sealed class AgreementRequestTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private static string Review(Guid id) => $"/Review/Request/{id}";

    private static Task<HttpResponseMessage> DecideAsync(EnsaClient client, Guid id) =>
        client.SubmitAsync(Review(id), "form[action*='handler=Decide']", new Dictionary<string, string> { ["DecisionChoice"] = nameof(Decision.Approved) });

    [Fact]
    public async Task AwaitingAgreement_ShowsAgreementState_ApprovedOnceInForce()
    {
        var id = await app.InReviewAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.FollowAsync(await sara.SubmitAsync(Review(id), "form[action*='handler=Save']", new Dictionary<string, string>
        {
            ["Input.PedagogicalAssessment"] = "Bra.", ["Input.Accessibility"] = "Good", ["Input.SuitableForProtectedIdentity"] = "No",
            ["Input.AgreementNeed"] = nameof(AgreementNeed.Needed),
        }));
        // The review starts from Numerix's description, which names personal data: the security part comes first.
        await app.RecordSecurityPartAsync(id);
        var page = await sara.FollowAsync(await DecideAsync(sara, id));
        Assert.Equal(RequestStatus.AwaitingAgreement, await app.StatusAsync(id));
        Assert.Contains("inget avtal", EnsaClient.Text(page, "section.request-agreement"), StringComparison.Ordinal);
        var start = page.QuerySelector("section.request-agreement a")!.GetAttribute("href")!;
        Assert.StartsWith("/Agreements/New?resource=", start, StringComparison.Ordinal);
        // The security coordinator reviews requests too, but does not start agreements: no link to a page that refuses it.
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        var ahmedsView = await ahmed.GetPageAsync(Review(id));
        Assert.Contains("inget avtal", EnsaClient.Text(ahmedsView, "section.request-agreement"), StringComparison.Ordinal);
        Assert.Null(ahmedsView.QuerySelector("section.request-agreement a[href^='/Agreements/New']"));

        // An agreement started from the request's link: under review, the request still waits.
        var created = await sara.SubmitAsync(start, "main form");
        var agreementUrl = created.Headers.Location!.OriginalString;
        await sara.FollowAsync(await sara.SubmitAsync(agreementUrl, "form[action$='handler=StartReview']"));
        page = await sara.GetPageAsync(Review(id));
        Assert.Contains("Granskas", EnsaClient.Text(page, "section.request-agreement"), StringComparison.Ordinal);
        await sara.FollowAsync(await DecideAsync(sara, id));
        Assert.Equal(RequestStatus.AwaitingAgreement, await app.StatusAsync(id));

        // The requester sees the state, without a link to the organizer's agreement pages.
        using var anna = await app.SignInAs(Roles.Requester);
        var mine = await anna.GetPageAsync($"/Requests/{id}");
        Assert.Contains("Granskas", EnsaClient.Text(mine, ".agreement-state"), StringComparison.Ordinal);
        Assert.Null(mine.QuerySelector(".agreement-state a"));

        // The agreement is put in force (its steps are tested on the agreement pages); now the approval goes through.
        var agreementId = Guid.Parse(agreementUrl.Split('/').Last());
        var staff = Actor.OrganizerStaff(Guid.NewGuid(), "Test", new HashSet<Role> { Role.CentralReviewer, Role.SecurityCoordinator });
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await app.ChangeAgreementAsync(agreementId,
            a => a.RecordReview(staff, "ok", now),
            a => a.RecordSecurityReview(staff, "ok", now),
            a => a.ApproveForSigning(staff, now),
            a => a.RecordSigning(staff, [new(AgreementParty.Organizer, "A", "B", today), new(AgreementParty.Supplier, "C", "D", today)],
                "a.pdf", Ensa.Demo.DemoData.DemoPdf("Signerat"), now),
            a => a.PutInForce(staff, today, null, today.AddYears(1), now));
        page = await sara.GetPageAsync(Review(id));
        Assert.Contains("Avtalet gäller", EnsaClient.Text(page, "section.request-agreement"), StringComparison.Ordinal);
        await sara.FollowAsync(await DecideAsync(sara, id));
        Assert.Equal(RequestStatus.Approved, await app.StatusAsync(id));
    }
}
