using System.Diagnostics;
using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests.Infrastructure;

/// <summary>Runs <c>Ensa.Web admin …</c> as its own process, as an operator's script does, on a database of its own
/// (a SQLite file, or a new PostgreSQL database), and opens that database for the test to look at.</summary>
public sealed class AdminCliRunner : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ensa-cli-").FullName;

    private AdminCliRunner(string provider, string connectionString) => (Provider, ConnectionString) = (provider, connectionString);

    public string Provider { get; }
    public string ConnectionString { get; }

    public static AdminCliRunner Sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ensa-cli-{Guid.NewGuid():N}.db");
        return new AdminCliRunner(EnsaDatabase.Sqlite, $"Data Source={file}");
    }

    public static AdminCliRunner PostgreSql() =>
        new(EnsaDatabase.PostgreSql, TestEnvironment.NewPostgresDatabase(TestEnvironment.RequirePostgres()));

    public sealed record Outcome(int ExitCode, string Output, string Error);

    public async Task<Outcome> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _directory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ensa.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = Provider;
        start.Environment["ConnectionStrings__Ensa"] = ConnectionString;
        start.Environment["Ensa__PublicUrl"] = "https://ensa.example.se";
        start.Environment["LANG"] = "en_US.UTF-8";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Outcome(process.ExitCode, await output, await error);
    }

    public EnsaDbContext OpenDatabase()
    {
        var options = new DbContextOptionsBuilder<EnsaDbContext>();
        options.UseEnsaDatabase(Provider, ConnectionString);
        return new EnsaDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == EnsaDatabase.PostgreSql) await TestEnvironment.DropDatabaseAsync(ConnectionString);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        if (Provider == EnsaDatabase.Sqlite) File.Delete(ConnectionString["Data Source=".Length..]);
    }
}
