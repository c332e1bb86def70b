using System.Net;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>The agreement pages, the supplier portal and the reminder job on PostgreSQL: their queries (past the tenant
/// filter, over dates) must translate there too. Skipped without ENSA_TEST_POSTGRES.</summary>
public sealed class AgreementPostgresPageTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task AgreementPagesPortalAndReminders_Postgres_Work()
    {
        TestEnvironment.RequirePostgres();
        var id = await app.DemoAgreementIdAsync();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        foreach (var url in new[] { "/Agreements", "/Agreements/New", $"/Agreements/{id}", $"/Agreements/{id}/Document" })
            await lisa.GetPageAsync(url);
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync($"/Agreements/{id}")).StatusCode);
        using var elin = await app.SignInAs(Roles.SupplierUser);
        Assert.Contains("Sagoväven Läsresan", EnsaClient.Text(await elin.GetPageAsync("/Supplier"), "table.supplier-resources"), StringComparison.Ordinal);

        var today = SwedishCalendar.Today(app.Clock);
        var admin = Actor.OrganizerStaff(Guid.NewGuid(), "Test", new HashSet<Role> { Role.OrganizerAdmin });
        await app.ChangeAgreementAsync(id, a => a.SetDates(admin, today.AddDays(10), today.AddDays(400), app.Clock.GetUtcNow().UtcDateTime));
        var job = app.Services.GetRequiredService<AgreementReminders>();
        Assert.NotNull(await job.RunOnceAsync(CancellationToken.None, "pg-node"));
        Assert.Equal(new AgreementReminders.RunResult(0, 0), await job.RunOnceAsync(CancellationToken.None, "pg-node-2"));
        Assert.Equal(1, await app.CountStoredAsync<AgreementEvent>(e => e.AgreementId == id && e.Kind == AgreementEventKind.ReviewReminderSent));
    }
}
