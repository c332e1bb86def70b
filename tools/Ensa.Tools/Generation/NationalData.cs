using System.Diagnostics;
using System.Globalization;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Suppliers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tools.Generation;

/// <summary>How much to generate. <see cref="National"/> is the issue's national data set; a scale factor multiplies it.</summary>
public sealed record GenerationSize(int Organizers, int SchoolUnits, int Resources, int Uses, int Agreements)
{
    public static readonly GenerationSize National = new(300, 10_000, 3_000, 100_000, 50_000);

    public static GenerationSize Scaled(double scale) => new(
        Math.Max(2, (int)Math.Round(National.Organizers * scale)),
        Math.Max(4, (int)Math.Round(National.SchoolUnits * scale)),
        Math.Max(10, (int)Math.Round(National.Resources * scale)),
        Math.Max(10, (int)Math.Round(National.Uses * scale)),
        Math.Max(2, (int)Math.Round(National.Agreements * scale)));
}

/// <summary>What was written.</summary>
public sealed record GenerationResult(int Organizers, int SchoolUnits, int Suppliers, int Resources, int Requests, int Uses, int Agreements,
    int Users, TimeSpan Elapsed, string LargestOrganizerSlug);

/// <summary>Builds a national-sized data set through the domain model (entity constructors and the requests' and agreements'
/// own steps, as <c>DemoData</c> does), in batches: the change tracker is cleared after every save, and the context it is
/// given should have no audit or notification interceptors (they would write an audit row per change).</summary>
public sealed class NationalData(EnsaDbContext db, GenerationSize size, int seed = 1, int batchSize = 8_000, TextWriter? log = null)
{
    /// <summary>The central reviewer of the largest organizer, with a password, for the benchmark's signed-in pages.</summary>
    public const string BenchUserLocalPart = "bench.granskare";
    public const string BenchPassword = "bench-lösenord-2026";
    public static string BenchUserEmail(string slug) => $"{BenchUserLocalPart}@{slug}.example";

    private readonly Random _random = new(seed);
    private readonly DateTime _now = DateTime.UtcNow;
    private readonly PasswordHasher<EnsaUser> _hasher = new();
    private int _pending;
    private int _requests, _uses, _agreements, _users, _units;

    private sealed record Staff(EnsaUser Reviewer, EnsaUser Security, Actor ReviewerActor, Actor Manager, Actor SecurityActor);

    public async Task<GenerationResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;

        Ok(AgreementTemplate.Publish(Actor.System, 0, PlaceholderTemplate.Title, PlaceholderTemplate.Sections, true, _now, out var template));
        db.AgreementTemplates.Add(template!);

        var suppliers = Suppliers(Math.Max(2, size.Resources / 6)).ToList();
        db.Suppliers.AddRange(suppliers);
        var resources = Resources(suppliers).ToList();
        db.LearningResources.AddRange(resources);
        var descriptions = new Dictionary<Guid, SupplierDescription>();
        foreach (var resource in resources.Where(r => r.ProcessesPersonalData))
        {
            var supplier = suppliers.First(s => s.Id == resource.SupplierId);
            var actor = Actor.SupplierUser(Guid.NewGuid(), supplier.ContactName, supplier.Id);
            Ok(SupplierDescription.StartFirstDraft(actor, resource, _now.AddDays(-1200), out var description));
            Ok(description!.Edit(actor, Description(resource, supplier), _now.AddDays(-1200)));
            Ok(description.Publish(actor, _now.AddDays(-1190)));
            descriptions[resource.Id] = description;
        }
        db.SupplierDescriptions.AddRange(descriptions.Values);
        _pending += suppliers.Count + resources.Count + descriptions.Count;
        await FlushAsync(force: true, cancellationToken);
        Log($"{suppliers.Count} suppliers, {resources.Count} resources, {descriptions.Count} descriptions");

        // Organizer sizes fall off like real ones: a few large cities, many small municipalities and school companies.
        var weights = Enumerable.Range(0, size.Organizers).Select(i => 1 / Math.Pow(i + 3, 0.9)).ToArray();
        var unitsPer = Apportion(size.SchoolUnits, weights, minimum: 1);
        var usesPer = Apportion(size.Uses, unitsPer.Select(u => (double)u).ToArray(), minimum: 1);
        var agreementsPer = Apportion(size.Agreements, unitsPer.Select(u => Math.Sqrt(u)).ToArray(), minimum: 1);
        // Popular resources are used far more than the long tail.
        var popularity = Cumulative(resources.Select((_, i) => 1 / Math.Pow(i + 1, 0.8)).ToArray());

