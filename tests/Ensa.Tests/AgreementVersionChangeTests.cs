using Ensa.Agreements;
using Ensa.Common;
using Ensa.Data;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Resources;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>A supplier publishes a new description version: exactly the organizers with agreements in force on an older
/// version are told (in the app and by e-mail, with the comparison and the deadline), and can accept or object.</summary>
public sealed class AgreementVersionChangeTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public Task PublishNewVersion_Sqlite_NoticeReachesExactlyAgreementsInForceOnOlderVersions() => VersionChangeScenario.RunAsync(app);
}

public sealed class AgreementVersionChangePostgresTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public Task PublishNewVersion_Postgres_NoticeReachesExactlyAgreementsInForceOnOlderVersions()
    {
        TestEnvironment.RequirePostgres();
        return VersionChangeScenario.RunAsync(app);
    }
}

internal static class VersionChangeScenario
{
    private const string Key = "Notify.Agreement.VersionChangeNotified";
    private static readonly Actor Staff = Actor.OrganizerStaff(Guid.NewGuid(), "Test Testsson",
        new HashSet<Role> { Role.CentralReviewer, Role.SecurityCoordinator, Role.OrganizerAdmin });

    public static async Task RunAsync(EnsaAppFactory app)
    {
        // Whole seconds (PostgreSQL keeps microseconds, not ticks), after the demo data's own steps.
        var clock = app.Clock.GetUtcNow().UtcDateTime;
        var now = new DateTime(clock.Ticks - clock.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        Guid larandeLasresan = default, larandeNumerix = default, mittkopingDraft = default;

        // Arrange, beside the demo's Mittköping agreement in force on Läsresan v1: Lärande Norr in force on Läsresan v1
        // and on Numerix v1, and a Mittköping draft on Läsresan v1.
        await app.WithDbAsync(async db =>
        {
            var template = await db.AgreementTemplates.SingleAsync();
            var lasresan = await Resource(db, "Sagoväven Läsresan");
            var numerix = await Resource(db, "Numerix Matteträning");
            var larande = await db.Organizers.SingleAsync(o => o.Slug == DemoData.LarandeNorrSlug);
            var mittkoping = await db.Organizers.SingleAsync(o => o.Slug == DemoData.MittkopingSlug);
            larandeLasresan = await AddInForceAsync(db, larande.Id, template, lasresan, now);
            larandeNumerix = await AddInForceAsync(db, larande.Id, template, numerix, now);
            var v1 = await db.SupplierDescriptions.SingleAsync(d => d.ResourceId == lasresan.Id);
            Assert.True(Agreement.Create(mittkoping.Id, Staff, template, lasresan, v1, Parts("draft@mittkoping.example"), now, out var draft).Succeeded);
            db.Agreements.Add(draft!);
            mittkopingDraft = draft!.Id;
            await db.SaveChangesAsync();
            return true;
        });
        var mittkopingInForce = (await app.StoredAsync<Agreement>(a => a.Status == AgreementStatus.InForce && a.RegistryNumber == "GSN 2026/0412")).Id;

        // The demo's own pending version change has told people and sent mail already: only what this publish adds counts.
        var earlierMail = await app.WithDbAsync(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());
        var earlierNotices = await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().Select(n => n.Id).ToListAsync());

        // Act: Sagoväven adds a sub-processor in the US and publishes version 2.
        await PublishAsync(app, now, c => c with
        {
            SubProcessors = [.. c.SubProcessors, new("Supportbolaget Inc", null, "Austin, TX, USA", "Kundsupport", "US", TransferSafeguard.StandardContractualClauses)],
        });

        await app.WithDbAsync(async db =>
        {
            var agreements = await db.Agreements.IgnoreQueryFilters().ToDictionaryAsync(a => a.Id);
            foreach (var id in new[] { mittkopingInForce, larandeLasresan })
            {
                Assert.Equal(2, agreements[id].PendingDescriptionVersion);
                Assert.Equal(1, agreements[id].DescriptionVersion);
                Assert.Equal(now.AddDays(30), agreements[id].ObjectionDeadline);
            }
            Assert.Null(agreements[mittkopingDraft].PendingDescriptionId);
            Assert.Null(agreements[larandeNumerix].PendingDescriptionId);

            // Told: the reviewers, security coordinators and admins of exactly the two organizers; nobody else.
            var told = await db.Notifications.IgnoreQueryFilters().Where(n => n.MessageKey == Key && !earlierNotices.Contains(n.Id))
                .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.Email, n.OrganizerId, n.Link }).ToListAsync();
            var mittkoping = agreements[mittkopingInForce].OrganizerId;
            var larande = agreements[larandeLasresan].OrganizerId;
            string[] expected =
            [
                $"ahmed.karimi@mittkoping.example {larande}", $"ahmed.karimi@mittkoping.example {mittkoping}",
                $"fredrik.ahlgren@larandenorr.example {larande}",
                $"lisa.ekstrom@mittkoping.example {mittkoping}", $"sara.nilsson@mittkoping.example {mittkoping}",
            ];
            Assert.Equal(expected.Order(StringComparer.Ordinal), told.Select(t => $"{t.Email} {t.OrganizerId}").Order(StringComparer.Ordinal));
            Assert.Contains(told, t => t.Link == $"/Agreements/{larandeLasresan}");

            var mail = await db.OutboxMessages.Where(m => m.Subject.Contains("Läsresan") && !earlierMail.Contains(m.Id)).ToListAsync();
            Assert.Equal(["agreement@larandenorr.example", "ahmed.karimi@mittkoping.example", "ahmed.karimi@mittkoping.example",
                "fredrik.ahlgren@larandenorr.example", "lisa.ekstrom@mittkoping.example", "sara.nilsson@mittkoping.example"],
                mail.Select(m => m.To).Order(StringComparer.Ordinal));
            var body = mail.First(m => m.To == "agreement@larandenorr.example").TextBody;
            // Fields by their names on the page, choices by theirs: no field path or enum name.
            Assert.Contains("Sub-processors – Supportbolaget Inc – Country: – → United States", body, StringComparison.Ordinal);
            Assert.Contains("Sub-processors – Supportbolaget Inc – Safeguard: – → Standard contractual clauses", body, StringComparison.Ordinal);
            Assert.DoesNotContain("SubProcessors[", body, StringComparison.Ordinal);
            // Countries by name in each reader's language: Swedish first, English below.
            Assert.Contains("Underbiträden – Supportbolaget Inc – Land: – → USA", body, StringComparison.Ordinal);
            Assert.Contains(Web.Forms.Format.Date(now.AddDays(30)), body, StringComparison.Ordinal);
            Assert.Contains("Last day to object", body, StringComparison.Ordinal);
            return true;
        });

        // Mittköping accepts; Lärande Norr objects. Both are kept.
        await app.WithDbAsync(async db =>
        {
            var agreements = await db.Agreements.IgnoreQueryFilters().Where(a => a.PendingDescriptionId != null).ToDictionaryAsync(a => a.Id);
            var v2 = await db.SupplierDescriptions.SingleAsync(d => d.Id == agreements[mittkopingInForce].PendingDescriptionId);
            Assert.True(agreements[mittkopingInForce].AcceptVersionChange(Staff, v2, now).Succeeded);
            Assert.True(agreements[larandeLasresan].ObjectToVersionChange(Staff, "Ingen kundsupport från USA", now).Succeeded);
            await db.SaveChangesAsync();
            return true;
        });
        await app.WithDbAsync(async db =>
        {
            var accepted = await db.Agreements.IgnoreQueryFilters().Include(a => a.Events).SingleAsync(a => a.Id == mittkopingInForce);
            Assert.Equal((2, (Guid?)null), (accepted.DescriptionVersion!.Value, accepted.PendingDescriptionId));
            Assert.Contains(accepted.Events, e => e.Kind == AgreementEventKind.VersionChangeAccepted && e.DescriptionVersion == 2);
            Assert.Contains(accepted.Events, e => e.Kind == AgreementEventKind.InForce && e.DescriptionVersion == 1);
            var objected = await db.Agreements.IgnoreQueryFilters().SingleAsync(a => a.Id == larandeLasresan);
            Assert.Equal(("Ingen kundsupport från USA", 1, 2), (objected.ObjectionReason!, objected.DescriptionVersion!.Value, objected.PendingDescriptionVersion!.Value));
            return true;
        });

        // Version 3: both are on older versions again, each told of its own difference (v2→v3 and v1→v3).
        await PublishAsync(app, now.AddHours(1), c => c with { Retention = "Ett läsår." });
        await app.WithDbAsync(async db =>
        {
            var agreements = await db.Agreements.IgnoreQueryFilters().ToDictionaryAsync(a => a.Id);
            Assert.Equal(3, agreements[mittkopingInForce].PendingDescriptionVersion);
            Assert.Equal(3, agreements[larandeLasresan].PendingDescriptionVersion);
            Assert.Null(agreements[larandeLasresan].ObjectionReason);
            var bodies = await db.OutboxMessages.Where(m => m.To == "agreement@larandenorr.example" || m.To == "lisa.ekstrom@mittkoping.example")
                .OrderBy(m => m.CreatedAt).Select(m => new { m.To, m.TextBody }).ToListAsync();
            // Lisa has an account (in Swedish, never changed); the agreement's contact has none: Swedish, English below.
            Assert.Contains("Ändrade fält (1):", bodies.Last(b => b.To == "lisa.ekstrom@mittkoping.example").TextBody, StringComparison.Ordinal);
            Assert.Contains("Changed fields (6):", bodies.Last(b => b.To == "agreement@larandenorr.example").TextBody, StringComparison.Ordinal);
            return true;
        });
    }

    private static async Task PublishAsync(EnsaAppFactory app, DateTime now, Func<InstructionContent, InstructionContent> change) =>
        await app.WithDbAsync(async db =>
        {
            var elin = await db.Users.SingleAsync(u => u.Email == "elin.svahn@sagovaven.example");
            var supplier = Actor.SupplierUser(elin.Id, elin.DisplayName, elin.SupplierId!.Value);
            var lasresan = await Resource(db, "Sagoväven Läsresan");
            var latest = await db.SupplierDescriptions.Where(d => d.ResourceId == lasresan.Id).OrderByDescending(d => d.Version).FirstAsync();
            Assert.True(latest.StartNextDraft(supplier, now, out var draft).Succeeded);
            Assert.True(draft!.Edit(supplier, change(draft.Content()), now).Succeeded);
            db.SupplierDescriptions.Add(draft);
            Assert.True((await DescriptionPublishing.PublishAsync(db, supplier, draft, now)).Succeeded);
            await db.SaveChangesAsync();
            return true;
        });

    private static Task<LearningResource> Resource(EnsaDbContext db, string name) => db.LearningResources.SingleAsync(r => r.Name == name);

    private static OrganizerParts Parts(string contactEmail) => new("Styrelsen",
        new ContactPerson("Avtalsansvarig", contactEmail), new ContactPerson("Dataskyddsombud", "dso@example.example"));

    private static async Task<Guid> AddInForceAsync(EnsaDbContext db, Guid organizerId, AgreementTemplate template, LearningResource resource, DateTime now)
    {
        var description = await db.SupplierDescriptions.SingleAsync(d => d.ResourceId == resource.Id && d.Version == 1);
        var today = DateOnly.FromDateTime(now);
        Assert.True(Agreement.Create(organizerId, Staff, template, resource, description, Parts("agreement@larandenorr.example"), now, out var a).Succeeded);
        Assert.True(a!.StartReview(Staff, now).Succeeded);
        Assert.True(a.RecordReview(Staff, null, now).Succeeded);
        Assert.True(a.RecordSecurityReview(Staff, null, now).Succeeded);
        Assert.True(a.ApproveForSigning(Staff, now).Succeeded);
        Assert.True(a.RecordSigning(Staff, [new(AgreementParty.Organizer, "O", "Ordförande", today), new(AgreementParty.Supplier, "S", "VD", today)],
            "a.pdf", Ensa.Demo.DemoData.DemoPdf("Signerat"), now).Succeeded);
        Assert.True(a.PutInForce(Staff, today, null, null, now).Succeeded);
        db.Agreements.Add(a);
        return a.Id;
    }
}
