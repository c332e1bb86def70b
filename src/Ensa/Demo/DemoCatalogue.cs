using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Privacy;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Demo;

/// <summary>What Mittköping did with a resource of the wider catalogue.</summary>
internal enum DemoState { CatalogueOnly, Requested, InReview, AwaitingAgreement, Approved, ApprovedWithConditions, NotApproved, InUse }

/// <summary>Mittköping's agreement for a resource of the wider catalogue.</summary>
internal enum DemoPact { None, Draft, UnderReview, InForce, EndingSoon, PendingVersion }

/// <summary>One row of the wider catalogue: a resource, who supplies it, and how far Mittköping has come with it.</summary>
internal sealed record DemoResource(string Name, int Supplier, ResourceType Type, string Description, string Grades, string Subjects,
    DemoState State, DemoPact Pact = DemoPact.None);

/// <summary>The wider catalogue: six more suppliers and two dozen resources in every state of a request and an agreement,
/// a resource in use at several units and a rights case in progress, all made through the domain's own steps.</summary>
public sealed partial class DemoData
{
    /// <summary>The units the wider catalogue's requests come from (those without earlier demo requests), each with its
    /// principal from the SS 12000 sample.</summary>
    private static readonly string[] CatalogueUnits =
        ["Björkhagaskolan F–6", "Björkhagaskolan 7–9", "Ängsvallens skola", "Tallbackaskolan", "Sjöstadsskolan", "Norrmalmsskolan", "Lindängsskolan", "Hagaskolan"];

    private static readonly (string Name, string Email)[] Administrators =
        [("Jonas Berg", "jonas.berg@mittkoping.example"), ("Lina Åkesson", "lina.akesson@mittkoping.example"), ("Omar Said", "omar.said@mittkoping.example")];

    private static IEnumerable<Supplier> MoreSuppliers(DateTime now) =>
    [
        new("Bildverket Media AB", OrgNr("559301122"), null, "SE", "Maja Forsberg", "maja.forsberg@bildverket.example", now),
        new("Tonkraft Musik AB", OrgNr("556744210"), null, "SE", "Henrik Ljung", "henrik.ljung@tonkraft.example", now),
        new("Geodia Kartor AB", OrgNr("559188034"), null, "SE", "Sanna Öberg", "sanna.oberg@geodia.example", now),
        new("Naturlabbet i Norden AB", OrgNr("556512389"), null, "SE", "Karl Idris", "karl.idris@naturlabbet.example", now),
        new("Scribo Learning Oy", null, "FI 2984513-7", "FI", "Aino Virtanen", "privacy@scribo.example", now),
        new("Atlas Classroom LLC", null, "Delaware 7712094", "US", "Megan Ortiz", "privacy@atlasclassroom.example", now),
    ];

