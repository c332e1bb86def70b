using Ensa.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Ensa.Tools;

/// <summary>The database the tools work on, opened without the app's audit and notification interceptors.</summary>
public sealed record Database(string Provider, string ConnectionString)
{
    public bool IsPostgres => EnsaDatabase.IsPostgreSql(Provider);

    /// <summary>"sqlite" with a file path (or a connection string), or "postgresql" with a connection string.</summary>
    public static Database From(string provider, string target) => provider.ToLowerInvariant() switch
    {
        "sqlite" => new(EnsaDatabase.Sqlite, target.Contains('=', StringComparison.Ordinal) ? target : $"Data Source={Path.GetFullPath(target)}"),
        "postgresql" or "postgres" => new(EnsaDatabase.PostgreSql, target),
        _ => throw new ArgumentException($"Unknown provider '{provider}': sqlite or postgresql."),
    };

    /// <summary>Write each SQL command with its duration (the profile command's --sql).</summary>
    public bool LogSql { get; init; }

    public EnsaDbContext CreateContext(Common.ICurrentSession? session = null)
    {
        var options = new DbContextOptionsBuilder<EnsaDbContext>();
        options.UseEnsaDatabase(Provider, ConnectionString);
        if (LogSql) options.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted], LogLevel.Information);
        return new EnsaDbContext(options.Options, session);
    }
}
