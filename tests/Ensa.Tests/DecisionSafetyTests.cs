using AngleSharp.Dom;
using Ensa.Agreements;
using Ensa.Audit;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Notifications;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Decisions that are neither lost nor unsafe: an approval held while the agreement is missing and applied when
/// it comes into force; the security coordinator's part before a decision on personal data, or a reviewer's waiver; the
/// review prefilled from the supplier's description; the security coordinator answering a version change.</summary>
public abstract class DecisionSafetyTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Conditions = "Endast lärarkonton, inga elevnamn i fritext.";
    private static string Page(Guid id) => $"/Review/Request/{id}";
    private static string Form(string handler) => $"form[action*='handler={handler}']";

    private static Dictionary<string, string> Review(AgreementNeed need, string categories) => new()
    {
        ["Input.PedagogicalAssessment"] = "Bra progression.",
        ["Input.Accessibility"] = "Good",
        ["Input.PersonalDataCategories"] = categories,
        ["Input.SensitiveData"] = "false",
        ["Input.SuitableForProtectedIdentity"] = "No",
        ["Input.AgreementNeed"] = need.ToString(),
    };

    private static Task<HttpResponseMessage> DecideAsync(EnsaClient client, Guid id, Decision decision, string? conditions = null) =>
        client.SubmitAsync(Page(id), Form("Decide"), new Dictionary<string, string> { ["DecisionChoice"] = decision.ToString(), ["Conditions"] = conditions ?? "" });

    [Fact]
    public async Task ApprovedWithConditions_AwaitingAgreement_KeptShownAndAppliedWhenTheAgreementIsPutInForce()
    {
        app.RequireDatabase();
        var id = await app.InReviewAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), Form("Save"), Review(AgreementNeed.Needed, "Namn, klass")));
        using (var ahmed = await app.SignInAs(Roles.SecurityCoordinator))
            await ahmed.FollowAsync(await ahmed.SubmitAsync(Page(id), Form("Security"), new Dictionary<string, string> { ["SecurityAssessment"] = "Godtagbart." }));
        await sara.FollowAsync(await DecideAsync(sara, id, Decision.ApprovedWithConditions, Conditions));

        Assert.Equal(RequestStatus.AwaitingAgreement, await app.StatusAsync(id));
        var held = await app.StoredAsync<ResourceReview>(r => r.RequestId == id);
        Assert.Equal((Decision.ApprovedWithConditions, Conditions, "Sara Nilsson"), (held.PendingDecision!.Value, held.PendingConditions, held.PendingDecidedByName));
        Assert.Null(held.Decision);
        // The review page shows the held decision and its form keeps it, rather than starting over.
        var page = await sara.GetPageAsync(Page(id));
        Assert.Contains("Godkänd med villkor", EnsaClient.Text(page, "#pending-decision"), StringComparison.Ordinal);
        Assert.Equal("d-ApprovedWithConditions", page.QuerySelector($"{Form("Decide")} input[type=radio][checked]")!.Id);
        Assert.Equal(Conditions, page.QuerySelector("#Conditions")!.TextContent);
        using (var anna = await app.SignInAs(Roles.Requester))
        {
            var mine = await anna.GetPageAsync($"/Requests/{id}");
            Assert.Contains("Godkänd med villkor", EnsaClient.Text(mine, "#pending-decision"), StringComparison.Ordinal);
            Assert.Contains(Conditions, EnsaClient.Text(mine, "section.awaiting-agreement"), StringComparison.Ordinal);
        }

        // The agreement is made (its steps are tested on its pages) and put in force on its page: the decision takes effect.
        var start = page.QuerySelector("section.request-agreement a[href^='/Agreements/New']")!.GetAttribute("href")!;
        var agreementUrl = (await sara.SubmitAsync(start, "main form")).Headers.Location!.OriginalString;
        await sara.FollowAsync(await sara.SubmitAsync(agreementUrl, "form[action$='handler=StartReview']"));
        var staff = Actor.OrganizerStaff(Guid.NewGuid(), "Test", new HashSet<Role> { Role.CentralReviewer, Role.SecurityCoordinator });
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await app.ChangeAgreementAsync(Guid.Parse(agreementUrl.Split('/').Last()),
            a => a.RecordReview(staff, "ok", now),
            a => a.RecordSecurityReview(staff, "ok", now),
            a => a.ApproveForSigning(staff, now),
            a => a.RecordSigning(staff, [new(AgreementParty.Organizer, "A", "B", today), new(AgreementParty.Supplier, "C", "D", today)],
                "a.pdf", Ensa.Demo.DemoData.DemoPdf("Signerat"), now));
        await sara.FollowAsync(await sara.SubmitAsync(agreementUrl, "form[action$='handler=InForce']", new Dictionary<string, string>
        {
            ["InForceFrom"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["EndDate"] = today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));

        Assert.Equal(RequestStatus.ApprovedWithConditions, await app.StatusAsync(id));
        var decided = await app.StoredAsync<ResourceReview>(r => r.RequestId == id);
        Assert.Equal((Decision.ApprovedWithConditions, Conditions, "Sara Nilsson"), (decided.Decision!.Value, decided.Conditions, decided.DecidedByName));
        Assert.Null(decided.PendingDecision);
        var decidedEvent = await app.StoredAsync<RequestEvent>(e => e.RequestId == id && e.Kind == RequestEventKind.Decided);
        Assert.Equal(Conditions, decidedEvent.Comment);
        var anna2 = await app.UserIdAsync("anna.lindberg@mittkoping.example");
        Assert.True(await app.IsStoredAsync<Notification>(n => n.UserId == anna2 && n.MessageKey == "Notify.Decided" && n.Link == $"/Requests/{id}"));
    }

    [Fact]
    public async Task ApplyPendingDecision_NotAwaitingOrNothingHeld_IsRefused()
    {
        app.RequireDatabase();
        var id = await app.InReviewAsync("Quizzly");
        await app.WithDbAsync(async db =>
        {
            var request = await db.ResourceRequests.IgnoreQueryFilters().SingleAsync(r => r.Id == id);
            var review = new ResourceReview(request, DateTime.UtcNow);
            Assert.Equal("Request.NotAwaitingAgreement", request.ApplyPendingDecision(review, DateTime.UtcNow).Error!.Code);
            Assert.Equal(RequestStatus.InReview, request.Status);
            return 0;
        });
    }

    [Fact]
    public async Task Decide_PersonalDataWithoutSecurityPart_RefusedUntilAReviewerRecordsAWaiverWithAReason()
    {
        app.RequireDatabase();
        var id = await app.InReviewAsync("Quizzly");
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), Form("Save"), Review(AgreementNeed.NotNeeded, "Namn, klass, resultat")));
        Assert.NotEmpty(EnsaClient.Text(await sara.GetPageAsync(Page(id)), "#security-heading ~ .notice"));

        var refused = await EnsaClient.ParseAsync(await DecideAsync(sara, id, Decision.Approved));
        Assert.Contains("informationssäkerhetssamordnarens bedömning", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.InReview, await app.StatusAsync(id));

        // A waiver needs a reason, within its limit; the security coordinator cannot waive their own part.
        refused = await EnsaClient.ParseAsync(await sara.SubmitAsync(Page(id), Form("Waive"), new Dictionary<string, string> { ["WaiverReason"] = " " }));
        Assert.Contains("Skriv varför", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        refused = await EnsaClient.ParseAsync(await sara.SubmitAsync(Page(id), Form("Waive"),
            new Dictionary<string, string> { ["WaiverReason"] = new string('x', ResourceReview.TextMaxLength + 1) }));
        Assert.NotEmpty(EnsaClient.Text(refused, ".errors"));
        using (var ahmed = await app.SignInAs(Roles.SecurityCoordinator))
        {
            var his = await ahmed.GetPageAsync(Page(id));
            Assert.Null(his.QuerySelector(Form("Waive")));
            var forged = await ahmed.Http.PostAsync(Page(id) + "?handler=Waive", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["WaiverReason"] = "Behövs inte.",
                ["__RequestVerificationToken"] = his.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            }));
            Assert.Contains("granskare", EnsaClient.Text(await EnsaClient.ParseAsync(forged), ".errors"), StringComparison.Ordinal);
        }
        Assert.Null((await app.StoredAsync<ResourceReview>(r => r.RequestId == id)).SecurityWaivedAt);

        var page = await sara.FollowAsync(await sara.SubmitAsync(Page(id), Form("Waive"),
            new Dictionary<string, string> { ["WaiverReason"] = "Samma tjänst som bedömdes förra läsåret." }));
        var review = await app.StoredAsync<ResourceReview>(r => r.RequestId == id);
        Assert.Equal(("Sara Nilsson", "Samma tjänst som bedömdes förra läsåret."), (review.SecurityWaivedByName, review.SecurityWaiverReason));
        Assert.NotNull(review.SecurityWaivedAt);
        Assert.Contains("Samma tjänst som bedömdes förra läsåret.", EnsaClient.Text(page, "#security-waiver"), StringComparison.Ordinal);
        Assert.True(await app.IsStoredAsync<RequestEvent>(e => e.RequestId == id && e.Kind == RequestEventKind.SecurityReviewWaived));
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(ResourceReview) && a.EntityId == review.Id.ToString()
            && a.Changes.Contains(nameof(ResourceReview.SecurityWaiverReason))));

        await sara.FollowAsync(await DecideAsync(sara, id, Decision.Approved));
        Assert.Equal(RequestStatus.Approved, await app.StatusAsync(id));
    }

    [Fact]
    public async Task Waive_AfterTheSecurityPartIsRecorded_IsRefused()
    {
        app.RequireDatabase();
        var id = await app.InReviewAsync("Geodia Kartquiz");
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), Form("Save"), Review(AgreementNeed.NotNeeded, "Namn")));
        var before = await sara.GetPageAsync(Page(id));
        using (var ahmed = await app.SignInAs(Roles.SecurityCoordinator))
            await ahmed.FollowAsync(await ahmed.SubmitAsync(Page(id), Form("Security"), new Dictionary<string, string> { ["SecurityAssessment"] = "Godtagbart." }));
        Assert.Null((await sara.GetPageAsync(Page(id))).QuerySelector(Form("Waive")));
        var forged = await sara.SubmitAsync(Page(id), before.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(Form("Waive"))!,
            new Dictionary<string, string> { ["WaiverReason"] = "Behövs inte." });
        Assert.Contains("redan", EnsaClient.Text(await EnsaClient.ParseAsync(forged), ".errors"), StringComparison.Ordinal);
        Assert.Null((await app.StoredAsync<ResourceReview>(r => r.RequestId == id)).SecurityWaivedAt);
    }

    [Fact]
    public async Task NewReview_ResourceWithSupplierDescription_PrefilledAndMarkedWithItsVersion_NoChoicePreselected()
    {
        app.RequireDatabase();
        const string Resource = "Sagoväven Läsresan";
        var description = await app.WithDbAsync(db => db.SupplierDescriptions
            .Where(d => d.PublishedAt != null && db.LearningResources.Any(r => r.Name == Resource && r.Id == d.ResourceId))
            .OrderByDescending(d => d.Version).FirstAsync());
        var id = await app.InReviewAsync(Resource);
        using var sara = await app.SignInAs(Roles.CentralReviewer);

        var page = await sara.GetPageAsync(Page(id));
        Assert.Contains($"version {description.Version}", EnsaClient.Text(page, "#prefilled-note"), StringComparison.Ordinal);
        var categories = page.QuerySelector("#pdc")!.TextContent;
        Assert.All(description.PersonalData, c => Assert.Contains(c.Name, categories, StringComparison.Ordinal));
        Assert.Contains("prefilled-note", page.QuerySelector("#pdc")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.All(description.SubProcessors, s => Assert.Contains(s.Name, page.QuerySelector("#tcn")!.TextContent, StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll($"{Form("Save")} input[type=radio][checked]"));

        // Saved as shown (with the choices made), the review keeps where its fields came from; a changed field stays changed.
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), Form("Save"), new Dictionary<string, string>
        {
            ["Input.Accessibility"] = "Good", ["Input.SuitableForProtectedIdentity"] = "No", ["Input.AgreementNeed"] = "Needed",
            ["Input.ThirdCountryNotes"] = "Ändrat av granskaren.",
        }));
        var review = await app.StoredAsync<ResourceReview>(r => r.RequestId == id);
        Assert.Equal(description.Version, review.PrefilledFromDescriptionVersion);
        Assert.Equal(categories, review.PersonalDataCategories);
        Assert.Equal("Ändrat av granskaren.", review.ThirdCountryNotes);
    }

    [Fact]
    public async Task NewReview_PostedVersionNotTheCurrentDescription_IsNotKept_AndWithoutDescriptionNothingIsPrefilled()
    {
        app.RequireDatabase();
        const string Resource = "Tonkraft Komponera";
        Assert.False(await app.WithDbAsync(db => db.SupplierDescriptions.AnyAsync(d => d.PublishedAt != null
            && db.LearningResources.Any(r => r.Name == Resource && r.Id == d.ResourceId))));
        var id = await app.InReviewAsync(Resource);
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.GetPageAsync(Page(id));
        Assert.Null(page.QuerySelector("#prefilled-note"));
        Assert.Equal("", page.QuerySelector("#pdc")!.TextContent);

        await sara.FollowAsync(await sara.SubmitAsync(Page(id), Form("Save"), new Dictionary<string, string>
        {
            ["Input.Accessibility"] = "Good", ["Input.SuitableForProtectedIdentity"] = "No", ["Input.AgreementNeed"] = "NotNeeded",
            ["Input.PrefilledFromDescriptionVersion"] = "7",
        }));
        Assert.Null((await app.StoredAsync<ResourceReview>(r => r.RequestId == id)).PrefilledFromDescriptionVersion);
    }

    [Fact]
    public async Task VersionChange_SecurityCoordinator_ObjectsAndAccepts_RequesterAndOtherStatesRefused()
    {
        app.RequireDatabase();
        var now = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        var (id, inForceWithoutChange) = await app.WithDbAsync(async db =>
        {
            var elin = await db.Users.SingleAsync(u => u.Email == "elin.svahn@sagovaven.example");
            var supplier = Actor.SupplierUser(elin.Id, elin.DisplayName, elin.SupplierId!.Value);
            var lasresan = await db.LearningResources.SingleAsync(r => r.Name == "Sagoväven Läsresan");
            var latest = await db.SupplierDescriptions.Where(d => d.ResourceId == lasresan.Id).OrderByDescending(d => d.Version).FirstAsync();
            Assert.True(latest.StartNextDraft(supplier, now, out var draft).Succeeded);
            Assert.True(draft!.Edit(supplier, draft.Content() with { Retention = "Ett läsår." }, now).Succeeded);
            db.SupplierDescriptions.Add(draft);
            Assert.True((await DescriptionPublishing.PublishAsync(db, supplier, draft, now)).Succeeded);
            await db.SaveChangesAsync();
            var changed = await db.Agreements.IgnoreQueryFilters().SingleAsync(a => a.ResourceId == lasresan.Id);
            var other = await db.Agreements.IgnoreQueryFilters().Where(a => a.OrganizerId == changed.OrganizerId && a.Status == AgreementStatus.InForce
                && a.PendingDescriptionId == null).Select(a => a.Id).FirstAsync();
            return (changed.Id, other);
        });
        var url = $"/Agreements/{id}";

        using (var anna = await app.SignInAs(Roles.Requester))
        {
            var response = await anna.Http.GetAsync(url);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        var page = await ahmed.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector("form[action$='handler=Accept']"));
        var refused = await EnsaClient.ParseAsync(await ahmed.SubmitAsync(url, "form[action$='handler=Object']",
            new Dictionary<string, string> { ["ObjectionReason"] = new string('x', Agreement.ObjectionReasonMaxLength + 1) }));
        Assert.NotEmpty(EnsaClient.Text(refused, ".errors"));
        await ahmed.FollowAsync(await ahmed.SubmitAsync(url, "form[action$='handler=Object']",
            new Dictionary<string, string> { ["ObjectionReason"] = "Lagringstiden är för kort för betygsunderlag." }));
        var objected = await app.StoredAsync<Agreement>(a => a.Id == id);
        Assert.Equal(("Ahmed Karimi", "Lagringstiden är för kort för betygsunderlag."), (objected.ObjectedByName, objected.ObjectionReason));

        // An agreement without a pending version has no buttons, and a forged accept is refused.
        var other = await ahmed.GetPageAsync($"/Agreements/{inForceWithoutChange}");
        Assert.Null(other.QuerySelector("form[action$='handler=Accept']"));
        var forged = await ahmed.Http.PostAsync($"/Agreements/{inForceWithoutChange}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = other.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.NotEmpty(EnsaClient.Text(await EnsaClient.ParseAsync(forged), ".errors"));

        await ahmed.FollowAsync(await ahmed.SubmitAsync(url, "form[action$='handler=Accept']"));
        var accepted = await app.StoredAsync<Agreement>(a => a.Id == id);
        Assert.Null(accepted.PendingDescriptionId);
        Assert.Equal(objected.PendingDescriptionVersion, accepted.DescriptionVersion);
    }
}

public sealed class DecisionSafetySqliteTests(EnsaAppFactory app) : DecisionSafetyTests<EnsaAppFactory>(app);

public sealed class DecisionSafetyPostgresTests(PostgresAppFactory app) : DecisionSafetyTests<PostgresAppFactory>(app);
