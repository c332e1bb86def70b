using System.Globalization;
using Ensa.Common;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Suppliers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.BrowserTests.Infrastructure;

public sealed record SeededSupplier(string Name, string ContactEmail);

public sealed record SeededResource(string Name, SeededSupplier Supplier);

/// <summary>A school unit and its principal (who is also its registeransvarig).</summary>
public sealed record SeededUnit(string Name, string Principal);

/// <summary>What a test needs and no other test touches, made in the shared app's database through the domain's own
/// constructors and steps (as the demo data is) and saved through the app's DbContext, so its interceptors (audit,
/// public list cache) see it. Every name ends in a fresh suffix, so tests never see each other's rows.</summary>
public sealed class TestData(IServiceProvider services)
{
    /// <summary>"{name} {8 hex digits}": unique in this run and any other on the same database.</summary>
    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A random Swedish organisation number, NNNNNN-NNNN, whose last digit is the Luhn check digit of the nine
    /// before it (computed here, not by the code under test).</summary>
    public static string OrganisationNumber()
    {
        var digits = Enumerable.Range(0, 9).Select(_ => Random.Shared.Next(10)).ToList();
        // Luhn: from the right of the body, every other digit (the first included) doubled, digits of the product summed.
        var sum = digits.AsEnumerable().Reverse().Select((d, i) => i % 2 == 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d).Sum();
        digits.Add((10 - sum % 10) % 10);
        var all = string.Concat(digits);
        return $"{all[..6]}-{all[6..]}";
    }

    /// <summary>A Swedish supplier whose catalogue contact has an address of its own; nobody acts for it in Ensa.</summary>
    public Task<SeededSupplier> AddSupplierAsync() => WithDbAsync(async db =>
    {
        var name = Unique("Leverantören");
        var email = $"kontakt.{name[^8..]}@leverantor.example";
        db.Suppliers.Add(new Supplier(name, OrganisationNumber(), null, "SE", "Kim Kontakt", email, Now));
        await db.SaveChangesAsync();
        return new SeededSupplier(name, email);
    });

    /// <summary>A web service of a new supplier in the shared catalogue, undecided everywhere, that processes pupils'
    /// personal data and has pupils sign in with the school's login (as most requested resources do).</summary>
    public async Task<SeededResource> AddResourceAsync(string name = "Lärresursen", string subjects = "Svenska")
    {
        var supplier = await AddSupplierAsync();
        return await WithDbAsync(async db =>
        {
            var resource = new LearningResource(Unique(name), await db.Suppliers.Where(s => s.Name == supplier.Name).Select(s => s.Id).SingleAsync(),
                ResourceType.WebService, Now)
            {
                Description = "Övningar på elevens nivå med lärarvy.", Platforms = "Webb", SchoolForms = SchoolForms.Compulsory, Grades = "1–9",
                Subjects = subjects, SignInMethods = SignInMethods.FederatedSchoolLogin | SignInMethods.Google, ProcessesPersonalData = true,
                Pricing = Pricing.Paid,
            };
            db.LearningResources.Add(resource);
            await db.SaveChangesAsync();
            return new SeededResource(resource.Name, supplier);
        });
    }