        var names = OrganizerNames(size.Organizers);
        var unitCode = 20_000_000;
        string largest = "";
        for (var o = 0; o < size.Organizers; o++)
        {
            var (name, slug, kind) = names[o];
            if (o == 0) largest = slug;
            var body = kind == OrganizerKind.Municipality
                ? "2120" + (10_000 + o).ToString(CultureInfo.InvariantCulture)
                : "556" + (700_000 + o).ToString(CultureInfo.InvariantCulture);
            var organizer = new Organizer(name, slug, OrganisationNumber.Parse(body + Luhn.CheckDigit(body).ToString(CultureInfo.InvariantCulture)),
                kind, kind == OrganizerKind.Municipality ? "Grundskolenämnden" : name + " (styrelsen)", _now.AddDays(-1300));
            organizer.SetDataProtectionOfficer("Dataskyddsombudet", $"dataskyddsombud@{slug}.example");
            db.Organizers.Add(organizer);

            var administration = OrganisationUnit.Administration(organizer.Id, kind == OrganizerKind.Municipality ? "Utbildningsförvaltningen" : "Huvudkontoret");
            var central = OrganisationUnit.Administration(organizer.Id, "Digitalisering och innovation", administration.Id);
            db.OrganisationUnits.AddRange(administration, central);
            var emails = new HashSet<string>(StringComparer.Ordinal);
            var staff = StaffOf(organizer, central, emails, bench: o == 0);

            var units = new List<(OrganisationUnit Unit, Actor Principal)>();
            var stems = Names.SchoolStems.OrderBy(_ => _random.Next()).ToArray();
            for (var u = 0; u < unitsPer[o]; u++)
            {
                var stem = stems[u % stems.Length];
                var number = u / stems.Length;
                var schoolName = (stem.EndsWith(' ') ? stem + "skola" : stem + "skolan") + (number > 0 ? " " + (number + 1).ToString(CultureInfo.InvariantCulture) : "");
                var school = OrganisationUnit.School(organizer.Id, administration.Id, schoolName);
                var unit = OrganisationUnit.SchoolUnit(organizer.Id, school.Id, schoolName + Pick(Names.UnitSuffixes),
                    (unitCode++).ToString(CultureInfo.InvariantCulture));
                db.OrganisationUnits.AddRange(school, unit);
                var principal = Person(slug, emails);
                db.Memberships.Add(new Membership(principal.Id, organizer.Id, Role.Principal, unit.Id, _now.AddDays(-1200)));
                units.Add((unit, new Actor(principal.Id, principal.DisplayName, new HashSet<Role> { Role.Principal }, new HashSet<Guid> { unit.Id })));
                _pending += 4;
                _units++;
            }

            // Uses: each unit uses popular resources more often; every use is a request decided and put in use step by step.
            var used = new HashSet<(Guid Unit, Guid Resource)>();
            var decidedResources = new List<LearningResource>();
            var seen = new HashSet<Guid>();
            for (var i = 0; i < usesPer[o]; i++)
            {
                var (unit, principal) = units[i % units.Count];
                var resource = resources[Sample(popularity)];
                // A unit uses each resource once: after a few repeats take the first one it does not use yet.
                for (var tries = 0; used.Contains((unit.Id, resource.Id)) && tries < 20; tries++) resource = resources[Sample(popularity)];
                if (used.Contains((unit.Id, resource.Id))) resource = resources.First(r => !used.Contains((unit.Id, r.Id)));
                used.Add((unit.Id, resource.Id));
                if (seen.Add(resource.Id)) decidedResources.Add(resource);
                InUse(organizer, unit, principal, resource, staff);
            }
            // Around the uses: refusals, requests in the queue, approvals waiting for the unit's people, ended use.
            var extra = Math.Max(1, usesPer[o] / 10);
            for (var i = 0; i < extra; i++)
            {
                var (unit, principal) = units[_random.Next(units.Count)];
                var resource = resources[Sample(popularity)];
                if (!used.Add((unit.Id, resource.Id))) continue;
                Other(organizer, unit, principal, resource, staff, i % 4);
            }

            // Agreements for the personal-data resources this organizer decided on, the most used first.
            var withData = decidedResources.Where(r => descriptions.ContainsKey(r.Id)).ToList();
            for (var a = 0; a < agreementsPer[o] && withData.Count > 0; a++)
            {
                var resource = withData[a % withData.Count];
                AgreementFor(organizer, resource, descriptions[resource.Id], template!, staff, a, renewal: a >= withData.Count);
            }
            _pending += 8;
            await FlushAsync(force: false, cancellationToken);
            if ((o + 1) % 50 == 0) Log($"{o + 1} organizers, {_requests} requests, {_agreements} agreements, {clock.Elapsed.TotalSeconds:F0} s");
        }
        await FlushAsync(force: true, cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        clock.Stop();
        return new GenerationResult(size.Organizers, _units, suppliers.Count, resources.Count, _requests, _uses, _agreements, _users,
            clock.Elapsed, largest);
    }

