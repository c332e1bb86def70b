using System.Globalization;
using Ensa.Data;
using Ensa.Tools.Generation;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tools;

/// <summary>The entry point (a named class: the tests reference this assembly beside Ensa.Web's <c>Program</c>).</summary>
internal static class Tool
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("""
                ensa-tools generate --provider sqlite|postgresql --db <file or connection string> [--scale 1.0] [--seed 1] [--batch 8000]
                ensa-tools bench    --provider sqlite|postgresql --db <file or connection string> --app <Ensa.Web.dll>
                                    [--clients 32] [--seconds 15] [--warmup 3] [--port 0] [--out results.md] [--only "start page,Inbox"]
                ensa-tools seal     [--rounds 5] [--sections 40] [--chromium /usr/bin/chromium]
                """);
            return 0;
        }
        var options = Options.Parse(args.Skip(1));
        if (args[0] == "seal") return await SealBench.RunAsync(options);
        var database = Database.From(options.Get("provider", "sqlite"), options.Require("db"));
        switch (args[0])
        {
            case "generate":
                return await GenerateAsync(database, options);
            case "profile":
                return await Profile.RunAsync(database, options);
            case "bench":
                return await Bench.RunAsync(database, options);
            default:
                Console.Error.WriteLine($"Unknown command '{args[0]}'.");
                return 2;
        }
    }

    private static async Task<int> GenerateAsync(Database database, Options options)
    {
        var scale = double.Parse(options.Get("scale", "1"), CultureInfo.InvariantCulture);
        var size = GenerationSize.Scaled(scale);
        await using var db = database.CreateContext();
        var migrate = System.Diagnostics.Stopwatch.StartNew();
        if (!database.IsPostgres && db.Database.GetDbConnection().DataSource is { Length: > 0 } file)
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await db.Database.MigrateEnsaAsync();
        if (await db.Organizers.AnyAsync())
        {
            Console.Error.WriteLine("The database already has organizers: generate into an empty one.");
            return 1;
        }
        Console.WriteLine($"Migrated in {migrate.Elapsed.TotalSeconds:F1} s; generating {size} ({database.Provider})");
        await Generator.PrepareAsync(db, database);
        var result = await new NationalData(db, size, int.Parse(options.Get("seed", "1"), CultureInfo.InvariantCulture),
            int.Parse(options.Get("batch", "8000"), CultureInfo.InvariantCulture), Console.Out).RunAsync();
        var analyze = System.Diagnostics.Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"""
            Generated in {result.Elapsed.TotalSeconds:F1} s (+ ANALYZE {analyze.Elapsed.TotalSeconds:F1} s):
              organizers {result.Organizers}, school units {result.SchoolUnits}, suppliers {result.Suppliers}, resources {result.Resources},
              requests {result.Requests} (in use {result.Uses}), agreements {result.Agreements}, users {result.Users}
              largest organizer: {result.LargestOrganizerSlug}; central reviewer {NationalData.BenchUserEmail(result.LargestOrganizerSlug)}, password "{NationalData.BenchPassword}"
            """);
        return 0;
    }
}

/// <summary>--name value pairs.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal)) name = arg[2..];
            else if (name is not null) { options._values[name] = arg; name = null; }
            else throw new ArgumentException($"Unexpected '{arg}'.");
        }
        return options;
    }

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);
    public string Require(string name) => _values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");
}
