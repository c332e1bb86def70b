using Ensa.Common;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Suppliers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Demo;

/// <summary>One demo account, offered with one click on the sign-in page in Development/Demo mode.</summary>
public sealed record DemoAccount(string Email, string RoleLabel, string Where);

/// <summary>Fills an empty database with two organizers (one municipality, one independent school company),
/// their school units and staff, and six suppliers. Every name is invented.</summary>
public sealed partial class DemoData(EnsaDbContext db, UserManager<EnsaUser> users, TimeProvider clock)
{
    public const string MittkopingSlug = "mittkoping";
    public const string LarandeNorrSlug = "larandenorr";
    private const string Mittkoping = "Mittköpings kommun";
    private const string LarandeNorr = "Lärande Norr AB";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("anna.lindberg@mittkoping.example", Roles.Requester, Mittkoping),
        new("karin.holm@mittkoping.example", Roles.Principal, Mittkoping),
        new("sara.nilsson@mittkoping.example", Roles.CentralReviewer, Mittkoping),
        new("ahmed.karimi@mittkoping.example", Roles.SecurityCoordinator, Mittkoping),
        new("lisa.ekstrom@mittkoping.example", Roles.OrganizerAdmin, Mittkoping),
        new("fredrik.ahlgren@larandenorr.example", Roles.OrganizerAdmin, LarandeNorr),
        new("elin.svahn@sagovaven.example", Roles.SupplierUser, "Sagoväven AB"),
        new("nora.lindgren@ensa.example", Roles.PlatformAdmin, "Ensa"),
    ];

    private static readonly (string School, string Unit, string Principal)[] MittkopingUnits =
    [
        ("Ekbackeskolan", "Ekbackeskolan F–3", "Karin Holm"),
        ("Ekbackeskolan", "Ekbackeskolan 4–9", "Johan Lind"),
        ("Kvarnbyskolan", "Kvarnbyskolan", "Maria Ek"),
        ("Solängsskolan", "Solängsskolan", "Erik Sandberg"),
        ("Björkhagaskolan", "Björkhagaskolan F–6", "Lena Björk"),
        ("Björkhagaskolan", "Björkhagaskolan 7–9", "Anders Nyström"),
        ("Ängsvallens skola", "Ängsvallens skola", "Sofia Berg"),
        ("Tallbackaskolan", "Tallbackaskolan", "Mikael Åström"),
        ("Sjöstadsskolan", "Sjöstadsskolan", "Eva Lundqvist"),
        ("Norrmalmsskolan", "Norrmalmsskolan", "Jonas Falk"),
        ("Lindängsskolan", "Lindängsskolan", "Helena Strand"),
        ("Hagaskolan", "Hagaskolan", "Oskar Wikström"),
    ];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Organizers.AnyAsync(cancellationToken)) return false;
        var now = clock.GetUtcNow().UtcDateTime;

        var suppliers = new[]
        {
            new Supplier("Sagoväven AB", OrgNr("559123456"), null, "SE", "Elin Svahn", "elin.svahn@sagovaven.example", now),
            new Supplier("Numerix Lärande AB", OrgNr("556987654"), null, "SE", "Per Gran", "per.gran@numerix.example", now),
            new Supplier("Kodkraft Education AB", OrgNr("559045123"), null, "SE", "Amira Haddad", "amira@kodkraft.example", now),
            new Supplier("Nordlär Förlag AB", OrgNr("556321987"), null, "SE", "Bengt Ros", "bengt.ros@nordlar.example", now),
            new Supplier("Quizzly Ltd", null, "IE 634512", "IE", "Siobhan Kelly", "privacy@quizzly.example", now),
            new Supplier("Lingua Bridge GmbH", null, "HRB 204817 (Amtsgericht München)", "DE", "Jonas Weber", "dpo@linguabridge.example", now),
        };
        db.Suppliers.AddRange(suppliers);

        var mittkoping = new Organizer(Mittkoping, MittkopingSlug, OrganisationNumber.Parse(OrgNr("212000123")),
            OrganizerKind.Municipality, "Grundskolenämnden", now);
        mittkoping.SetDataProtectionOfficer("Dataskyddsombudet i Mittköping", "dataskyddsombud@mittkoping.example");
        var larande = new Organizer(LarandeNorr, LarandeNorrSlug, OrganisationNumber.Parse(OrgNr("559234567")),
            OrganizerKind.IndependentSchool, "Lärande Norr AB (styrelsen)", now);
        larande.SetDataProtectionOfficer("Dataskyddsombud, Lärande Norr", "dso@larandenorr.example");
        db.Organizers.AddRange(mittkoping, larande);

        // Mittköping: the administration with its central department, schools and their school units.
        var administration = OrganisationUnit.Administration(mittkoping.Id, "Utbildningsförvaltningen");
        var central = OrganisationUnit.Administration(mittkoping.Id, "Digitalisering och innovation", administration.Id);
        db.OrganisationUnits.AddRange(administration, central);
        var schools = new Dictionary<string, OrganisationUnit>();
        var unitCode = 84520101;
        var mittkopingUnits = new List<(OrganisationUnit Unit, string Principal)>();
        foreach (var (schoolName, unitName, principal) in MittkopingUnits)
        {
            if (!schools.TryGetValue(schoolName, out var school))
            {
                school = schools[schoolName] = OrganisationUnit.School(mittkoping.Id, administration.Id, schoolName);
                db.OrganisationUnits.Add(school);
            }
            var unit = OrganisationUnit.SchoolUnit(mittkoping.Id, school.Id, unitName, (unitCode++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            db.OrganisationUnits.Add(unit);
            mittkopingUnits.Add((unit, principal));
        }

        var head = OrganisationUnit.Administration(larande.Id, "Huvudkontoret");
        db.OrganisationUnits.Add(head);
        var larandeUnits = new[] { ("Lärande Norr Umeå", "39104512"), ("Lärande Norr Luleå", "39104513"), ("Lärande Norr Skellefteå", "39104514") }
            .Select(u => OrganisationUnit.SchoolUnit(larande.Id, head.Id, u.Item1, u.Item2)).ToList();
        db.OrganisationUnits.AddRange(larandeUnits);
        await db.SaveChangesAsync(cancellationToken);

        // People. Principals of every Mittköping unit; one person per other role.
        foreach (var (unit, principal) in mittkopingUnits)
        {
            var user = await CreateUserAsync(Email(principal, "mittkoping"), principal, now);
            db.Memberships.Add(new Membership(user.Id, mittkoping.Id, Role.Principal, unit.Id, now));
        }
        var firstUnit = mittkopingUnits[0].Unit;
        var anna = await CreateUserAsync("anna.lindberg@mittkoping.example", "Anna Lindberg", now);
        db.Memberships.Add(new Membership(anna.Id, mittkoping.Id, Role.Requester, firstUnit.Id, now));
        var sara = await CreateUserAsync("sara.nilsson@mittkoping.example", "Sara Nilsson", now);
        db.Memberships.Add(new Membership(sara.Id, mittkoping.Id, Role.CentralReviewer, central.Id, now));
        // The security coordinator serves both organizers: the demo of switching organizer.
        var ahmed = await CreateUserAsync("ahmed.karimi@mittkoping.example", "Ahmed Karimi", now);
        db.Memberships.Add(new Membership(ahmed.Id, mittkoping.Id, Role.SecurityCoordinator, central.Id, now));
        db.Memberships.Add(new Membership(ahmed.Id, larande.Id, Role.SecurityCoordinator, head.Id, now));
        var lisa = await CreateUserAsync("lisa.ekstrom@mittkoping.example", "Lisa Ekström", now);
        db.Memberships.Add(new Membership(lisa.Id, mittkoping.Id, Role.OrganizerAdmin, central.Id, now));

        var fredrik = await CreateUserAsync("fredrik.ahlgren@larandenorr.example", "Fredrik Ahlgren", now);
        db.Memberships.Add(new Membership(fredrik.Id, larande.Id, Role.OrganizerAdmin, head.Id, now));
        // A small organizer: its administrator is also its central reviewer.
        db.Memberships.Add(new Membership(fredrik.Id, larande.Id, Role.CentralReviewer, head.Id, now));
        var ida = await CreateUserAsync("ida.persson@larandenorr.example", "Ida Persson", now);
        db.Memberships.Add(new Membership(ida.Id, larande.Id, Role.Principal, larandeUnits[0].Id, now));

        var elin = await CreateUserAsync("elin.svahn@sagovaven.example", "Elin Svahn", now);
        elin.SupplierId = suppliers[0].Id;
        var nora = await CreateUserAsync("nora.lindgren@ensa.example", "Nora Lindgren", now);
        nora.IsPlatformAdmin = true;

        db.LearningResources.AddRange(Resources(suppliers, now));
        db.FrameworkAgreements.AddRange(new FrameworkAgreement(mittkoping.Id, "ATEA"), new FrameworkAgreement(mittkoping.Id, "GR Utbildning"),
            new FrameworkAgreement(larande.Id, "Adda – Digitala läromedel"));
        await db.SaveChangesAsync(cancellationToken);
        await SeedRequestsAsync(now, cancellationToken);
        return true;
    }

    private static IEnumerable<LearningResource> Resources(Supplier[] s, DateTime now)
    {
        LearningResource R(string name, Supplier supplier, ResourceType type, string description, string? web, string? platforms,
            SchoolForms forms, string grades, string subjects, SignInMethods signIn, bool personalData, Pricing pricing) =>
            new(name, supplier.Id, type, now)
            {
                Description = description, WebAddress = web, Platforms = platforms, SchoolForms = forms, Grades = grades,
                Subjects = subjects, SignInMethods = signIn, ProcessesPersonalData = personalData, Pricing = pricing,
            };

        yield return R("Sagoväven Läsresan", s[0], ResourceType.WebService, "Läsfrämjande webbtjänst med e-böcker och ljudböcker anpassade efter elevens läsnivå.",
            "https://lasresan.sagovaven.example", "Webb, iOS, Android", SchoolForms.Compulsory, "F–6", "Svenska, Svenska som andraspråk",
            SignInMethods.FederatedSchoolLogin | SignInMethods.Google, true, Pricing.Paid);
        yield return R("Sagoväven Bokstavslek", s[0], ResourceType.App, "App för tidig läsinlärning med ljud och bokstäver.",
            null, "iOS, Android", SchoolForms.Preschool | SchoolForms.Compulsory, "F–2", "Svenska", SignInMethods.NoSignIn, false, Pricing.Free);
        yield return R("Numerix Matteträning", s[1], ResourceType.WebService, "Adaptiv färdighetsträning i matematik med lärarvy och uppföljning.",
            "https://numerix.example", "Webb", SchoolForms.Compulsory, "1–9", "Matematik",
            SignInMethods.FederatedSchoolLogin | SignInMethods.Microsoft, true, Pricing.Paid);
        yield return R("Kodkraft Blocklabb", s[2], ResourceType.WebService, "Programmering med block och Python, med klassrum för läraren.",
            "https://blocklabb.kodkraft.example", "Webb", SchoolForms.Compulsory | SchoolForms.UpperSecondary, "4–9, gymnasiet", "Teknik, Matematik",
            SignInMethods.Google | SignInMethods.Microsoft | SignInMethods.OwnAccounts, true, Pricing.Freemium);
        yield return R("Nordlär Samhälle 7–9, digital del", s[3], ResourceType.BookDigitalPart, "Digital del till läroboken Samhälle 7–9 med övningar och ljud.",
            "https://samhalle.nordlar.example", "Webb", SchoolForms.Compulsory, "7–9", "Samhällskunskap",
            SignInMethods.FederatedSchoolLogin, true, Pricing.Paid);
        yield return R("Quizzly", s[4], ResourceType.WebService, "Frågesporter i klassrummet; eleverna svarar från egna enheter.",
            "https://quizzly.example", "Webb, iOS, Android", SchoolForms.Compulsory | SchoolForms.UpperSecondary | SchoolForms.Adult, "4–9, gymnasiet",
            "Alla ämnen", SignInMethods.Google | SignInMethods.Microsoft | SignInMethods.OwnAccounts, true, Pricing.Freemium);
        yield return R("Lingua Bridge Vokabel", s[5], ResourceType.App, "Glosträning i engelska, tyska, franska och spanska med taligenkänning.",
            "https://vokabel.linguabridge.example", "iOS, Android, Webb", SchoolForms.Compulsory | SchoolForms.UpperSecondary, "6–9, gymnasiet",
            "Engelska, Moderna språk", SignInMethods.OwnAccounts, true, Pricing.Paid);
    }

    private async Task<EnsaUser> CreateUserAsync(string email, string name, DateTime now)
    {
        var user = EnsaUser.Create(email, name, now);
        user.EmailConfirmed = true;
        var result = await users.CreateAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    private static string Email(string name, string domain) =>
        new string(name.ToLowerInvariant().Replace(' ', '.').Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetter(c) || c == '.').ToArray()) + $"@{domain}.example";

    /// <summary>Makes a valid organisation number from its first nine digits.</summary>
    private static string OrgNr(string body) => body + Luhn.CheckDigit(body).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