    private async Task FlushAsync(bool force, CancellationToken cancellationToken)
    {
        if (!force && _pending < batchSize) return;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        _pending = 0;
    }

    private Staff StaffOf(Organizer organizer, OrganisationUnit central, HashSet<string> emails, bool bench)
    {
        var reviewer = bench ? User(BenchUserEmail(organizer.Slug), "Bänk Granskare", BenchPassword) : Person(organizer.Slug, emails);
        var security = Person(organizer.Slug, emails);
        db.Memberships.AddRange(
            new Membership(reviewer.Id, organizer.Id, Role.CentralReviewer, central.Id, _now.AddDays(-1200)),
            new Membership(reviewer.Id, organizer.Id, Role.OrganizerAdmin, central.Id, _now.AddDays(-1200)),
            new Membership(security.Id, organizer.Id, Role.SecurityCoordinator, central.Id, _now.AddDays(-1200)));
        _pending += 3;
        return new Staff(reviewer, security,
            new Actor(reviewer.Id, reviewer.DisplayName, new HashSet<Role> { Role.CentralReviewer }, new HashSet<Guid>()),
            Actor.OrganizerStaff(reviewer.Id, reviewer.DisplayName, new HashSet<Role> { Role.CentralReviewer, Role.OrganizerAdmin }),
            Actor.OrganizerStaff(security.Id, security.DisplayName, new HashSet<Role> { Role.SecurityCoordinator }));
    }

    private EnsaUser Person(string slug, HashSet<string> emails)
    {
        var (first, last) = (Pick(Names.FirstNames), Pick(Names.LastNames));
        var local = Ascii($"{first}.{last}");
        var email = $"{local}@{slug}.example";
        for (var n = 2; !emails.Add(email); n++) email = $"{local}{n}@{slug}.example";
        return User(email, $"{first} {last}", password: null);
    }

    /// <summary>What UserManager.CreateAsync would store, without its per-user round trips.</summary>
    private EnsaUser User(string email, string name, string? password)
    {
        var user = EnsaUser.Create(email, name, _now.AddDays(-1250));
        user.EmailConfirmed = true;
        user.NormalizedEmail = user.NormalizedUserName = email.Normalize().ToUpperInvariant();
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (password is not null) user.PasswordHash = _hasher.HashPassword(user, password);
        db.Users.Add(user);
        _users++;
        _pending++;
        return user;
    }

    /// <summary>A principal's request for their own unit, reviewed, approved, people named and training confirmed: in use.</summary>
    private void InUse(Organizer organizer, OrganisationUnit unit, Actor principal, LearningResource resource, Staff staff)
    {
        var at = _now.AddDays(-_random.Next(20, 1100));
        var (request, review) = Reviewed(organizer, unit, principal, resource, staff, at);
        var conditions = _random.Next(5) == 0;
        Ok(request.Decide(staff.ReviewerActor, review, conditions ? Decision.ApprovedWithConditions : Decision.Approved,
            conditions ? "Endast skolkonton; inga känsliga uppgifter i fritext." : null, null, at.AddDays(3)));
        var administrator = $"{Pick(Names.FirstNames)} {Pick(Names.LastNames)}";
        Ok(request.NameResponsibles(principal, principal.UserId, administrator, Ascii(administrator.Replace(' ', '.')) + $"@{organizer.Slug}.example", at.AddDays(5)));
        Ok(request.ConfirmTraining(principal, at.AddDays(10)));
        _uses++;
    }

