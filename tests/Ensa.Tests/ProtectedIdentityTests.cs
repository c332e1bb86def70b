using Ensa.Identity;
using Ensa.MasterData;
using Ensa.Organizers;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>A person the organizer's source marks "Skyddad folkbokföring" never reaches the supplier: not offered as the
/// agreement's contact, and not shown in the agreement document the supplier signs, while the organizer's own pages keep
/// the name.</summary>
public abstract class ProtectedIdentityTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Sara = "Sara Nilsson", SaraEmail = "sara.nilsson@mittkoping.example";

    private void RequireDatabase()
    {
        if (app is PostgresAppFactory) TestEnvironment.RequirePostgres();
    }

    private Task<int> MarkProtectedAsync(string email, bool linked) => app.WithDbAsync(async db =>
    {
        var organizer = await db.Organizers.SingleAsync(o => o.Slug == Demo.DemoData.MittkopingSlug);
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var person = new ImportedPerson(organizer.Id, Guid.NewGuid().ToString());
        person.Update(user.DisplayName, email, [], isProtectedIdentity: true);
        if (linked) person.LinkAccount(user.Id);
        db.ImportedPersons.Add(person);
        return await db.SaveChangesAsync();
    });

    private static string ContactName(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("input[name='Parts.AgreementContactName']")!.GetAttribute("value") ?? "";

    [Fact]
    public async Task AgreementContact_OfAProtectedPerson_IsNeitherOfferedNorInTheDocument()
    {
        RequireDatabase();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        Assert.Equal(Sara, ContactName(await sara.GetPageAsync("/Agreements/New")));
        var resource = await app.WithDbAsync(db => db.LearningResources.Where(r => r.Name == "Numerix Matteträning").Select(r => r.Id).SingleAsync());
        var created = await sara.SubmitAsync("/Agreements/New", "main form", new Dictionary<string, string> { ["ResourceId"] = resource.ToString() });
        var url = created.Headers.Location!.OriginalString;
        var parties = EnsaClient.Text(await sara.GetPageAsync(url + "/Document"), ".parties");
        Assert.Contains(SaraEmail, parties, StringComparison.Ordinal);

        await MarkProtectedAsync(SaraEmail, linked: true);

        Assert.Equal("", ContactName(await sara.GetPageAsync("/Agreements/New")));
        var document = await sara.GetPageAsync(url + "/Document");
        var text = document.Body!.TextContent;
        Assert.DoesNotContain(Sara, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SaraEmail, text, StringComparison.Ordinal);
        Assert.Contains("Skyddad personuppgift", EnsaClient.Text(document, ".parties"), StringComparison.Ordinal);
        // The organizer's own page keeps the name.
        Assert.Contains(Sara, (await sara.GetPageAsync(url)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtectedPerson_IsProtectedAtTheirOwnOrganizerOnly()
    {
        RequireDatabase();
        await MarkProtectedAsync("anna.lindberg@mittkoping.example", linked: true);
        await MarkProtectedAsync("karin.holm@mittkoping.example", linked: false);

        var (anna, karin, elsewhere) = await app.WithDbAsync(async db =>
        {
            var organizers = await db.Organizers.ToListAsync();
            var (mittkoping, other) = (organizers.Single(o => o.Slug == Demo.DemoData.MittkopingSlug), organizers.First(o => o.Kind == OrganizerKind.IndependentSchool));
            var ids = await db.Users.Where(u => u.Email == "anna.lindberg@mittkoping.example" || u.Email == "karin.holm@mittkoping.example")
                .ToDictionaryAsync(u => u.Email!, u => u.Id);
            return (await db.IsProtectedAsync(mittkoping.Id, ids["anna.lindberg@mittkoping.example"]),
                await db.IsProtectedAsync(mittkoping.Id, ids["karin.holm@mittkoping.example"]),
                await db.IsProtectedAsync(other.Id, ids["anna.lindberg@mittkoping.example"]));
        });
        Assert.Equal((true, false, false), (anna, karin, elsewhere));
    }
}

public sealed class ProtectedIdentitySqliteTests(EnsaAppFactory app) : ProtectedIdentityTests<EnsaAppFactory>(app);

public sealed class ProtectedIdentityPostgresTests(PostgresAppFactory app) : ProtectedIdentityTests<PostgresAppFactory>(app);
