using System.Globalization;
using System.Net;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Resources;
using Ensa.Suppliers;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary><see cref="Agreement.AllowedSteps"/> against the steps themselves: for every kind of actor in every state the
/// agreement reaches (each built through the domain's own steps), a step is offered if and only if taking it with valid
/// input succeeds. A new step fails here until it has a valid input; a new status, until a state reaches it.</summary>
public sealed class AgreementStepsTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    /// <summary>States are built two days before they are judged, so a reminder to the supplier is due again.</summary>
    private static readonly DateTime Built = Now.AddDays(-2);
    private static readonly DateOnly BuiltDay = DateOnly.FromDateTime(Built);
    private static readonly byte[] Pdf = Ensa.Demo.DemoData.DemoPdf("Signerat avtal");

    private static readonly OrganizerParts Parts = new("Grundskolenämnden",
        new ContactPerson("Lisa Ekström", "lisa@mittkoping.example"), new ContactPerson("Dataskyddsombudet", "dso@mittkoping.example"));
    private static readonly OrganizerParts IncompleteParts = Parts with { ControllerName = "" };

    private static readonly Actor Admin = Actor.OrganizerStaff(Guid.NewGuid(), "Lisa Ekström", new HashSet<Role> { Role.OrganizerAdmin });
    private static readonly Actor Reviewer = Actor.OrganizerStaff(Guid.NewGuid(), "Sara Nilsson", new HashSet<Role> { Role.CentralReviewer });
    private static readonly Actor Security = Actor.OrganizerStaff(Guid.NewGuid(), "Ahmed Karimi", new HashSet<Role> { Role.SecurityCoordinator });

    private readonly Supplier _supplier = new("Sagoväven AB", null, "REG 1", "SE", "Elin Svahn", "elin@sagovaven.example", Built);
    private readonly Supplier _otherSupplier = new("Numerix AB", null, "REG 2", "SE", "Per Gran", "per@numerix.example", Built);
    private readonly LearningResource _resource;
    private readonly AgreementTemplate _template;
    private readonly AgreementTemplate _newerTemplate;
    private readonly SupplierDescription _v1;
    private readonly SupplierDescription _v2;

    public AgreementStepsTests()
    {
        _resource = new LearningResource("Läsresan", _supplier.Id, ResourceType.WebService, Built);
        Assert.True(AgreementTemplate.Publish(Actor.System, 0, PlaceholderTemplate.Title, PlaceholderTemplate.Sections, true, Built, out var template).Succeeded);
        _template = template!;
        Assert.True(AgreementTemplate.Publish(Actor.System, 1, "Huvudavtalet", PlaceholderTemplate.Sections, false, Built, out var newer).Succeeded);
        _newerTemplate = newer!;
        var user = SupplierUser;
        Assert.True(SupplierDescription.StartFirstDraft(user, _resource, Built, out var v1).Succeeded);
        Ok(v1!.Edit(user, AgreementDomainTests.Content(), Built));
        Ok(v1.Publish(user, Built));
        Assert.True(v1.StartNextDraft(user, Built, out var v2).Succeeded);
        Ok(v2!.Edit(user, AgreementDomainTests.Content() with { Retention = "Ett läsår" }, Built));
        Ok(v2.Publish(user, Built));
        (_v1, _v2) = (v1, v2);
        const string offerHtml = "<html><body>Erbjudandet</body></html>";
        Ok(StandingOffer.Publish(Actor.SupplierUser(Guid.NewGuid(), "Elin Svahn", _supplier.Id, signs: true), _template, v1, offerHtml,
            new ElectronicSignature("VD", "Sagoväven AB", SignatureMethod.EnsaAccountWithTotp, true,
                SignedAgreementDocument.Hash(offerHtml)), [], null, Built, out var offer));
        _offer = offer!;
    }

    private readonly StandingOffer _offer;

    /// <summary>Joined the supplier's standing offer: under review on its versions.</summary>
    private Agreement Joined()
    {
        Assert.True(Agreement.JoinOffer(Guid.NewGuid(), Admin, _offer, _template, _resource, _v1, Parts, false, Built, out var agreement).Succeeded);
        return agreement!;
    }

    private Actor SupplierUser => Actor.SupplierUser(Guid.NewGuid(), "Elin Svahn", _supplier.Id);

    private static void Ok(Result result) => Assert.True(result.Succeeded, result.Error?.Code);

    private static Agreement Walk(Agreement agreement, params Func<Agreement, Result>[] steps)
    {
        foreach (var step in steps) Ok(step(agreement));
        return agreement;
    }

    private Agreement Draft(SupplierDescription? description = null, OrganizerParts? parts = null)
    {
        Assert.True(Agreement.Create(Guid.NewGuid(), Admin, _template, _resource, description, parts ?? Parts, Built, out var agreement).Succeeded);
        return agreement!;
    }

    private Agreement Reviewed(OrganizerParts parts) => Walk(Draft(_v1, parts), a => a.StartReview(Reviewer, Built),
        a => a.RecordReview(Reviewer, "Pedagogiskt bra", Built), a => a.RecordSecurityReview(Security, "Godtagbar", Built));

    private Agreement Signed() => Walk(Reviewed(Parts), a => a.ApproveForSigning(Reviewer, Built),
        a => a.RecordSigning(Admin, Signatories(BuiltDay), "avtal.pdf", Pdf, Built));

    private Agreement InForce() => Walk(Signed(), a => a.PutInForce(Admin, BuiltDay, null, BuiltDay.AddYears(2), Built));

    private static SignatoryInput[] Signatories(DateOnly on) =>
    [
        new(AgreementParty.Organizer, "Eva Ordförande", "Ordförande", on),
        new(AgreementParty.Supplier, "Elin Svahn", "VD", on),
    ];

    /// <summary>Every state worth telling apart: each status, and within one the conditions a step depends on.</summary>
    private static readonly Dictionary<string, Func<AgreementStepsTests, Agreement>> States = new()
    {
        ["Draft"] = t => t.Draft(),
        ["Draft on a description"] = t => t.Draft(t._v1),
        ["Draft with a deviation"] = t => Walk(t.Draft(t._v1), a => a.RecordDeviation(Admin, t._v1, "Retention", "Ett läsår", "Gallringsplan", Built)),
        ["Sent to the supplier"] = t => Walk(t.Draft(), a => a.SendToSupplier(Admin, Built)),
        ["Sent to the supplier just now"] = t => Walk(t.Draft(), a => a.SendToSupplier(Admin, Now)),
        ["Completed by the supplier"] = t => Walk(t.Draft(), a => a.SendToSupplier(Admin, Built), a => a.CompleteBySupplier(t.SupplierUser, t._v1, Built)),
        ["Under review"] = t => Walk(t.Draft(t._v1), a => a.StartReview(Reviewer, Built)),
        ["Under review, both reviews made"] = t => t.Reviewed(Parts),
        ["Under review, both reviews made, parts incomplete"] = t => t.Reviewed(IncompleteParts),
        ["Ready to sign"] = t => Walk(t.Reviewed(Parts), a => a.ApproveForSigning(Reviewer, Built)),
        ["Ready to sign, the organizer signed in Ensa"] = t => Walk(t.Reviewed(Parts), a => a.ApproveForSigning(Reviewer, Built),
            a => SignInEnsa(a, Actor.OrganizerStaff(Guid.NewGuid(), "Gunilla Ståhl", new HashSet<Role> { Role.Signatory }), Built)),
        ["Joined a standing offer"] = t => t.Joined(),
        ["Joined a standing offer, ready to sign"] = t => Walk(t.Joined(), a => a.RecordReview(Reviewer, "Bra", Built),
            a => a.RecordSecurityReview(Security, "Godtagbar", Built), a => a.ApproveForSigning(Reviewer, Built)),
        ["Joined a standing offer, left it with a deviation, ready to sign"] = t => Walk(t.Joined(),
            a => a.RecordDeviation(Admin, t._v1, "Retention", "Ett läsår", "Gallringsplan", Built), a => a.RecordReview(Reviewer, "Bra", Built),
            a => a.RecordSecurityReview(Security, "Godtagbar", Built), a => a.ApproveForSigning(Reviewer, Built)),
        ["Joined a standing offer, signed and in force"] = t => Walk(t.Joined(), a => a.RecordReview(Reviewer, "Bra", Built),
            a => a.RecordSecurityReview(Security, "Godtagbar", Built), a => a.ApproveForSigning(Reviewer, Built),
            a => SignInEnsa(a, Actor.OrganizerStaff(Guid.NewGuid(), "Gunilla Ståhl", new HashSet<Role> { Role.Signatory }), Built, t._offer)),
        ["Signed"] = t => t.Signed(),
        ["In force"] = t => t.InForce(),
        ["In force, a version change pending"] = t => Walk(t.InForce(), a => a.NoticeVersionChange(t._v2, Built)),
        ["In force, objected to a version change"] = t => Walk(t.InForce(), a => a.NoticeVersionChange(t._v2, Built),
            a => a.ObjectToVersionChange(Admin, "Lagringstiden är för lång.", Built)),
        ["In force, the objection period over"] = t => Walk(t.InForce(), a => a.NoticeVersionChange(t._v2, Built, TimeSpan.FromDays(1))),
        ["Terminated"] = t => Walk(t.InForce(), a => a.Terminate(Admin, BuiltDay, DataDisposition.Deleted, "Intyg", Built)),
        ["Expired"] = t => Walk(t.Signed(), a => a.PutInForce(Admin, BuiltDay.AddDays(-10), null, BuiltDay.AddDays(-1), Built), a => a.Expire(Built)),
    };

    private static readonly Dictionary<string, Func<AgreementStepsTests, Actor>> Actors = Enum.GetValues<Role>()
        .ToDictionary(r => r.ToString(), r => (Func<AgreementStepsTests, Actor>)(_ => Actor.OrganizerStaff(Guid.NewGuid(), r.ToString(), new HashSet<Role> { r })))
        .Concat(new Dictionary<string, Func<AgreementStepsTests, Actor>>
        {
            ["the agreement's supplier's user"] = t => t.SupplierUser,
            ["another supplier's user"] = t => Actor.SupplierUser(Guid.NewGuid(), "Per Gran", t._otherSupplier.Id),
            ["the agreement's supplier's signatory"] = t => Actor.SupplierUser(Guid.NewGuid(), "Nils Numerix", t._supplier.Id, signs: true),
            ["another supplier's signatory"] = t => Actor.SupplierUser(Guid.NewGuid(), "Per Gran", t._otherSupplier.Id, signs: true),
            ["a platform admin"] = _ => Actor.PlatformAdmin(Guid.NewGuid(), "Nora Lindgren"),
            ["Ensa itself"] = _ => Actor.System,
        }).ToDictionary();

    /// <summary>Signs in Ensa with a second factor, over the document fixed at the first signature (or a new one).</summary>
    private static Result SignInEnsa(Agreement a, Actor actor, DateTime at, StandingOffer? offer = null)
    {
        var document = a.SigningDocument ?? new AgreementSigningDocument(a, "<html><body>Avtalet</body></html>", at);
        return a.SignInEnsa(actor, new ElectronicSignature("Förvaltningschef", "Part", SignatureMethod.EnsaAccountWithTotp, true, document.Sha256),
            document, at, offer);
    }

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var state in States.Keys)
            foreach (var actor in Actors.Keys) cases.Add(state, actor);
        return cases;
    }

    /// <summary>The step with input that is valid for it in any state.</summary>
    private Result Take(AgreementStep step, Agreement a, Actor actor)
    {
        var today = DateOnly.FromDateTime(Now);
        SupplierDescription Description(Guid? id) => id == _v2.Id ? _v2 : _v1;
        return step switch
        {
            AgreementStep.EditParts => a.EditOrganizerParts(actor, Parts, Now),
            AgreementStep.SetRegistryNumber => a.SetRegistryNumber(actor, "KS 2027/12", Now),
            AgreementStep.Share => a.ShareWithOtherOrganizers(actor, !a.SharedWithOtherOrganizers, Now),
            AgreementStep.SendToSupplier => a.SendToSupplier(actor, Now),
            AgreementStep.RemindSupplier => a.RemindSupplier(actor, Now),
            AgreementStep.CompleteBySupplier => a.CompleteBySupplier(actor, _v1, Now),
            AgreementStep.StartReview => a.StartReview(actor, Now),
            AgreementStep.UseDescription => a.UseDescription(actor, _v2, Now),
            AgreementStep.RecordReview => a.RecordReview(actor, "Rimlig behandling", Now),
            AgreementStep.RecordSecurityReview => a.RecordSecurityReview(actor, "Godtagbar", Now),
            AgreementStep.ReturnToSupplier => a.ReturnToSupplier(actor, "Ange var loggarna lagras.", Now),
            AgreementStep.ApproveForSigning => a.ApproveForSigning(actor, Now),
            AgreementStep.RecordSigning => a.RecordSigning(actor, Signatories(today), "avtal.pdf", Pdf, Now),
            AgreementStep.PutInForce => a.PutInForce(actor, today, null, null, Now),
            AgreementStep.SetDates => a.SetDates(actor, today.AddYears(1), null, Now),
            AgreementStep.RecordDeviation => a.RecordDeviation(actor, Description(a.DescriptionId), "Retention", "Ett halvår", "Gallringsplan", Now),
            AgreementStep.RemoveDeviation => a.RemoveDeviation(actor, a.Deviations.Count > 0 ? a.Deviations[0].Id : Guid.NewGuid(), Now),
            AgreementStep.AcceptVersionChange => a.AcceptVersionChange(actor, Description(a.PendingDescriptionId), Now),
            AgreementStep.ObjectToVersionChange => a.ObjectToVersionChange(actor, "Lagringstiden är för lång.", Now),
            AgreementStep.Terminate => a.Terminate(actor, a.InForceFrom ?? today, DataDisposition.Deleted, "Intyg från leverantören", Now),
            AgreementStep.ShareReview => a.ShareReview(actor, !a.ReviewShared, Now),
            AgreementStep.UseTemplate => a.UseTemplate(actor, _newerTemplate, Now),
            AgreementStep.SignInEnsa => SignInEnsa(a, actor, Now, _offer),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Give the new step a valid input here."),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AllowedSteps_EveryStep_OfferedIffTakingItSucceeds(string state, string actorName)
    {
        var actor = Actors[actorName](this);
        var offered = States[state](this).AllowedSteps(actor, Now);
        var mismatches = new List<string>();
        foreach (var step in Enum.GetValues<AgreementStep>())
        {
            var agreement = States[state](this);
            var before = agreement.Events.Count;
            var result = Take(step, agreement, actor);
            if (offered.Contains(step) != result.Succeeded)
                mismatches.Add($"{step}: {(offered.Contains(step) ? "offered" : "not offered")}, the step {(result.Succeeded ? "succeeded" : "refused " + result.Error!.Code)}");
            // A refused step leaves nothing on the timeline.
            if (!result.Succeeded) Assert.Equal(before, agreement.Events.Count);
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void States_ReachEveryStatus()
    {
        var reached = States.Values.Select(build => build(this).Status).ToHashSet();
        Assert.Equal(Enum.GetValues<AgreementStatus>().ToHashSet(), reached);
    }

    /// <summary>Without this, a step offered nowhere and refused everywhere would pass the theory unnoticed.</summary>
    [Fact]
    public void EveryStep_IsOfferedToSomeoneInSomeState()
    {
        var offered = States.Values.SelectMany(build => Actors.Values.SelectMany(actor => build(this).AllowedSteps(actor(this), Now))).ToHashSet();
        Assert.Equal(Enum.GetValues<AgreementStep>().ToHashSet(), offered);
    }
}

/// <summary>The agreement page offers a step's form exactly when the domain allows it, for each organizer role that sees
/// the page, in representative states; a post of a step not allowed is refused with the domain's message and changes
/// nothing.</summary>
public sealed class AgreementStepPageTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private static string Form(string handler) => $"form[action$='handler={handler}']";

    /// <summary>The page handler that takes a step; the supplier completes its part in the supplier portal.</summary>
    private static string? Handler(AgreementStep step) => step switch
    {
        AgreementStep.EditParts => "Parts",
        AgreementStep.SetRegistryNumber => "Registry",
        AgreementStep.Share => "Share",
        AgreementStep.SendToSupplier => "Send",
        AgreementStep.RemindSupplier => "Remind",
        AgreementStep.CompleteBySupplier => null,
        AgreementStep.StartReview => "StartReview",
        AgreementStep.UseDescription => "UseLatest",
        AgreementStep.RecordReview => "Review",
        AgreementStep.RecordSecurityReview => "Security",
        AgreementStep.ReturnToSupplier => "Return",
        AgreementStep.ApproveForSigning => "Approve",
        AgreementStep.RecordSigning => "Sign",
        AgreementStep.PutInForce => "InForce",
        AgreementStep.SetDates => "Dates",
        AgreementStep.RecordDeviation => "Deviation",
        AgreementStep.RemoveDeviation => "RemoveDeviation",
        AgreementStep.AcceptVersionChange => "Accept",
        AgreementStep.ObjectToVersionChange => "Object",
        AgreementStep.Terminate => "Terminate",
        AgreementStep.ShareReview => "ShareReview",
        AgreementStep.UseTemplate => "UseTemplate",
        // Signed on its own page (/Agreements/{id}/Sign, /Supplier/Agreements/{id}): SigningInEnsaTests.
        AgreementStep.SignInEnsa => null,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Name the page handler of the new step here."),
    };

    private static readonly System.Resources.ResourceManager Texts = new("Ensa.Web.Resources.SharedResource", typeof(Ensa.Web.SharedResource).Assembly);

    private async Task<Guid> CreateAsync(EnsaClient client, string resource)
    {
        var response = await client.SubmitAsync("/Agreements/New", "main form", new Dictionary<string, string> { ["ResourceId"] = (await app.ResourceIdAsync(resource)).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>The actor the signed-in demo account is at Mittköping, from its memberships there.</summary>
    private Task<Actor> ActorAsync(string role) => app.WithDbAsync(async db =>
    {
        var email = Ensa.Demo.DemoData.Accounts.First(a => a.RoleLabel == role && a.Where == "Mittköpings kommun").Email;
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var organizer = await db.Organizers.Where(o => o.Slug == Ensa.Demo.DemoData.MittkopingSlug).Select(o => o.Id).SingleAsync();
        var roles = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id && m.OrganizerId == organizer).Select(m => m.Role).ToListAsync();
        return Actor.OrganizerStaff(user.Id, user.DisplayName, roles.ToHashSet());
    });

    [Fact]
    public async Task Page_EachStepsForm_ShownIffTheDomainAllowsIt()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var draft = await CreateAsync(sara, "Numerix Matteträning");
        var underReview = await CreateAsync(sara, "Numerix Matteträning");
        await sara.FollowAsync(await sara.SubmitAsync($"/Agreements/{underReview}", Form("StartReview")));
        var withoutDescription = await app.WithDbAsync(db => db.LearningResources
            .Where(r => r.SupplierId != null && !db.SupplierDescriptions.Any(d => d.ResourceId == r.Id)).Select(r => r.Name).FirstAsync());
        var sent = await CreateAsync(sara, withoutDescription);
        await sara.FollowAsync(await sara.SubmitAsync($"/Agreements/{sent}", Form("Send")));
        Guid[] states = [draft, underReview, sent, await app.DemoAgreementIdAsync()];

        var offeredSomewhere = new HashSet<AgreementStep>();
        foreach (var role in new[] { Roles.CentralReviewer, Roles.SecurityCoordinator, Roles.OrganizerAdmin })
        {
            using var client = await app.SignInAs(role);
            var actor = await ActorAsync(role);
            foreach (var id in states)
            {
                var page = await client.GetPageAsync($"/Agreements/{id}");
                var agreement = await app.AgreementAsync(id);
                var allowed = agreement.AllowedSteps(actor, app.Clock.GetUtcNow().UtcDateTime);
                var latest = await app.WithDbAsync(db => db.SupplierDescriptions
                    .Where(d => d.ResourceId == agreement.ResourceId && d.PublishedAt != null).MaxAsync(d => (int?)d.Version));
                var latestTemplate = await app.WithDbAsync(db => db.AgreementTemplates.MaxAsync(t => t.Version));
                foreach (var step in Enum.GetValues<AgreementStep>())
                {
                    if (Handler(step) is not { } handler) continue;
                    // Taking the supplier's latest description is offered only when there is a newer one to take.
                    var expected = allowed.Contains(step) && (step != AgreementStep.UseDescription || latest is { } v && agreement.IsNewerDescription(v))
                                   && (step != AgreementStep.UseTemplate || agreement.IsNewerTemplate(latestTemplate));
                    // While the parts may be edited, the registry number is one of their fields.
                    var shown = page.QuerySelector(Form(handler)) is not null
                                || step == AgreementStep.SetRegistryNumber && page.QuerySelector($"{Form("Parts")} [name='Parts.RegistryNumber']") is not null;
                    Assert.True(expected == shown,
                        $"{role}, {agreement.Status}: {step} {(expected ? "allowed but not shown" : "shown but not allowed")}");
                    if (expected) offeredSomewhere.Add(step);
                }
                var nothingToDo = agreement.Status != AgreementStatus.SentToSupplier && !allowed.Overlaps(Ensa.Web.Pages.Agreements.DetailsModel.NextSteps);
                Assert.Equal(nothingToDo, EnsaClient.Text(page, ".agreement-step")
                    .Contains(Texts.GetString("Agreement.NothingToDo", CultureInfo.InvariantCulture)!, StringComparison.Ordinal));
            }
        }
        // The states chosen show forms of every kind of step: a page that offered nothing would not pass unnoticed.
        foreach (var step in new[] { AgreementStep.EditParts, AgreementStep.StartReview, AgreementStep.SendToSupplier, AgreementStep.RecordReview,
                     AgreementStep.RecordSecurityReview, AgreementStep.ReturnToSupplier, AgreementStep.RecordDeviation, AgreementStep.SetDates,
                     AgreementStep.Terminate, AgreementStep.SetRegistryNumber, AgreementStep.Share })
            Assert.Contains(step, offeredSomewhere);
    }

    public static TheoryData<string, string, string> RefusedPosts() => new()
    {
        // role, handler, the domain's refusal
        { Roles.OrganizerAdmin, "StartReview", "Agreement.NotReadyForReview" },
        { Roles.OrganizerAdmin, "Parts", "Agreement.NotEditable" },
        { Roles.OrganizerAdmin, "InForce", "Agreement.NotSigned" },
        { Roles.OrganizerAdmin, "Accept", "Agreement.NoVersionChange" },
        { Roles.SecurityCoordinator, "Terminate", "Agreement.NotManager" },
        { Roles.SecurityCoordinator, "Dates", "Agreement.NotManager" },
        { Roles.CentralReviewer, "Sign", "Agreement.NotReadyToSign" },
        { Roles.CentralReviewer, "Review", "Agreement.NotUnderReview" },
    };

    [Theory]
    [MemberData(nameof(RefusedPosts))]
    public async Task Post_StepNotAllowed_RefusedWithItsMessageAndChangesNothing(string role, string handler, string code)
    {
        var id = await app.DemoAgreementIdAsync();
        using var client = await app.SignInAs(role);
        var before = await app.AgreementAsync(id);
        Assert.Null((await client.GetPageAsync($"/Agreements/{id}")).QuerySelector(Form(handler)));

        // Valid input for every one of these steps, so only the step itself can be refused.
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await client.PostHandlerAsync($"/Agreements/{id}", handler, new Dictionary<string, string>
        {
            ["TerminatedOn"] = today, ["Disposition"] = nameof(DataDisposition.Deleted), ["Confirmation"] = "Intyg", ["InForceFrom"] = today,
            ["Notes"] = "Bedömning", ["Parts.ControllerName"] = "Annan nämnd",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts.GetString(code, CultureInfo.InvariantCulture)!, EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors"), StringComparison.Ordinal);

        var after = await app.AgreementAsync(id);
        Assert.Equal((before.Status, before.UpdatedAt, before.Events.Count, before.ControllerName, before.TerminatedOn),
            (after.Status, after.UpdatedAt, after.Events.Count, after.ControllerName, after.TerminatedOn));
    }
}