    private void Other(Organizer organizer, OrganisationUnit unit, Actor principal, LearningResource resource, Staff staff, int kind)
    {
        var at = _now.AddDays(-_random.Next(2, 900));
        if (kind == 1)
        {
            // Waiting in the central department's queue.
            var queued = Draft(organizer, unit, principal, resource, at);
            Ok(queued.Submit(principal, at));
            return;
        }
        var (request, review) = Reviewed(organizer, unit, principal, resource, staff, at);
        if (kind == 0)
        {
            Ok(request.Decide(staff.ReviewerActor, review, Decision.NotApproved, null,
                "Leverantören kan inte visa var uppgifterna lagras.", at.AddDays(3)));
            return;
        }
        Ok(request.Decide(staff.ReviewerActor, review, Decision.Approved, null, null, at.AddDays(3)));
        if (kind == 3)
        {
            Ok(request.NameResponsibles(principal, principal.UserId, "Systemadministratör", $"it@{organizer.Slug}.example", at.AddDays(5)));
            Ok(request.ConfirmTraining(principal, at.AddDays(10)));
            Ok(request.EndUse(principal, SwedishCalendar.DateOf(at.AddDays(200)), supplierDataRemoved: _random.Next(3) > 0, null, at.AddDays(201)));
        }
        // kind 2: approved, the unit has not named its people yet.
    }

    private ResourceRequest Draft(Organizer organizer, OrganisationUnit unit, Actor principal, LearningResource resource, DateTime at)
    {
        var request = ResourceRequest.CreateDraft(organizer.Id, unit.Id, principal, new RequestDetails
        {
            ResourceId = resource.Id, Need = "Behövs i undervisningen enligt ämnets kursplan.", Users = RequestUsers.Pupils | RequestUsers.Staff,
            ApproxUsers = 20 + _random.Next(400), Grades = resource.Grades,
        }, at);
        db.ResourceRequests.Add(request);
        _requests++;
        _pending += 4;
        return request;
    }

    private (ResourceRequest, ResourceReview) Reviewed(Organizer organizer, OrganisationUnit unit, Actor principal, LearningResource resource,
        Staff staff, DateTime at)
    {
        var request = Draft(organizer, unit, principal, resource, at);
        Ok(request.Submit(principal, at));
        var review = new ResourceReview(request, at.AddDays(1))
        {
            PedagogicalAssessment = "Följer kursplanen; tydlig progression och lärarstöd.",
            Accessibility = AccessibilityAssessment.Good,
            PersonalDataCategories = resource.ProcessesPersonalData ? "Namn, klass, inloggnings-id, resultat" : null,
            ScreeningChildren = true,
            // An agreement already signed (kept in Ensa or elsewhere) lets the decision stand; the agreements decide coverage.
            AgreementNeed = resource.ProcessesPersonalData ? AgreementNeed.AlreadySigned : AgreementNeed.NotNeeded,
            Shared = _random.Next(3) == 0,
        };
        Ok(request.RecordReview(staff.ReviewerActor, review, at.AddDays(1)));
        review.SignReview(staff.ReviewerActor, at.AddDays(1));
        // A decision on a review naming personal data needs the security coordinator's part.
        if (resource.ProcessesPersonalData)
        {
            Ok(request.RecordSecurityReview(staff.SecurityActor, review, at.AddDays(2)));
            review.RecordSecurity(staff.SecurityActor, "Lagring inom EU/EES; godtagbar.", at.AddDays(2));
            _pending++;
        }
        db.ResourceReviews.Add(review);
        _pending += 3;
        return (request, review);
    }

