using Ensa.Requests;
using Ensa.Tools;
using Ensa.Tools.Generation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The national-scale generator (tools/Ensa.Tools) at a tiny scale: migrated schema, domain steps, counts.</summary>
public sealed class GeneratorSmokeTests
{
    [Fact]
    public async Task Generate_TinyScale_WritesTheCountsItReports()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ensa-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var database = Database.From("sqlite", Path.Combine(directory, "tiny.db"));
            var size = GenerationSize.Scaled(0.005);
            GenerationResult result;
            await using (var db = database.CreateContext())
            {
                await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
                result = await new NationalData(db, size).RunAsync(TestContext.Current.CancellationToken);
            }

            await using var check = database.CreateContext();
            Assert.Equal(size.Organizers, await check.Organizers.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(size.SchoolUnits, await check.OrganisationUnits.IgnoreQueryFilters()
                .CountAsync(u => u.SchoolUnitCode != null, TestContext.Current.CancellationToken));
            Assert.Equal(size.Resources, await check.LearningResources.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(size.Uses, await check.ResourceRequests.IgnoreQueryFilters()
                .CountAsync(r => r.Status == RequestStatus.InUse, TestContext.Current.CancellationToken));
            Assert.Equal(size.Agreements, await check.Agreements.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(result.Requests, await check.ResourceRequests.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));
            var slugs = await check.Organizers.Select(o => o.Slug).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(slugs.Count, slugs.Distinct().Count());
            Assert.All(await check.Organizers.Select(o => o.OrganisationNumber).ToListAsync(TestContext.Current.CancellationToken),
                n => Assert.True(Common.OrganisationNumber.TryParse(n, out _)));
            Assert.Contains(await check.Users.Select(u => u.Email).ToListAsync(TestContext.Current.CancellationToken),
                e => e == NationalData.BenchUserEmail(result.LargestOrganizerSlug));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
