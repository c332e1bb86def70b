using Ensa.Agreements;
using Ensa.Identity;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests.Infrastructure;

/// <summary>Finds what the demo data holds, by the names a test speaks of, and builds the few rows it lacks.</summary>
public static class DemoScenarios
{
    public static Task<Guid> ResourceIdAsync(this EnsaAppFactory app, string name) =>
        app.WithDbAsync(db => db.LearningResources.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    public static Task<Guid> UnitIdAsync(this EnsaAppFactory app, string name) =>
        app.WithDbAsync(db => db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    /// <summary>The school unit (the one with a school unit code) of this name.</summary>
    public static Task<Guid> SchoolUnitIdAsync(this EnsaAppFactory app, string name) =>
        app.WithDbAsync(db => db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.Name == name && u.SchoolUnitCode != null).Select(u => u.Id).SingleAsync());

    public static Task<Guid> OrganizerIdAsync(this EnsaAppFactory app, string slug) =>
        app.WithDbAsync(db => db.Organizers.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync());

    public static Task<Guid> UserIdAsync(this EnsaAppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<Guid> SupplierIdAsync(this EnsaAppFactory app, string name) =>
        app.WithDbAsync(db => db.Suppliers.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    /// <summary>The demo agreement in force, Mittköping's for Sagoväven Läsresan (GSN 2026/0412).</summary>
    public static Task<Guid> DemoAgreementIdAsync(this EnsaAppFactory app) =>
        app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
            .Where(a => a.RegistryNumber == "GSN 2026/0412" && a.Status == AgreementStatus.InForce).Select(a => a.Id).SingleAsync());

    /// <summary>A draft by Anna Lindberg for her unit, for a resource not in the catalogue.</summary>
    public static Task<Guid> DraftAsync(this EnsaAppFactory app, string proposedName) => app.WithDbAsync(async db =>
    {
        var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == RequestScenarios.Unit);
        var anna = await RequestScenarios.ActorAsync(db, "anna.lindberg@mittkoping.example", Role.Requester);
        var request = ResourceRequest.CreateDraft(unit.OrganizerId, unit.Id, anna,
            new RequestDetails { ProposedName = proposedName, ProposedSupplier = "Okänd", Need = "Behövs.", Users = RequestUsers.Pupils },
            app.Clock.GetUtcNow().UtcDateTime);
        db.ResourceRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });
}