    // Suppliers by index: 0–5 the first six (Sagoväven … Lingua Bridge), 6–11 the ones above.
    private static readonly DemoResource[] Catalogue =
    [
        new("Bildverket Filmstudio", 6, ResourceType.WebService, "Film- och bildanalys med korta dokumentärer och lärarhandledningar.", "4–9", "Bild, Svenska", DemoState.Approved),
        new("Bildverket Skapa", 6, ResourceType.WebService, "Digitalt bildskapande med lager och tidslinje.", "F–9", "Bild", DemoState.InUse, DemoPact.InForce),
        new("Tonkraft Ensemble", 7, ResourceType.WebService, "Spela i ensemble med noter och inspelade stämmor.", "4–9", "Musik", DemoState.ApprovedWithConditions),
        new("Tonkraft Rytmlek", 7, ResourceType.WebService, "Rytmövningar för de yngsta med klapp och trummor.", "F–3", "Musik", DemoState.Approved),
        new("Tonkraft Komponera", 7, ResourceType.WebService, "Komponera musik med loopar och noter i webbläsaren.", "7–9", "Musik", DemoState.CatalogueOnly),
        new("Geodia Atlas", 8, ResourceType.WebService, "Interaktiv världsatlas med kartlager för klimat, befolkning och historia.", "4–9, gymnasiet", "Geografi, Historia", DemoState.InUse, DemoPact.EndingSoon),
        new("Geodia Kartquiz", 8, ResourceType.WebService, "Träna länder, huvudstäder och landskap med korta frågor.", "3–9", "Geografi", DemoState.Approved),
        new("Geodia Historiska kartor", 8, ResourceType.WebService, "Kartor över Sveriges och Europas historia.", "4–9", "Historia", DemoState.Approved),
        new("Naturlabbet Kemi", 9, ResourceType.WebService, "Virtuella laborationer i kemi med säkerhetsgenomgång.", "7–9", "Kemi", DemoState.InUse, DemoPact.PendingVersion),
        new("Naturlabbet Fysik", 9, ResourceType.WebService, "Simuleringar av kraft, rörelse och elektricitet.", "7–9", "Fysik", DemoState.ApprovedWithConditions),
        new("Naturlabbet Biologi", 9, ResourceType.WebService, "Digitala dissektioner och artkunskap med bildbank.", "4–9", "Biologi", DemoState.InReview, DemoPact.UnderReview),
        new("Scribo Skrivstöd", 10, ResourceType.WebService, "Skrivstöd med ordprediktion och uppläsning för elever med läs- och skrivsvårigheter.", "1–9, gymnasiet", "Svenska, Alla ämnen", DemoState.InUse, DemoPact.InForce),
        new("Scribo Stavning", 10, ResourceType.WebService, "Stavningsträning på svenska och engelska.", "2–6", "Svenska, Engelska", DemoState.Approved, DemoPact.InForce),
        new("Atlas Classroom", 11, ResourceType.Platform, "Lärplattform med uppgifter, bedömning och kontakt med vårdnadshavare.", "F–9", "Alla ämnen", DemoState.AwaitingAgreement, DemoPact.UnderReview),
        new("Atlas Classroom Portfolio", 11, ResourceType.WebService, "Digital portfolio där eleven samlar sina arbeten över tid.", "4–9", "Alla ämnen", DemoState.NotApproved),
        new("Bildverket Fotoskola", 6, ResourceType.WebService, "Fotografering och bildredigering steg för steg.", "7–9", "Bild", DemoState.Approved, DemoPact.InForce),
        new("Scribo Läsförståelse", 10, ResourceType.WebService, "Texter på flera nivåer med frågor om läsförståelse.", "3–6", "Svenska", DemoState.ApprovedWithConditions),
        new("Naturlabbet Teknikbygge", 9, ResourceType.WebService, "Bygg och testa konstruktioner i en virtuell verkstad.", "4–9", "Teknik", DemoState.Approved),
        new("Kodkraft Robotlabb", 2, ResourceType.WebService, "Programmera virtuella robotar inför arbetet med riktiga robotar.", "4–9", "Teknik", DemoState.Requested),
        new("Kodkraft Webbstudio", 2, ResourceType.WebService, "HTML, CSS och JavaScript med direkt förhandsvisning.", "7–9, gymnasiet", "Teknik, Programmering", DemoState.InReview),
        new("Nordlär Historia 7–9, digital del", 3, ResourceType.BookDigitalPart, "Digital del till läroboken Historia 7–9 med tidslinjer och källor.", "7–9", "Historia", DemoState.Approved),
        new("Nordlär Svenska 4–6, digital del", 3, ResourceType.BookDigitalPart, "Digital del till läroboken Svenska 4–6 med ljud och övningar.", "4–6", "Svenska", DemoState.Requested),
        new("Quizzly Flashcards", 4, ResourceType.WebService, "Egna övningskort med repetition på rätt tid.", "4–9, gymnasiet", "Alla ämnen", DemoState.NotApproved),
        new("Lingua Bridge Uttal", 5, ResourceType.WebService, "Uttalsträning med taligenkänning.", "6–9", "Engelska", DemoState.CatalogueOnly, DemoPact.Draft),
    ];

