using System.Net;
using Ensa.Agreements;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>A supplier's standing offer (issue 13), through HTTP: a supplier admin signs an offer once; an organizer joins
/// it, its reviewer and security coordinator assess it, and its signatory's signature puts it in force with a sealed PDF
/// listing both signatures. Refusals change nothing; a deviation turns the copy into an ordinary negotiated agreement.</summary>
public abstract class StandingOfferTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Resource = "Numerix Matteträning";
    private static string DetailsPage(Guid id) => $"/Agreements/{id}";

    private async Task<string> OffersPageAsync() => $"/Supplier/Offers/{await app.ResourceIdAsync(Resource)}";

    /// <summary>The supplier admin signs and publishes an offer (open to all, or to the organizer named); its id.</summary>
    private async Task<Guid> PublishAsync(EnsaClient admin, string? onlyFor = null)
    {
        var values = new Dictionary<string, string> { ["Title"] = "VD", ["Confirmed"] = "true", ["OpenToAll"] = onlyFor is null ? "true" : "false" };
        if (onlyFor is not null)
            values["OrganizerIds"] = (await app.WithDbAsync(db => db.Organizers.Where(o => o.Name == onlyFor).Select(o => o.Id).SingleAsync())).ToString();
        var response = await admin.SubmitAsync(await OffersPageAsync(), "form[action*='handler=Publish']", values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDbAsync(db => db.StandingOffers.OrderByDescending(o => o.SignedAt).Select(o => o.Id).FirstAsync());
    }

    private static Task<HttpResponseMessage> JoinAsync(EnsaClient client, Guid offer) =>
        client.PostHandlerAsync("/Agreements/Offers", "Join", new Dictionary<string, string> { ["OfferId"] = offer.ToString() });

    private static async Task<Guid> JoinedAsync(EnsaClient client, Guid offer)
    {
        var response = await JoinAsync(client, offer);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private Task<Agreement> StoredAsync(Guid id) => app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
        .Include(a => a.Signatories).AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<int> AgreementsOnAsync(Guid offer) => app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().CountAsync(a => a.StandingOfferId == offer));

    private static async Task ActAsync(EnsaClient client, Guid id, string handler, Dictionary<string, string>? values = null) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(DetailsPage(id), $"form[action*='handler={handler}']", values)).StatusCode);

    /// <summary>The organizer's own people, each their step: the reviewer's and the security coordinator's assessments, approval.</summary>
    private async Task ReviewAndApproveAsync(Guid id)
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        await ActAsync(sara, id, "Review", new() { ["Notes"] = "Godtagbart." });
        await ActAsync(ahmed, id, "Security", new() { ["Notes"] = "Godtagbart." });
        await ActAsync(sara, id, "Approve");
    }

    [Fact]
    public async Task AnOrganizerJoinsAnOffer_ItsSignatureAlonePutsItInForce_WithASealedPdfListingBothSignatures()
    {
        app.RequireDatabase();
        PdfText.RequireTools();
        using var nils = await app.SupplierUserAsync(admin: true);
        var page = await nils.GetPageAsync(await OffersPageAsync());
        var hash = page.QuerySelector("form[action*='handler=Publish'] input[name=DocumentSha256]")!.GetAttribute("value")!;
        var html = await nils.Http.GetStringAsync($"{await OffersPageAsync()}?handler=Document");
        Assert.Equal(hash, SignedAgreementDocument.Hash(html));
        var offerId = await PublishAsync(nils);
        var offer = await app.WithDbAsync(db => db.StandingOffers.AsNoTracking().SingleAsync(o => o.Id == offerId));
        Assert.Equal((hash, "Nils Numerix", "VD", "Numerix Lärande AB", SignatureMethod.EnsaAccountWithTotp, true),
            (offer.DocumentSha256, offer.SignedByName, offer.SignedByTitle, offer.Organisation, offer.Method, offer.IsOpenToAll));

        // The organizer sees the offer and joins it in one action: its parts come from its profile, straight into review.
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        Assert.NotNull((await sara.GetPageAsync("/Agreements/Offers")).QuerySelector($"tr[data-offer='{offerId}'] form[action*='handler=Join']"));
        var id = await JoinedAsync(sara, offerId);
        var joined = await StoredAsync(id);
        var organizer = await app.WithDbAsync(db => db.Organizers.SingleAsync(o => o.Slug == DemoData.MittkopingSlug));
        Assert.Equal((AgreementStatus.UnderReview, offerId, offer.DescriptionId, organizer.ControllerName, organizer.DataProtectionOfficerEmail, "sara.nilsson@mittkoping.example"),
            (joined.Status, joined.StandingOfferId, joined.DescriptionId, joined.ControllerName, joined.DataProtectionContactEmail, joined.AgreementContactEmail));
        Assert.Contains("stående erbjudande", EnsaClient.Text(await sara.GetPageAsync(DetailsPage(id)), "main"), StringComparison.Ordinal);
        // Joining twice is refused.
        var twice = await JoinAsync(sara, offerId);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("redan anslutit", EnsaClient.Text(await EnsaClient.ParseAsync(twice), "main"), StringComparison.Ordinal);
        Assert.Equal(1, await AgreementsOnAsync(offerId));

        await ReviewAndApproveAsync(id);
        Assert.Equal(AgreementStatus.ReadyToSign, (await StoredAsync(id)).Status);
        // A reviewer is not a signatory; the supplier is not asked to sign again.
        Assert.Null((await sara.GetPageAsync($"/Agreements/{id}/Sign")).QuerySelector("form[action*='handler=Sign']"));
        Assert.Null((await nils.GetPageAsync($"/Supplier/Agreements/{id}")).QuerySelector("form[action*='handler=Sign']"));
        Assert.Null((await nils.GetPageAsync("/Supplier")).QuerySelector($".supplier-agreements a[href*='{id}']"));
        Assert.Contains("Granskas av huvudmannen", EnsaClient.Text(await nils.GetPageAsync(await OffersPageAsync()), $"article[data-offer='{offerId}']"), StringComparison.Ordinal);

        // A unit's request for the resource waits for this agreement, its decision held.
        var request = await app.InReviewAsync(Resource);
        await sara.FollowAsync(await sara.SubmitAsync($"/Review/Request/{request}", "form[action*='handler=Save']", new Dictionary<string, string>
        {
            ["Input.PedagogicalAssessment"] = "Bra.", ["Input.Accessibility"] = "Good", ["Input.SuitableForProtectedIdentity"] = "No",
            ["Input.AgreementNeed"] = "Needed",
        }));
        await app.RecordSecurityPartAsync(request);
        await sara.FollowAsync(await sara.SubmitAsync($"/Review/Request/{request}", "form[action*='handler=Decide']",
            new Dictionary<string, string> { ["DecisionChoice"] = "Approved" }));
        Assert.Equal(Ensa.Requests.RequestStatus.AwaitingAgreement, await app.StatusAsync(request));

        using var gunilla = await app.SignatoryAsync("gunilla");
        var sign = await gunilla.SubmitAsync($"/Agreements/{id}/Sign", "form[action*='handler=Sign']",
            new Dictionary<string, string> { ["Title"] = "Förvaltningschef", ["Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sign.StatusCode);
        var signed = await StoredAsync(id);
        Assert.Equal(AgreementStatus.InForce, signed.Status);
        // In force at the organizer's signature, so the waiting request got its held decision.
        Assert.Equal(Ensa.Requests.RequestStatus.Approved, await app.StatusAsync(request));
        Assert.Equal(Ensa.Common.SwedishCalendar.Today(app.Clock.GetUtcNow().UtcDateTime), signed.InForceFrom);
        var supplier = Assert.Single(signed.Signatories, s => s.Party == AgreementParty.Supplier);
        Assert.Equal(("Nils Numerix", "VD", offer.DocumentSha256, offer.SignedAt), (supplier.Name, supplier.Title, supplier.DocumentSha256, supplier.SignedAt!.Value));
        Assert.Single(signed.Signatories, s => s.Party == AgreementParty.Organizer);

        var pdf = await app.WithDbAsync(db => db.SignedAgreementDocuments.IgnoreQueryFilters().Where(d => d.AgreementId == id).Select(d => d.Content).SingleAsync());
        Assert.True(AgreementSeal.Verify(pdf).Intact);
        Assert.True(app.Services.GetRequiredService<AgreementSeal>().IsSealedByEnsa(pdf));
        var text = await PdfText.ExtractAsync(pdf, Path.GetTempPath());
        Assert.Contains("Nils Numerix", text, StringComparison.Ordinal);
        Assert.Contains("Förvaltningschef", text, StringComparison.Ordinal);
        Assert.Contains(offer.DocumentSha256, text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // The supplier's offer page lists the organizer as signed; the organizer no longer sees a Join button.
        Assert.Contains("Mittköpings kommun", EnsaClient.Text(await nils.GetPageAsync(await OffersPageAsync()), $"article[data-offer='{offerId}']"), StringComparison.Ordinal);
        Assert.Contains("Undertecknat, gäller från", EnsaClient.Text(await nils.GetPageAsync(await OffersPageAsync()), $"article[data-offer='{offerId}']"), StringComparison.Ordinal);
        Assert.Null((await sara.GetPageAsync("/Agreements/Offers")).QuerySelector($"tr[data-offer='{offerId}'] form"));
    }

    [Fact]
    public async Task Refusals_ANonAdminSupplier_AnOrganizerNotNamed_AWithdrawnOrSupersededOffer_AndANonManager()
    {
        app.RequireDatabase();
        // A supplier user who is not an admin is offered no form, and a forged post signs nothing.
        using var plain = await app.SupplierUserAsync(admin: false);
        var before = await app.WithDbAsync(db => db.StandingOffers.CountAsync());
        Assert.Null((await plain.GetPageAsync(await OffersPageAsync())).QuerySelector("form[action*='handler=Publish']"));
        var forged = await plain.PostHandlerAsync(await OffersPageAsync(), "Publish",
            new Dictionary<string, string> { ["Title"] = "VD", ["Confirmed"] = "true", ["OpenToAll"] = "true", ["DocumentSha256"] = new string('a', 64) });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Bara leverantörens administratörer", EnsaClient.Text(await EnsaClient.ParseAsync(forged), "main"), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.StandingOffers.CountAsync()));

        using var nils = await app.SupplierUserAsync(admin: true);
        var open = await PublishAsync(nils);
        // A security coordinator does not manage agreements: it cannot join.
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        var notManager = await JoinAsync(ahmed, open);
        Assert.Equal(HttpStatusCode.OK, notManager.StatusCode);
        Assert.Equal(0, await AgreementsOnAsync(open));

        // An offer only for Lärande Norr supersedes the open one: Mittköping neither sees nor joins either.
        var restricted = await PublishAsync(nils, onlyFor: "Lärande Norr AB");
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        Assert.Null((await sara.GetPageAsync("/Agreements/Offers")).QuerySelector($"tr[data-offer='{restricted}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await JoinAsync(sara, restricted)).StatusCode);
        var superseded = await JoinAsync(sara, open);
        Assert.Contains("inte längre öppet", EnsaClient.Text(await EnsaClient.ParseAsync(superseded), "main"), StringComparison.Ordinal);

        // Withdrawn: Lärande Norr can no longer join it either.
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        Assert.NotNull((await fredrik.GetPageAsync("/Agreements/Offers")).QuerySelector($"tr[data-offer='{restricted}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await nils.SubmitAsync(await OffersPageAsync(), $"article[data-offer='{restricted}'] form[action*='handler=Withdraw']")).StatusCode);
        var withdrawn = await JoinAsync(fredrik, restricted);
        Assert.Contains("inte längre öppet", EnsaClient.Text(await EnsaClient.ParseAsync(withdrawn), "main"), StringComparison.Ordinal);
        Assert.Equal(0, await AgreementsOnAsync(restricted) + await AgreementsOnAsync(open));
        // A plain supplier user cannot withdraw.
        Assert.Null((await plain.GetPageAsync(await OffersPageAsync())).QuerySelector("form[action*='handler=Withdraw']"));
    }

    [Fact]
    public async Task ADeviation_TurnsTheJoinedOfferIntoANegotiatedAgreement_WhichTheSupplierSigns()
    {
        app.RequireDatabase();
        using var nils = await app.SupplierUserAsync(admin: true);
        var offerId = await PublishAsync(nils);
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var id = await JoinedAsync(sara, offerId);
        await ActAsync(sara, id, "Deviation", new()
        {
            ["Deviation.Field"] = "Retention", ["Deviation.OrganizerValue"] = "Högst ett läsår.", ["Deviation.Reason"] = "Huvudmannens gallringsplan.",
        });
        var left = await StoredAsync(id);
        Assert.False(left.IsOnOffer);
        Assert.NotNull(left.LeftOfferAt);
        Assert.Contains("Lagringstid", (await sara.GetPageAsync(DetailsPage(id))).QuerySelector("table.deviations tr.deviates")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lämnade erbjudandet", EnsaClient.Text(await nils.GetPageAsync(await OffersPageAsync()), $"article[data-offer='{offerId}']"), StringComparison.Ordinal);

        await ReviewAndApproveAsync(id);
        using var gunilla = await app.SignatoryAsync("gunilla");
        Assert.Equal(HttpStatusCode.Redirect, (await gunilla.SubmitAsync($"/Agreements/{id}/Sign", "form[action*='handler=Sign']",
            new Dictionary<string, string> { ["Title"] = "Förvaltningschef", ["Confirmed"] = "true" })).StatusCode);
        var half = await StoredAsync(id);
        // The organizer's signature alone does not put it in force: the supplier is asked, as for any agreement.
        Assert.Equal(AgreementStatus.ReadyToSign, half.Status);
        Assert.Single(half.Signatories);
        Assert.Contains("Väntar på er underskrift", EnsaClient.Text(await nils.GetPageAsync(await OffersPageAsync()), $"article[data-offer='{offerId}']"), StringComparison.Ordinal);
        Assert.NotNull((await nils.GetPageAsync($"/Supplier/Agreements/{id}")).QuerySelector("form[action*='handler=Sign']"));
    }
}

public sealed class StandingOfferSqliteTests(EnsaAppFactory app) : StandingOfferTests<EnsaAppFactory>(app);

public sealed class StandingOfferPostgresTests(PostgresAppFactory app) : StandingOfferTests<PostgresAppFactory>(app);
