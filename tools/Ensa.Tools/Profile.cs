using System.Diagnostics;
using Ensa.Common;
using Ensa.Data;
using Ensa.Publishing;
using Ensa.Register;
using Ensa.Tools.Generation;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tools;

/// <summary>Times the public list and the register's queries one at a time, in this process (no HTTP, no rendering), to
/// see where a request's time goes.</summary>
internal static class Profile
{
    private sealed record Session(Guid? OrganizerId) : ICurrentSession
    {
        public Guid? UserId => null;
        public string? UserName => "profile";
    }

    public static async Task<int> RunAsync(Database database, Options options)
    {
        if (options.Get("sql", "") == "true")
        {
            Guid id;
            await using (var db = database.CreateContext())
                id = await db.Organizers.OrderBy(o => o.Slug).Where(o => o.Slug == "kommun001").Select(o => o.Id).SingleAsync();
            await using var logged = (database with { LogSql = true }).CreateContext(new Session(id));
            await new UseRegister(logged).UsesAsync();
            return 0;
        }
        var rounds = int.Parse(options.Get("rounds", "5"), System.Globalization.CultureInfo.InvariantCulture);
        Guid organizerId;
        await using (var db = database.CreateContext())
        {
            var email = await db.Users.Where(u => u.Email!.StartsWith(NationalData.BenchUserLocalPart + "@")).Select(u => u.Email!).SingleAsync();
            var slug = email.Split('@')[1].Replace(".example", "", StringComparison.Ordinal);
            organizerId = await db.Organizers.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();
        }
        await TimeAsync("PublicList.SearchAsync(all)", rounds, database, organizerId, db => new PublicList(db).SearchAsync(organizerId, new PublicSearch()));
        await TimeAsync("PublicList.SearchAsync(q=matte)", rounds, database, organizerId, db => new PublicList(db).SearchAsync(organizerId, new PublicSearch("matte")));
        await TimeAsync("PublicList.FindAsync", rounds, database, organizerId, async db =>
        {
            var id = await db.ResourceReviews.IgnoreQueryFilters().Where(r => r.OrganizerId == organizerId && r.ResourceId != null).Select(r => r.ResourceId!.Value).FirstAsync();
            return await new PublicList(db).FindAsync(organizerId, id);
        });
        var cache = new PublicListCache();
        await using (var db = database.CreateContext())
            foreach (var term in Bench.SearchTerms)
                Console.WriteLine($"q={term}: {(await new PublicList(db, cache).SearchAsync(organizerId, new PublicSearch(term))).Count} entries");
        await TimeAsync("PublicList.SearchAsync(q=matte), cached", rounds, database, organizerId, db => new PublicList(db, cache).SearchAsync(organizerId, new PublicSearch("matte")));
        await TimeAsync("PublicList.SearchAsync(q=läs), cached", rounds, database, organizerId, db => new PublicList(db, cache).SearchAsync(organizerId, new PublicSearch("läs")));
        await TimeAsync("UseRegister.UsesAsync", rounds, database, organizerId, db => new UseRegister(db).UsesAsync());
        await TimeAsync("UseRegister.GapsAsync", rounds, database, organizerId, db => new UseRegister(db).GapsAsync(SwedishCalendar.Today(TimeProvider.System)));
        return 0;
    }

    private static async Task TimeAsync<T>(string name, int rounds, Database database, Guid organizerId, Func<EnsaDbContext, Task<T>> work)
    {
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            await using var db = database.CreateContext(new Session(organizerId));
            var clock = Stopwatch.StartNew();
            await work(db);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"{name}: {string.Join(" ", times.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms");
    }
}