    private static IEnumerable<LearningResource> CatalogueResources(Supplier[] s, DateTime now) => Catalogue.Select(c =>
        new LearningResource(c.Name, s[c.Supplier].Id, c.Type, now)
        {
            Description = c.Description, WebAddress = $"https://{Slug(c.Name)}.example", Platforms = "Webb", SchoolForms = SchoolForms.Compulsory,
            Grades = c.Grades, Subjects = c.Subjects, SignInMethods = SignInMethods.FederatedSchoolLogin, ProcessesPersonalData = true, Pricing = Pricing.Paid,
        });

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>Mittköping's requests, agreements and one rights case for the wider catalogue.</summary>
    private async Task SeedCatalogueAsync(AgreementTemplate template, OrganizerParts parts, (Actor Admin, Actor Reviewer, Actor Security) by,
        DateTime now, CancellationToken cancellationToken)
    {
        var mittkoping = await db.Organizers.SingleAsync(o => o.Slug == MittkopingSlug, cancellationToken);
        var (sara, ahmed) = (by.Reviewer, by.Security);
        var tove = await ActorAsync(RequesterEmail, Role.Requester);
        var toveUnit = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == tove.UserId).Select(m => m.OrganisationUnitId!.Value).SingleAsync(cancellationToken);
        var principals = new List<Actor>();
        foreach (var unit in CatalogueUnits)
        {
            var unitId = SchoolUnit(unit).Id;
            var email = await db.Memberships.IgnoreQueryFilters().Where(m => m.OrganisationUnitId == unitId && m.Role == Role.Principal)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email!).SingleAsync(cancellationToken);
            principals.Add(await ActorAsync(email, Role.Principal));
        }
        var today = SwedishCalendar.Today(now);
        var pending = new List<(SupplierDescription Description, Actor Supplier)>();
        var inUse = new List<ResourceRequest>();

        for (var i = 0; i < Catalogue.Length; i++)
        {
            var row = Catalogue[i];
            var resource = db.LearningResources.Local.Single(r => r.Name == row.Name);
            var at = now.AddDays(-(100 - 3 * i));
            var signed = row.Pact is DemoPact.InForce or DemoPact.EndingSoon or DemoPact.PendingVersion;
            if (row.Pact != DemoPact.None)
            {
                var supplier = db.Suppliers.Local.Single(s => s.Id == resource.SupplierId);
                var (description, supplierActor) = PublishedDescription(resource, supplier, at.AddDays(-10));
                var agreement = CatalogueAgreement(row.Pact, mittkoping.Id, template, resource, description, supplier,
                    parts with { RegistryNumber = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"GSN 2026/{500 + i}") },
                    by, today, at.AddDays(-8));
                db.SupplierDescriptions.Add(description);
                db.Agreements.Add(agreement);
                if (row.Pact == DemoPact.PendingVersion) pending.Add((description, supplierActor));
            }

            var principal = principals[i % principals.Count];
            var need = AgreementNeedFor(row);
            switch (row.State)
            {
                case DemoState.Requested:
                    var requested = Request(mittkoping.Id, tove, row.Name, "Eleverna behöver öva mer på egen hand.", at, toveUnit);
                    Ok(requested.Submit(tove, at));
                    break;
                case DemoState.InReview:
                    Ok(Request(mittkoping.Id, principal, row.Name, "Behövs för att nå kunskapskraven i ämnet.", at).Submit(principal, at));
                    break;
                case DemoState.AwaitingAgreement or DemoState.Approved:
                    Decided(mittkoping.Id, principal, row.Name, sara, ahmed, Decision.Approved, null, shared: i % 2 == 0, at, need, signed);
                    break;
                case DemoState.ApprovedWithConditions:
                    Decided(mittkoping.Id, principal, row.Name, sara, ahmed, Decision.ApprovedWithConditions,
                        "Elevkonton skapas via skolfederationen; inga personuppgifter i fritext.", shared: true, at, need, signed);
                    break;
                case DemoState.NotApproved:
                    Decided(mittkoping.Id, principal, row.Name, sara, ahmed, Decision.NotApproved,
                        "Leverantören kan inte visa var uppgifterna lagras eller hur länge de sparas.", shared: false, at, need);
                    break;
                case DemoState.InUse:
                    // In use at three units, each with its own request, people named and training done.
                    for (var u = 0; u < 3; u++)
                    {
                        var atUnit = principals[(i + u) % principals.Count];
                        var request = Decided(mittkoping.Id, atUnit, row.Name, sara, ahmed, Decision.Approved, null, shared: u == 0, at.AddDays(u), need, signed);
                        var (name, email) = Administrators[(i + u) % Administrators.Length];
                        Ok(request.NameResponsibles(atUnit, atUnit.UserId, name, email, at.AddDays(u + 5)));
                        Ok(request.ConfirmTraining(atUnit, at.AddDays(u + 6)));
                        inUse.Add(request);
                    }
                    break;
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        // A supplier's new version, noticed to the organizer on the older one, as the supplier portal publishes it.
        foreach (var (description, supplier) in pending)
        {
            Ok(description.StartNextDraft(supplier, now.AddDays(-3), out var next));
            Ok(next!.Edit(supplier, description.Content() with { Retention = "Läsåret ut och därefter sex månader." }, now.AddDays(-3)));
            db.SupplierDescriptions.Add(next);
            Ok(await DescriptionPublishing.PublishAsync(db, supplier, next, now.AddDays(-2), cancellationToken));
        }

        // A removal request in progress: one unit has answered, the others have not yet.
        var uses = inUse.Select(r => new UseAtUnit(r.Id, r.SchoolUnitId, r.ResourceId!.Value, r.Use!.AdministratorName!, r.Use.AdministratorEmail!)).ToList();
        Ok(RightsRequest.Open(mittkoping.Id, RightsKind.Removal, "GSN 2026/0577", today.AddDays(-6), uses.Select(u => u.SchoolUnitId).Distinct().Take(2).ToList(),
            uses, sara, now.AddDays(-6), out var rights, out _));
        Ok(rights!.Answer(sara, rights.Tasks[0].Id, RightsTaskStatus.Done, "Eleven är borttagen ur tjänsten.", Administrators[0].Name, now.AddDays(-2)));
        db.RightsRequests.Add(rights);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AgreementNeed AgreementNeedFor(DemoResource row) => row.Pact == DemoPact.None ? AgreementNeed.AlreadySigned : AgreementNeed.Needed;

    /// <summary>The supplier describes the resource once and publishes it, as in the supplier portal.</summary>
    private static (SupplierDescription, Actor) PublishedDescription(LearningResource resource, Supplier supplier, DateTime at)
    {
        var actor = Actor.SupplierUser(Guid.NewGuid(), supplier.ContactName, supplier.Id);
        Ok(SupplierDescription.StartFirstDraft(actor, resource, at, out var description));
        Ok(description!.Edit(actor, new InstructionContent
        {
            SubjectMatter = resource.Description ?? resource.Name,
            Nature = "Lagring och sammanställning av elevers och lärares arbete i tjänsten.",
            Purposes = "Att eleverna ska kunna arbeta i tjänsten och läraren följa deras arbete.",
            DataSubjects = [new(DataSubjectKind.Pupils), new(DataSubjectKind.Staff, "Lärare")],
            PersonalData = [new("Namn och klass"), new("Användaridentitet från skolans inloggning"), new("Elevens arbeten och resultat")],
            ProcessingOperations = ["Lagring", "Sammanställning", "Visning för behörig lärare", "Radering"],
            Retention = "Så länge eleven har ett aktivt konto genom huvudmannen.",
            Deletion = "Uppgifterna raderas senast 60 dagar efter att kontot avslutats.",
            Locations = [new("Drift och lagring, Stockholm", "SE", LocationUse.Processing | LocationUse.Storage)],
            SecurityMeasures = ["Kryptering vid överföring och lagring", "Behörighetsstyrning per klass"],
            Logging = "Inloggningar och administratörsåtgärder loggas.",
            LogAccess = "Huvudmannen får loggar på begäran.",
            AgreementContact = new(supplier.ContactName, supplier.ContactEmail),
            DataProtectionContact = new("Dataskyddsombud, " + supplier.Name, supplier.ContactEmail),
        }, at));
        Ok(description.Publish(actor, at));
        return (description, actor);
    }

    /// <summary>Mittköping's agreement for the resource, taken as far as <paramref name="pact"/> says.</summary>
    private static Agreement CatalogueAgreement(DemoPact pact, Guid organizerId, AgreementTemplate template, LearningResource resource,
        SupplierDescription description, Supplier supplier, OrganizerParts parts, (Actor Admin, Actor Reviewer, Actor Security) by, DateOnly today, DateTime at)
    {
        Ok(Agreement.Create(organizerId, by.Admin, template, resource, description, parts, at, out var agreement));
        if (pact == DemoPact.Draft) return agreement!;
        Ok(agreement!.StartReview(by.Reviewer, at));
        Ok(agreement.RecordReview(by.Reviewer, "Uppgifterna begränsade till det som behövs.", at));
        if (pact == DemoPact.UnderReview) return agreement;
        var (from, review, end) = pact == DemoPact.EndingSoon
            ? (today.AddYears(-3), (DateOnly?)null, today.AddDays(60))
            : (today.AddDays(-7), today.AddYears(1), today.AddYears(3));
        SignAndPutInForce(agreement, by, "Uppgifterna lagras inom EU; godtagbart.",
            new SignatoryInput(AgreementParty.Supplier, supplier.ContactName, "Firmatecknare, " + supplier.Name, SwedishCalendar.Today(at)),
            "PUB-avtal " + resource.Name + ".pdf", "PUB-avtal Mittkopings kommun (demo)", from, review, end, at);
        return agreement;
    }

    /// <summary>The security review, the approval for signing, the signed copy and the entry into force (the reviewer's
    /// own review is recorded before).</summary>
    private static void SignAndPutInForce(Agreement agreement, (Actor Admin, Actor Reviewer, Actor Security) by, string securityNotes,
        SignatoryInput supplierSignatory, string fileName, string pdfText, DateOnly from, DateOnly? reviewDate, DateOnly end, DateTime at)
    {
        Ok(agreement.RecordSecurityReview(by.Security, securityNotes, at));
        Ok(agreement.ApproveForSigning(by.Reviewer, at));
        Ok(agreement.RecordSigning(by.Admin,
            [
                new SignatoryInput(AgreementParty.Organizer, "Gunilla Ståhl", "Ordförande, Grundskolenämnden", supplierSignatory.SignedOn),
                supplierSignatory,
            ], fileName, DemoPdf(pdfText), at));
        Ok(agreement.PutInForce(by.Admin, from, reviewDate, end, at));
    }
}
