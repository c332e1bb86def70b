using Ensa.Common;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests.Infrastructure;

/// <summary>Builds requests through the domain, to the stage a test starts from: Anna Lindberg (requester at
/// Ekbackeskolan F–3) asks, Karin Holm (its principal) approves.</summary>
public static class RequestScenarios
{
    public const string Unit = "Ekbackeskolan F–3";

    public static async Task<Actor> ActorAsync(EnsaDbContext db, string email, params Role[] roles)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var units = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == user.Id && m.Role == Role.Principal).Select(m => m.OrganisationUnitId!.Value).ToListAsync();
        return new Actor(user.Id, user.DisplayName, roles.ToHashSet(), units.ToHashSet());
    }

    public static Task<Actor> ActorAsync(this EnsaAppFactory app, string email, params Role[] roles) =>
        app.WithDbAsync(db => ActorAsync(db, email, roles));

    /// <summary>A request for a catalogue resource, approved by the principal: in the review queue.</summary>
    public static Task<Guid> InReviewAsync(this EnsaAppFactory app, string resource = "Numerix Matteträning", bool linkResource = true) =>
        app.WithDbAsync(async db =>
        {
            var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == Unit);
            var resourceId = linkResource ? await db.LearningResources.Where(r => r.Name == resource).Select(r => r.Id).SingleAsync() : Guid.Empty;
            var anna = await ActorAsync(db, "anna.lindberg@mittkoping.example", Role.Requester);
            var karin = await ActorAsync(db, "karin.holm@mittkoping.example", Role.Principal);
            var now = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-2);
            var details = linkResource
                ? new RequestDetails { ResourceId = resourceId, Need = "Färdighetsträning i matematik för årskurs 3.", Users = RequestUsers.Pupils | RequestUsers.Staff, ApproxUsers = 60 }
                : new RequestDetails { ProposedName = resource, ProposedSupplier = "Okänd", Need = "Behövs för läsning.", Users = RequestUsers.Pupils };
            var request = ResourceRequest.CreateDraft(unit.OrganizerId, unit.Id, anna, details, now);
            Assert.True(request.Submit(anna, now.AddSeconds(1)).Succeeded);
            Assert.True(request.ApproveAsPrincipal(karin, now.AddSeconds(2)).Succeeded);
            db.ResourceRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });

    /// <summary>A principal's request for their own unit taken through the domain to in use: approved by Sara Nilsson,
    /// the principal registeransvarig, <paramref name="administrator"/> named, training confirmed.</summary>
    public static async Task<Guid> InUseAsync(this EnsaAppFactory app, string unit, string principal, string resource,
        AgreementNeed need = AgreementNeed.NotNeeded, string administrator = "Ulla Admin") =>
        await app.InUseAtAsync(await app.WithDbAsync(db => db.OrganisationUnits.IgnoreQueryFilters()
            .Where(u => u.Name == unit && u.SchoolUnitCode != null).Select(u => u.Id).SingleAsync()), principal, resource, need, administrator);

    /// <summary>As <see cref="InUseAsync"/>, at the school unit with this id (of any organizer).</summary>
    public static Task<Guid> InUseAtAsync(this EnsaAppFactory app, Guid unitId, string principal, string resource,
        AgreementNeed need = AgreementNeed.NotNeeded, string administrator = "Ulla Admin") => app.WithDbAsync(async db =>
    {
        var schoolUnit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == unitId);
        var resourceId = await db.LearningResources.Where(r => r.Name == resource).Select(r => r.Id).SingleAsync();
        var head = await ActorAsync(db, principal, Role.Principal);
        var sara = await ActorAsync(db, "sara.nilsson@mittkoping.example", Role.CentralReviewer);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var request = ResourceRequest.CreateDraft(schoolUnit.OrganizerId, schoolUnit.Id, head, new RequestDetails { ResourceId = resourceId, Need = "Behov." }, now);
        Assert.True(request.Submit(head, now).Succeeded);
        var review = new ResourceReview(request, now) { AgreementNeed = need };
        review.SignReview(sara, now);
        Assert.True(request.Decide(sara, review, Decision.Approved, null, null, now).Succeeded);
        var email = administrator.ToLowerInvariant().Replace(' ', '.') + "@mittkoping.example";
        Assert.True(request.NameResponsibles(head, head.UserId, administrator, email, now).Succeeded);
        Assert.True(request.ConfirmTraining(head, now).Succeeded);
        db.ResourceRequests.Add(request);
        db.ResourceReviews.Add(review);
        await db.SaveChangesAsync();
        return request.Id;
    });

    /// <summary>Ahmed Karimi records the security coordinator's part on the request's current review, through the domain:
    /// a decision on a review that says personal data is processed needs it.</summary>
    public static Task RecordSecurityPartAsync(this EnsaAppFactory app, Guid requestId) => app.WithDbAsync(async db =>
    {
        var request = await db.ResourceRequests.IgnoreQueryFilters().SingleAsync(r => r.Id == requestId);
        var review = await db.ResourceReviews.IgnoreQueryFilters().Where(r => r.RequestId == requestId).OrderByDescending(r => r.CreatedAt).FirstAsync();
        var ahmed = await ActorAsync(db, "ahmed.karimi@mittkoping.example", Role.SecurityCoordinator);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.True(request.RecordSecurityReview(ahmed, review, now).Succeeded);
        review.RecordSecurity(ahmed, "Godtagbart.", now);
        return await db.SaveChangesAsync();
    });

    public static Task<RequestStatus> StatusAsync(this EnsaAppFactory app, Guid id) =>
        app.WithDbAsync(db => db.ResourceRequests.IgnoreQueryFilters().Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
}