    /// <summary>Most agreements in force (some ending within 90 days), some ended, some still being made.</summary>
    private void AgreementFor(Organizer organizer, LearningResource resource, SupplierDescription description, AgreementTemplate template,
        Staff staff, int index, bool renewal)
    {
        var at = _now.AddDays(-_random.Next(100, 1000));
        var parts = new OrganizerParts(organizer.ControllerName, new ContactPerson(staff.Reviewer.DisplayName, staff.Reviewer.Email!),
            new ContactPerson(organizer.DataProtectionOfficerName!, organizer.DataProtectionOfficerEmail!),
            string.Create(CultureInfo.InvariantCulture, $"GSN {at.Year}/{index + 1:D4}"));
        Ok(Agreement.Create(organizer.Id, staff.Manager, template, resource, description, parts, at, out var agreement));
        db.Agreements.Add(agreement!);
        _agreements++;
        _pending += 2;
        var roll = _random.Next(20);
        if (roll == 0 && !renewal) return; // a draft
        Ok(agreement!.StartReview(staff.Manager, at.AddDays(1)));
        Ok(agreement.RecordReview(staff.Manager, "Uppgifterna begränsade till det som behövs.", at.AddDays(2)));
        Ok(agreement.RecordSecurityReview(staff.SecurityActor, "Lagring inom EU/EES; godtagbar.", at.AddDays(3)));
        if (roll == 1 && !renewal) return; // under review
        Ok(agreement.ApproveForSigning(staff.Manager, at.AddDays(4)));
        var signed = SwedishCalendar.DateOf(at.AddDays(10));
        Ok(agreement.RecordSigning(staff.Manager,
            [
                new SignatoryInput(AgreementParty.Organizer, "Ordförande", "Ordförande, " + organizer.ControllerName, signed),
                new SignatoryInput(AgreementParty.Supplier, description.AgreementContactName, "VD", signed),
            ], "PUB-avtal.pdf", Pdf, at.AddDays(10)));
        _pending += 4;
        var today = SwedishCalendar.Today(_now);
        if (renewal)
        {
            // A second agreement for the same resource: the earlier one, ended.
            Ok(agreement.PutInForce(staff.Manager, signed, null, signed.AddYears(1), at.AddDays(11)));
            if (signed.AddYears(1) < today) Ok(agreement.Expire(_now));
            else Ok(agreement.Terminate(staff.Manager, today.AddDays(-1), DataDisposition.Deleted, "Leverantörens intyg om radering.", _now));
            return;
        }
        var end = roll switch
        {
            2 or 3 => today.AddDays(_random.Next(1, 90)), // ending soon
            4 => (DateOnly?)null,
            _ => today.AddDays(_random.Next(120, 1100)),
        };
        Ok(agreement.PutInForce(staff.Manager, signed, signed.AddYears(1), end, at.AddDays(11)));
        if (roll == 5) Ok(agreement.Terminate(staff.Manager, today.AddDays(-_random.Next(1, 60)), DataDisposition.ReturnedThenDeleted,
            "Data återlämnad och raderad enligt leverantörens intyg.", _now));
    }

