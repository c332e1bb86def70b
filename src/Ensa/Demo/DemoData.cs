using Ensa.Agreements;
using Ensa.Common;
using Ensa.Data;
using Ensa.Identity;
using Ensa.MasterData;
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
/// their school units and staff, and twelve suppliers. Mittköping's schools, school units and principals come in through
/// the SS 12000 import of a bundled sample, so every demo start exercises the importer. Every name is invented.</summary>
public sealed partial class DemoData(EnsaDbContext db, UserManager<EnsaUser> users, TimeProvider clock)
{
    public const string MittkopingSlug = "mittkoping";
    public const string LarandeNorrSlug = "larandenorr";
    private const string Mittkoping = "Mittköpings kommun";
    private const string LarandeNorr = "Lärande Norr AB";
    private const string RequesterEmail = "tove.bergman@mittkoping.example";

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

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Organizers.AnyAsync(cancellationToken)) return false;
        var now = clock.GetUtcNow().UtcDateTime;

        Supplier[] suppliers =
        [
            new Supplier("Sagoväven AB", OrgNr("559123456"), null, "SE", "Elin Svahn", "elin.svahn@sagovaven.example", now),
            new Supplier("Numerix Lärande AB", OrgNr("556987654"), null, "SE", "Per Gran", "per.gran@numerix.example", now),
            new Supplier("Kodkraft Education AB", OrgNr("559045123"), null, "SE", "Amira Haddad", "amira@kodkraft.example", now),
            new Supplier("Nordlär Förlag AB", OrgNr("556321987"), null, "SE", "Bengt Ros", "bengt.ros@nordlar.example", now),
            new Supplier("Quizzly Ltd", null, "IE 634512", "IE", "Siobhan Kelly", "privacy@quizzly.example", now),
            new Supplier("Lingua Bridge GmbH", null, "HRB 204817 (Amtsgericht München)", "DE", "Jonas Weber", "dpo@linguabridge.example", now),
            .. MoreSuppliers(now),
        ];
        db.Suppliers.AddRange(suppliers);

        var mittkoping = new Organizer(Mittkoping, MittkopingSlug, OrganisationNumber.Parse(OrgNr("212000123")),
            OrganizerKind.Municipality, "Grundskolenämnden", now);
        mittkoping.SetDataProtectionOfficer("Dataskyddsombudet i Mittköping", "dataskyddsombud@mittkoping.example");
        var larande = new Organizer(LarandeNorr, LarandeNorrSlug, OrganisationNumber.Parse(OrgNr("559234567")),
            OrganizerKind.IndependentSchool, "Lärande Norr AB (styrelsen)", now);
        larande.SetDataProtectionOfficer("Dataskyddsombud, Lärande Norr", "dso@larandenorr.example");
        db.Organizers.AddRange(mittkoping, larande);

        // Mittköping: the administration with its central department; schools, school units and principals come from the
        // bundled SS 12000 sample through the importer, as an organizer's would.
        var administration = OrganisationUnit.Administration(mittkoping.Id, "Utbildningsförvaltningen");
        var central = OrganisationUnit.Administration(mittkoping.Id, "Digitalisering och innovation", administration.Id);
        db.OrganisationUnits.AddRange(administration, central);

        var head = OrganisationUnit.Administration(larande.Id, "Huvudkontoret");
        db.OrganisationUnits.Add(head);
        var larandeUnits = new[] { ("Lärande Norr Umeå", "39104512"), ("Lärande Norr Luleå", "39104513"), ("Lärande Norr Skellefteå", "39104514") }
            .Select(u => OrganisationUnit.SchoolUnit(larande.Id, head.Id, u.Item1, u.Item2)).ToList();
        db.OrganisationUnits.AddRange(larandeUnits);
        await db.SaveChangesAsync(cancellationToken);
        await ImportMittkopingAsync(mittkoping.Id, now, cancellationToken);

        // One person per other role.
        var firstUnit = db.OrganisationUnits.Local.Single(u => u.Name == "Ekbackeskolan F–3");
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
        // A teacher whose requests wait for her principal.
        var tove = await CreateUserAsync(RequesterEmail, "Tove Bergman", now);
        db.Memberships.Add(new Membership(tove.Id, mittkoping.Id, Role.Requester, SchoolUnit("Hagaskolan").Id, now));

        var fredrik = await CreateUserAsync("fredrik.ahlgren@larandenorr.example", "Fredrik Ahlgren", now);
        db.Memberships.Add(new Membership(fredrik.Id, larande.Id, Role.OrganizerAdmin, head.Id, now));
        // A small organizer: its administrator is also its central reviewer.
        db.Memberships.Add(new Membership(fredrik.Id, larande.Id, Role.CentralReviewer, head.Id, now));
        var ida = await CreateUserAsync("ida.persson@larandenorr.example", "Ida Persson", now);
        db.Memberships.Add(new Membership(ida.Id, larande.Id, Role.Principal, larandeUnits[0].Id, now));

        var elin = await CreateUserAsync("elin.svahn@sagovaven.example", "Elin Svahn", now);
        elin.SupplierId = suppliers[0].Id;
        elin.IsSupplierAdmin = true;
        var nora = await CreateUserAsync("nora.lindgren@ensa.example", "Nora Lindgren", now);
        nora.IsPlatformAdmin = true;

        var resources = Resources(suppliers, now).Concat(CatalogueResources(suppliers, now)).ToList();
        db.LearningResources.AddRange(resources);
        db.FrameworkAgreements.AddRange(new FrameworkAgreement(mittkoping.Id, "ATEA"), new FrameworkAgreement(mittkoping.Id, "GR Utbildning"),
            new FrameworkAgreement(larande.Id, "Adda – Digitala läromedel"));
        var template = await PlaceholderTemplate.EnsureAsync(db, now, cancellationToken);
        var parts = new OrganizerParts(mittkoping.ControllerName, new ContactPerson(lisa.DisplayName, lisa.Email!),
            new ContactPerson(mittkoping.DataProtectionOfficerName!, mittkoping.DataProtectionOfficerEmail!));
        var by = (Actor.OrganizerStaff(lisa.Id, lisa.DisplayName, new HashSet<Role> { Role.OrganizerAdmin }),
            Actor.OrganizerStaff(sara.Id, sara.DisplayName, new HashSet<Role> { Role.CentralReviewer }),
            Actor.OrganizerStaff(ahmed.Id, ahmed.DisplayName, new HashSet<Role> { Role.SecurityCoordinator }));
        AddAgreements(template, mittkoping, resources, suppliers, elin, parts, by, now);
        await db.SaveChangesAsync(cancellationToken);
        await SeedRequestsAsync(now, cancellationToken);
        await SeedCatalogueAsync(template, parts, by, now, cancellationToken);
        return true;
    }

    /// <summary>The bundled SS 12000 sample written for Mittköping: the three responses, embedded in this assembly.</summary>
    public static async Task<Ss12000Snapshot> ReadSs12000SampleAsync(CancellationToken cancellationToken = default)
    {
        static Stream Sample(string list) => typeof(DemoData).Assembly.GetManifestResourceStream($"Ensa.Demo.Ss12000.{list}.json")
            ?? throw new InvalidOperationException($"Demo data: the SS 12000 sample {list}.json is not embedded.");
        await using var organisations = Sample("organisations");
        await using var persons = Sample("persons");
        await using var duties = Sample("duties");
        return await Ss12000Source.ReadFilesAsync(organisations, persons, duties, cancellationToken);
    }

    private async Task ImportMittkopingAsync(Guid organizerId, DateTime now, CancellationToken cancellationToken)
    {
        var snapshot = await ReadSs12000SampleAsync(cancellationToken);
        var (result, summary) = await Ss12000Import.RunAsync(db, organizerId, snapshot, now, cancellationToken);
        if (!result.Succeeded || summary!.Skipped.Count > 0)
            throw new InvalidOperationException($"Demo data: the SS 12000 sample did not import cleanly ({result.Error?.Code ?? summary!.Skipped[0].Reason.Code}).");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Two published supplier descriptions and Mittköping's agreement in force for Sagoväven Läsresan.</summary>
    private void AddAgreements(AgreementTemplate template, Organizer mittkoping, List<LearningResource> resources, Supplier[] suppliers, EnsaUser elin,
        OrganizerParts parts, (Actor Admin, Actor Reviewer, Actor Security) by, DateTime now)
    {
        var today = SwedishCalendar.Today(now);
        var sagovaven = Actor.SupplierUser(elin.Id, elin.DisplayName, suppliers[0].Id);
        var lasresan = resources.Single(r => r.Name == "Sagoväven Läsresan");
        Ok(SupplierDescription.StartFirstDraft(sagovaven, lasresan, now, out var description));
        Ok(description!.Edit(sagovaven, LasresanDescription(), now));
        Ok(description.Publish(sagovaven, now));

        var numerix = Actor.SupplierUser(Guid.NewGuid(), "Per Gran", suppliers[1].Id);
        Ok(SupplierDescription.StartFirstDraft(numerix, resources.Single(r => r.Name == "Numerix Matteträning"), now, out var numerixDescription));
        Ok(numerixDescription!.Edit(numerix, NumerixDescription(), now));
        Ok(numerixDescription.Publish(numerix, now));
        db.SupplierDescriptions.AddRange(description, numerixDescription);

        Ok(Agreement.Create(mittkoping.Id, by.Admin, template!, lasresan, description, parts with { RegistryNumber = "GSN 2026/0412" }, now, out var agreement));
        Ok(agreement!.StartReview(by.Reviewer, now));
        Ok(agreement.RecordReview(by.Reviewer, "Pedagogiskt värdefull; uppgifterna begränsade till det som behövs.", now));
        SignAndPutInForce(agreement, by, "Överföringen till USA sker med stöd av DPF; godtagbar.",
            new SignatoryInput(AgreementParty.Supplier, "Elin Svahn", "VD, Sagoväven AB", today), "PUB-avtal Sagoväven Läsresan.pdf",
            "PUB-avtal Mittkopings kommun - Sagovaven AB (demo)", today, today.AddYears(1), today.AddYears(3), now);
        db.Agreements.Add(agreement);
    }

    private static InstructionContent LasresanDescription() => new()
    {
        SubjectMatter = "Läsfrämjande webbtjänst med e-böcker och ljudböcker för elever i förskoleklass till årskurs 6.",
        Nature = "Insamling, lagring och sammanställning av elevers läsaktivitet; utskick av e-post till lärare.",
        Purposes = "Att eleverna ska kunna läsa böcker på sin nivå och att läraren ska kunna följa och stödja deras läsning.",
        DataSubjects = [new(DataSubjectKind.Pupils, "Elever som använder tjänsten"), new(DataSubjectKind.Staff, "Lärare med klasskonto")],
        PersonalData =
        [
            new("Namn och klass"),
            new("Användaridentitet från skolans inloggning"),
            new("Läshistorik och lästid"),
            new("E-postadress", Notes: "Endast lärare"),
        ],
        ProcessingOperations = ["Lagring", "Sammanställning", "Visning för behörig lärare", "Utskick av e-post", "Radering"],
        Retention = "Så länge eleven har ett aktivt konto genom huvudmannen.",
        Deletion = "Uppgifterna raderas senast 30 dagar efter att kontot avslutats eller avtalet upphört.",
        Locations =
        [
            new("Drift och lagring, Stockholm", "SE", LocationUse.Processing | LocationUse.Storage),
            new("E-postutskick", "US", LocationUse.Processing),
        ],
        Transfers = [new("Postverket Mail Inc.", "US", TransferSafeguard.DataPrivacyFramework, "Endast lärares e-postadress")],
        SecurityMeasures = ["Kryptering vid överföring och lagring", "Tvåfaktorsinloggning för personal med administratörsbehörighet", "Årlig penetrationstest"],
        Logging = "All åtkomst till elevuppgifter loggas med användare och tidpunkt; loggar sparas i tolv månader.",
        LogAccess = "Huvudmannen får utdrag ur loggarna på begäran inom fem arbetsdagar.",
        AgreementContact = new("Elin Svahn", "elin.svahn@sagovaven.example", "08-123 45 60"),
        DataProtectionContact = new("Dataskydd Sagoväven", "dataskydd@sagovaven.example"),
        SubProcessors =
        [
            new("Molnhallen Norden AB", OrganisationNumber.Parse(OrgNr("559876543")).ToString(), "Serverhallsvägen 3, 123 45 Stockholm",
                "Drift och lagring av tjänsten", "SE"),
            new("Postverket Mail Inc.", null, "100 Market Street, San Francisco, CA, USA", "Utskick av e-post till lärare", "US",
                TransferSafeguard.DataPrivacyFramework),
        ],
    };

    private static InstructionContent NumerixDescription() => new()
    {
        SubjectMatter = "Adaptiv färdighetsträning i matematik för årskurs 1–9.",
        Nature = "Lagring och analys av elevers svar för att anpassa uppgifterna.",
        Purposes = "Att eleverna ska få uppgifter på rätt nivå och att läraren ska kunna följa deras utveckling.",
        DataSubjects = [new(DataSubjectKind.Pupils), new(DataSubjectKind.Staff, "Lärare")],
        PersonalData = [new("Namn och klass"), new("Användaridentitet från skolans inloggning"), new("Svar och resultat")],
        ProcessingOperations = ["Lagring", "Analys", "Visning för behörig lärare", "Radering"],
        Retention = "Läsåret ut och därefter ett år, så att läraren kan följa utvecklingen.",
        Deletion = "Uppgifterna raderas automatiskt ett år efter läsårets slut.",
        Locations = [new("Drift, Frankfurt", "DE", LocationUse.Processing | LocationUse.Storage)],
        SecurityMeasures = ["Kryptering vid överföring och lagring", "Behörighetsstyrning per klass"],
        Logging = "Inloggningar och administratörsåtgärder loggas.",
        LogAccess = "Huvudmannen får loggar på begäran.",
        AgreementContact = new("Per Gran", "per.gran@numerix.example"),
        DataProtectionContact = new("Dataskyddsombud Numerix", "dpo@numerix.example"),
        SubProcessors = [new("Rheinwolke GmbH", null, "Mainzer Landstraße 1, Frankfurt am Main", "Drift och lagring", "DE")],
    };

    /// <summary>A one-page PDF showing <paramref name="text"/> (ASCII), standing in for a scanned, signed agreement.</summary>
    public static byte[] DemoPdf(string text)
    {
        var content = $"BT /F1 14 Tf 72 760 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
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

    /// <summary>The school unit of this name (a school may share it).</summary>
    private OrganisationUnit SchoolUnit(string name) => db.OrganisationUnits.Local.Single(u => u.Name == name && u.SchoolUnitCode != null);

    private async Task<EnsaUser> CreateUserAsync(string email, string name, DateTime now)
    {
        var user = EnsaUser.Create(email, name, now);
        user.EmailConfirmed = true;
        var result = await users.CreateAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>Makes a valid organisation number from its first nine digits.</summary>
    private static string OrgNr(string body) => body + Luhn.CheckDigit(body).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
