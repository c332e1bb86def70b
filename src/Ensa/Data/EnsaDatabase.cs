using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ensa.Data;

/// <summary>The two databases Ensa runs on. Each has its own EF-generated migrations in its own assembly (ADR 11).</summary>
public static class EnsaDatabase
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    public static bool IsPostgreSql(string? provider) => PostgreSql.Equals(provider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Points the context at the database and at that provider's migrations.</summary>
    public static DbContextOptionsBuilder UseEnsaDatabase(this DbContextOptionsBuilder options, string? provider, string connectionString) =>
        IsPostgreSql(provider)
            ? options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Ensa.Migrations.PostgreSql"))
            : options.UseSqlite(connectionString, o => o.MigrationsAssembly("Ensa.Migrations.Sqlite"));

    /// <summary>The migrations written by hand before the generated sets (ADR 1, superseded by ADR 11), oldest first.</summary>
    internal static readonly string[] HandWrittenMigrations =
    [
        "20261122000000_Initial", "20261122010000_Requests", "20261122020000_Agreements", "20261122030000_PublicList",
        "20261122040000_Register", "20261122050000_Privacy", "20261122060000_AgreementSharing",
        "20261201000000_InvitationsByConsent", "20261201020000_Hardening",
    ];

    /// <summary>Brings the database up to the model. A database made by the hand-written migrations has exactly the
    /// baseline's schema (SchemaUpgradeTests compares them), so its history is rewritten to say so and the generated
    /// migrations after the baseline run as usual. EF takes a lock, so several nodes may start at once.</summary>
    public static async Task MigrateEnsaAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        var applied = (await database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var handWritten = HandWrittenMigrations.Where(applied.Contains).ToList();
        if (handWritten.Count > 0)
        {
            if (handWritten.Count != HandWrittenMigrations.Length)
                throw new InvalidOperationException(
                    $"This database stopped at migration {handWritten[^1]}, before {HandWrittenMigrations[^1]}. Start the Ensa release " +
                    "of 2026-12-01 on it once (it brings the database to that point), then this release.");
            await AdoptBaselineAsync(database, handWritten, cancellationToken);
        }
        await database.MigrateAsync(cancellationToken);
    }

    private static async Task AdoptBaselineAsync(DatabaseFacade database, List<string> handWritten, CancellationToken cancellationToken)
    {
        var history = database.GetService<IHistoryRepository>();
        var baseline = database.GetMigrations().First();
        var sql = string.Concat(handWritten.Select(history.GetDeleteScript))
            + history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion()));
        try
        {
            await using var transaction = await database.BeginTransactionAsync(cancellationToken);
            await database.ExecuteSqlRawAsync(sql, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException)
        {
            // Another node may have adopted the baseline at the same moment; otherwise this is a real failure.
            if (!(await database.GetAppliedMigrationsAsync(cancellationToken)).Contains(baseline)) throw;
        }
    }
}

/// <summary>What `dotnet ef` builds the model with in a provider's migrations project; it never opens the database.</summary>
public abstract class EnsaDesignTimeFactory(string provider, string connectionString)
    : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<EnsaDbContext>
{
    public EnsaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EnsaDbContext>();
        options.UseEnsaDatabase(provider, connectionString);
        return new EnsaDbContext(options.Options);
    }
}