    private IEnumerable<Supplier> Suppliers(int count)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            string brand;
            var n = 0;
            do brand = Pick(Names.BrandStems) + Pick(Names.BrandTails) + (n++ > 5 ? " " + i.ToString(CultureInfo.InvariantCulture) : "");
            while (!used.Add(brand));
            var contact = $"{Pick(Names.FirstNames)} {Pick(Names.LastNames)}";
            var domain = Ascii(brand.Replace(" ", "", StringComparison.Ordinal)).ToLowerInvariant();
            var now = _now.AddDays(-1300);
            if (i % 10 == 9)
                yield return new Supplier(brand + " Ltd", null, "IE " + (600_000 + i).ToString(CultureInfo.InvariantCulture), "IE", contact,
                    $"privacy@{domain}.example", now);
            else
            {
                var body = "559" + (100_000 + i).ToString(CultureInfo.InvariantCulture);
                yield return new Supplier(brand + " AB", body + Luhn.CheckDigit(body).ToString(CultureInfo.InvariantCulture), null, "SE", contact,
                    $"{Ascii(contact.Replace(' ', '.'))}@{domain}.example", now);
            }
        }
    }

    private IEnumerable<LearningResource> Resources(List<Supplier> suppliers)
    {
        for (var i = 0; i < size.Resources; i++)
        {
            var supplier = suppliers[i % suppliers.Count];
            var brand = supplier.Name.Replace(" AB", "", StringComparison.Ordinal).Replace(" Ltd", "", StringComparison.Ordinal);
            var (product, subject, description) = Names.Products[(i / suppliers.Count + i) % Names.Products.Length];
            var grades = Pick(Names.Grades);
            var type = (i % 7) switch { 0 or 1 => ResourceType.App, 2 => ResourceType.BookDigitalPart, 3 when i % 70 == 3 => ResourceType.Platform, _ => ResourceType.WebService };
            var personalData = i % 5 != 4;
            yield return new LearningResource($"{brand} {product} {grades}", supplier.Id, type, _now.AddDays(-1250))
            {
                Description = description,
                WebAddress = $"https://{Ascii(product.Replace(" ", "", StringComparison.Ordinal)).ToLowerInvariant()}.{Ascii(brand.Replace(" ", "", StringComparison.Ordinal)).ToLowerInvariant()}.example",
                Platforms = type == ResourceType.App ? "iOS, Android" : Pick(Names.Platforms),
                SchoolForms = grades.Contains("gymnasiet", StringComparison.Ordinal) ? SchoolForms.Compulsory | SchoolForms.UpperSecondary : SchoolForms.Compulsory,
                Grades = grades,
                Subjects = subject,
                SignInMethods = personalData ? SignInMethods.FederatedSchoolLogin | SignInMethods.Microsoft : SignInMethods.NoSignIn,
                ProcessesPersonalData = personalData,
                Pricing = (Pricing)(i % 3),
            };
        }
    }

    private InstructionContent Description(LearningResource resource, Supplier supplier)
    {
        var us = _random.Next(6) == 0;
        return new InstructionContent
        {
            SubjectMatter = resource.Description,
            Nature = "Lagring och sammanställning av elevers aktivitet och resultat.",
            Purposes = "Att eleverna ska kunna använda tjänsten i undervisningen och läraren följa deras arbete.",
            DataSubjects = [new(DataSubjectKind.Pupils), new(DataSubjectKind.Staff, "Lärare")],
            PersonalData = [new("Namn och klass"), new("Användaridentitet från skolans inloggning"), new("Resultat")],
            ProcessingOperations = ["Lagring", "Sammanställning", "Radering"],
            Retention = "Så länge eleven har ett aktivt konto genom huvudmannen.",
            Deletion = "Uppgifterna raderas senast 30 dagar efter att kontot avslutats.",
            Locations = us
                ? [new("Drift, Stockholm", "SE", LocationUse.Processing | LocationUse.Storage), new("Support", "US", LocationUse.Processing)]
                : [new("Drift och lagring, Stockholm", "SE", LocationUse.Processing | LocationUse.Storage)],
            Transfers = us ? [new ThirdCountryTransfer("Supportleverantören Inc.", "US", TransferSafeguard.DataPrivacyFramework)] : [],
            SecurityMeasures = ["Kryptering vid överföring och lagring", "Behörighetsstyrning per klass"],
            Logging = "Inloggningar och administratörsåtgärder loggas.",
            LogAccess = "Huvudmannen får loggar på begäran.",
            AgreementContact = new(supplier.ContactName, supplier.ContactEmail),
            DataProtectionContact = new("Dataskyddsombud", supplier.ContactEmail),
        };
    }

    private static List<(string Name, string Slug, OrganizerKind Kind)> OrganizerNames(int count)
    {
        var places = Names.PlacePrefixes.SelectMany(p => Names.PlaceSuffixes.Select(s => p + s)).ToList();
        var result = new List<(string, string, OrganizerKind)>();
        var municipalities = 0;
        var companies = 0;
        for (var i = 0; i < count; i++)
        {
            var place = places[(i * 7) % places.Count] + (i >= places.Count ? " " + (i / places.Count + 1).ToString(CultureInfo.InvariantCulture) : "");
            // About one organizer in five is an independent school company.
            if (i % 5 == 4)
                result.Add(($"Lärande {place} AB", string.Create(CultureInfo.InvariantCulture, $"friskola{++companies:D3}"), OrganizerKind.IndependentSchool));
            else
            {
                var genitive = place.EndsWith('s') ? place : place + "s";
                result.Add(($"{genitive} kommun", string.Create(CultureInfo.InvariantCulture, $"kommun{++municipalities:D3}"), OrganizerKind.Municipality));
            }
        }
        return result;
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>, each part at least <paramref name="minimum"/>.</summary>
    internal static int[] Apportion(int total, double[] weights, int minimum)
    {
        var sum = weights.Sum();
        var parts = weights.Select(w => Math.Max(minimum, (int)Math.Floor(total * w / sum))).ToArray();
        for (var i = 0; parts.Sum() < total; i = (i + 1) % parts.Length) parts[i]++;
        for (var i = 0; parts.Sum() > total && parts.Any(p => p > minimum); i = (i + 1) % parts.Length)
            if (parts[i] > minimum) parts[i]--;
        return parts;
    }

    private static double[] Cumulative(double[] weights)
    {
        var result = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++) result[i] = sum += weights[i];
        for (var i = 0; i < result.Length; i++) result[i] /= sum;
        return result;
    }

    private int Sample(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, _random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static string Ascii(string s) => new string(s.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-').ToArray());

    private void Log(string message) => log?.WriteLine(message);

    private static void Ok(Result result)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Generator: step refused ({result.Error!.Code}).");
    }

    /// <summary>One small PDF standing in for every signed copy (the bytes are not what is measured).</summary>
    private static readonly byte[] Pdf = Ensa.Demo.DemoData.DemoPdf("Signerat avtal");
}
