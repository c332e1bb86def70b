using Ensa.Common;
using Ensa.Identity;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Demo;

/// <summary>A history of requests, made through the domain's own steps, so that the demo shows decisions, a resource
/// in use, a request in the review queue, the public list and other organizers' shared reviews. Resources the tests
/// start from undecided (Numerix, Quizzly, Sagoväven Läsresan) are left alone.</summary>
public sealed partial class DemoData
{
    private async Task SeedRequestsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var mittkoping = await db.Organizers.SingleAsync(o => o.Slug == MittkopingSlug, cancellationToken);
        var larande = await db.Organizers.SingleAsync(o => o.Slug == LarandeNorrSlug, cancellationToken);
        var sara = await ActorAsync("sara.nilsson@mittkoping.example", Role.CentralReviewer);
        var ahmed = await ActorAsync("ahmed.karimi@mittkoping.example", Role.SecurityCoordinator);
        var johan = await ActorAsync("johan.lind@mittkoping.example", Role.Principal);
        var maria = await ActorAsync("maria.ek@mittkoping.example", Role.Principal);
        var ida = await ActorAsync("ida.persson@larandenorr.example", Role.Principal);
        var fredrik = await ActorAsync("fredrik.ahlgren@larandenorr.example", Role.CentralReviewer);
        var ateaId = await db.FrameworkAgreements.IgnoreQueryFilters()
            .Where(f => f.OrganizerId == mittkoping.Id && f.Name == "ATEA").Select(f => f.Id).SingleAsync(cancellationToken);

        // Approved with conditions, bought under ATEA and in use at Ekbackeskolan 4–9.
        var samhalle = Decided(mittkoping.Id, johan, "Nordlär Samhälle 7–9, digital del", sara, ahmed, Decision.ApprovedWithConditions,
            "Inga känsliga personuppgifter i elevernas fria svar. Elever med skyddad identitet använder avidentifierade konton.",
            shared: true, now.AddDays(-60));
        Ok(samhalle.RecordPurchase(sara, new Purchase(ProcurementKind.FrameworkAgreement, ateaId, 120,
            new DateOnly(SwedishCalendar.Today(now).Year, 1, 1), new DateOnly(SwedishCalendar.Today(now).Year, 12, 31), 18_000m, "PO-2041", null), now.AddDays(-55)));
        Ok(samhalle.NameResponsibles(johan, johan.UserId, "Petra Sjöberg", "petra.sjoberg@mittkoping.example", now.AddDays(-50)));
        Ok(samhalle.ConfirmTraining(johan, now.AddDays(-45)));

        var erik = await ActorAsync("erik.sandberg@mittkoping.example", Role.Principal);
        Decided(mittkoping.Id, erik, "Sagoväven Bokstavslek", sara, null, Decision.Approved, null, shared: true, now.AddDays(-40),
            AgreementNeed.NotNeeded);
        var guidance = new Publishing.ResourceGuidance(mittkoping.Id, samhalle.ResourceId!.Value);
        guidance.Change("Läraren beställer elevkonton via skolans systemadministratör; eleverna loggar in med skolkontot.",
            "Skriv inte in personnummer eller känsliga uppgifter i fritextsvar.", ["https://mittkoping.example/digitala-larresurser"]);
        db.ResourceGuidance.Add(guidance);

        Decided(mittkoping.Id, johan, "Lingua Bridge Vokabel", sara, ahmed, Decision.NotApproved,
            "Röstinspelningar lagras utan att leverantören kan visa var; egna konton kräver elevernas e-postadresser.",
            shared: false, now.AddDays(-30));

        // Waiting in the central department's queue.
        var blocklabb = Request(mittkoping.Id, maria, "Kodkraft Blocklabb",
            "Programmering i teknik åk 7–9: blockprogrammering som leder över till Python.", now.AddDays(-4));
        Ok(blocklabb.Submit(maria, now.AddDays(-4)));

        // The other organizer's decisions, shared with everyone.
        Decided(larande.Id, ida, "Kodkraft Blocklabb", fredrik, null, Decision.Approved, null, shared: true, now.AddDays(-90));
        Decided(larande.Id, ida, "Nordlär Samhälle 7–9, digital del", fredrik, null, Decision.ApprovedWithConditions,
            "Endast skolkonton via skolfederationen.", shared: true, now.AddDays(-20));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A draft by <paramref name="requester"/>: for <paramref name="unitId"/>, or else for the unit they are principal of.</summary>
    private ResourceRequest Request(Guid organizerId, Actor requester, string resource, string need, DateTime at, Guid? unitId = null)
    {
        var resourceId = db.LearningResources.Local.Single(r => r.Name == resource).Id;
        var request = ResourceRequest.CreateDraft(organizerId, unitId ?? requester.PrincipalOfUnits.Single(), requester,
            new RequestDetails { ResourceId = resourceId, Need = need, Users = RequestUsers.Pupils | RequestUsers.Staff, ApproxUsers = 120 }, at);
        db.ResourceRequests.Add(request);
        return request;
    }

    /// <summary>A principal's request for their own unit (so it goes straight to review), reviewed and decided.</summary>
    private ResourceRequest Decided(Guid organizerId, Actor principal, string resource, Actor reviewer, Actor? security,
        Decision decision, string? text, bool shared, DateTime at, AgreementNeed agreement = AgreementNeed.AlreadySigned, bool agreementInForce = false)
    {
        var request = Request(organizerId, principal, resource, "Behövs i undervisningen enligt ämnets kursplan.", at);
        Ok(request.Submit(principal, at));
        var review = new ResourceReview(request, at.AddDays(1))
        {
            PedagogicalAssessment = "Följer kursplanen; tydlig progression och lärarstöd.",
            Accessibility = AccessibilityAssessment.Good,
            PersonalDataCategories = "Namn, klass, inloggnings-id, resultat",
            ScreeningChildren = true,
            AgreementNeed = agreement,
            Shared = shared,
        };
        Ok(request.RecordReview(reviewer, review, at.AddDays(1)));
        review.SignReview(reviewer, at.AddDays(1));
        if (security is not null)
        {
            Ok(request.RecordSecurityReview(security, review, at.AddDays(2)));
            review.RecordSecurity(security, "Data lagras inom EU; loggning och behörighetsstyrning är tillräckliga.", at.AddDays(2));
        }
        else
        {
            Ok(request.WaiveSecurityReview(reviewer, review, "Samma tjänst och villkor som huvudmannens tidigare bedömda avtal.", at.AddDays(2)));
        }
        Ok(request.Decide(reviewer, review, decision, decision == Decision.ApprovedWithConditions ? text : null,
            decision == Decision.NotApproved ? text : null, at.AddDays(3), agreementInForce));
        db.ResourceReviews.Add(review);
        return request;
    }

    private async Task<Actor> ActorAsync(string email, Role role)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var units = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id && m.Role == Role.Principal)
            .Select(m => m.OrganisationUnitId!.Value).ToListAsync();
        return new Actor(user.Id, user.DisplayName, new HashSet<Role> { role }, units.ToHashSet());
    }

    private static void Ok(Common.Result result)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Demo data: step refused ({result.Error!.Code}).");
    }
}