    /// <summary>A school unit of the organizer, directly under its top administration, with a principal of its own.</summary>
    public Task<SeededUnit> AddSchoolUnitAsync(string organizerSlug) => WithDbAsync(async (db, scope) =>
    {
        var organizerId = await OrganizerIdAsync(db, organizerSlug);
        var top = await db.OrganisationUnits.IgnoreQueryFilters()
            .Where(u => u.OrganizerId == organizerId && u.Kind == UnitKind.Administration && u.ParentId == null).Select(u => u.Id).FirstAsync();
        var unit = OrganisationUnit.SchoolUnit(organizerId, top, Unique("Skolenheten"), Random.Shared.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture));
        db.OrganisationUnits.Add(unit);
        var principal = Unique("Rektor");
        var user = EnsaUser.Create($"rektor.{principal[^8..]}@skola.example", principal, Now);
        user.EmailConfirmed = true;
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<EnsaUser>>().CreateAsync(user);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        db.Memberships.Add(new Membership(user.Id, organizerId, Role.Principal, unit.Id, Now));
        await db.SaveChangesAsync();
        return new SeededUnit(unit.Name, principal);
    });

    /// <summary>The unit's principal requests the resource for the unit; the demo's central reviewer (Sara Nilsson) reviews
    /// it (agreement already signed, review shared) and approves it with <paramref name="conditions"/>. With an
    /// administrator, the principal then names the responsibles and confirms training: the resource is in use there.</summary>
    public Task ApproveWithConditionsAsync(SeededResource resource, SeededUnit unit, string conditions,
        (string Name, string Email)? administrator = null) => WithDbAsync(async db =>
    {
        var at = Now;
        var schoolUnit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == unit.Name);
        var principalId = await db.Users.Where(u => u.DisplayName == unit.Principal).Select(u => u.Id).SingleAsync();
        var principal = new Actor(principalId, unit.Principal, new HashSet<Role> { Role.Principal }, new HashSet<Guid> { schoolUnit.Id });
        var sara = await db.Users.SingleAsync(u => u.Email == "sara.nilsson@mittkoping.example");
        var reviewer = Actor.OrganizerStaff(sara.Id, sara.DisplayName, new HashSet<Role> { Role.CentralReviewer });
        var resourceId = await db.LearningResources.Where(r => r.Name == resource.Name).Select(r => r.Id).SingleAsync();

        var request = ResourceRequest.CreateDraft(schoolUnit.OrganizerId, schoolUnit.Id, principal,
            new RequestDetails { ResourceId = resourceId, Need = "Behövs i undervisningen.", Users = RequestUsers.Pupils | RequestUsers.Staff, ApproxUsers = 60 }, at);
        Ok(request.Submit(principal, at));
        var review = new ResourceReview(request, at)
        {
            PedagogicalAssessment = "Följer kursplanen.",
            Accessibility = AccessibilityAssessment.Good,
            PersonalDataCategories = "Namn, klass, inloggnings-id",
            ScreeningChildren = true,
            AgreementNeed = AgreementNeed.AlreadySigned,
            Shared = true,
        };
        Ok(request.RecordReview(reviewer, review, at));
        review.SignReview(reviewer, at);
        Ok(request.WaiveSecurityReview(reviewer, review, "Bedömd tidigare för samma tjänst.", at));
        Ok(request.Decide(reviewer, review, Decision.ApprovedWithConditions, conditions, null, at));
        if (administrator is var (name, email))
        {
            Ok(request.NameResponsibles(principal, principalId, name, email, at));
            Ok(request.ConfirmTraining(principal, at));
            Assert.Equal(RequestStatus.InUse, request.Status);
        }
        db.ResourceRequests.Add(request);
        db.ResourceReviews.Add(review);
        await db.SaveChangesAsync();
    });

    /// <summary>The organizer's school units now (the start page's figure "Skolenheter").</summary>
    public Task<int> SchoolUnitCountAsync(string organizerSlug) => WithDbAsync(async db =>
    {
        var organizerId = await OrganizerIdAsync(db, organizerSlug);
        return await db.OrganisationUnits.IgnoreQueryFilters().CountAsync(u => u.OrganizerId == organizerId && u.Kind == UnitKind.SchoolUnit);
    });

    /// <summary>The suppliers now (shared by all organizers; tests add their own).</summary>
    public Task<int> SupplierCountAsync() => WithDbAsync(db => db.Suppliers.CountAsync());

    private static DateTime Now => DateTime.UtcNow;

    private static Task<Guid> OrganizerIdAsync(EnsaDbContext db, string slug) =>
        db.Organizers.IgnoreQueryFilters().Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();

    private Task<T> WithDbAsync<T>(Func<EnsaDbContext, Task<T>> work) => WithDbAsync((db, _) => work(db));

    private async Task WithDbAsync(Func<EnsaDbContext, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<EnsaDbContext>());
    }

    private async Task<T> WithDbAsync<T>(Func<EnsaDbContext, AsyncServiceScope, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<EnsaDbContext>(), scope);
    }

    private static void Ok(Result result) => Assert.True(result.Succeeded, $"Seeding: step refused ({result.Error?.Code}).");
}
