using System.Data.Common;
using Ensa.Data;
using Ensa.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ensa.Tests;

/// <summary>The generated migrations against what came before them. Data/schema-before-generated-migrations.*.sql is
/// the script the hand-written migrations produced (written once from them before they were removed): a database made
/// by them must be adopted at start, keep its data and end with exactly the schema of a new database.</summary>
public sealed class SchemaUpgradeTests
{
    public static TheoryData<string> Providers => [EnsaDatabase.Sqlite, EnsaDatabase.PostgreSql];

    [Theory, MemberData(nameof(Providers))]
    public void Model_HasAMigrationForEveryChange(string provider)
    {
        // The model is compared with the migrations' snapshot: no database is opened, so none is made.
        var connectionString = EnsaDatabase.IsPostgreSql(provider) ? "Host=unused.invalid" : "Data Source=:memory:";
        var options = new DbContextOptionsBuilder<EnsaDbContext>();
        options.UseEnsaDatabase(provider, connectionString);
        using var db = new EnsaDbContext(options.Options);
        Assert.False(db.Database.HasPendingModelChanges(), $"Add a migration: tools/migrations add <Name> ({provider}).");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Baseline_GivesTheSchemaOfTheHandWrittenMigrations(string provider)
    {
        await using var old = await TestDatabase.CreateAsync(provider);
        await old.RunScriptAsync(provider);
        await using var baseline = await TestDatabase.CreateAsync(provider);
        await using (var db = baseline.Context())
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First(), TestContext.Current.CancellationToken);

        var expected = await old.SchemaAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await baseline.SchemaAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Start_OnADatabaseOfTheHandWrittenMigrations_AdoptsTheBaselineKeepsTheDataAndMatchesANewDatabase(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var old = await TestDatabase.CreateAsync(provider);
        await old.RunScriptAsync(provider);
        await old.ExecuteAsync("""
            INSERT INTO "DataProtectionKeys" ("Id", "FriendlyName", "Xml") VALUES ('7c9e6679-7425-40de-944b-e07fc1f90ae7', 'key-1', '<key id="1" />');
            INSERT INTO "JobLeases" ("Name", "Holder", "ExpiresAt") VALUES ('outbox', 'node-a', '2026-11-30 12:00:00');
            """);
        await using (var db = old.Context()) await db.Database.MigrateEnsaAsync(ct);

        await using var fresh = await TestDatabase.CreateAsync(provider);
        await using (var db = fresh.Context()) await db.Database.MigrateEnsaAsync(ct);

        Assert.Equal(await fresh.SchemaAsync(), await old.SchemaAsync());
        await using (var db = old.Context())
        await using (var freshDb = fresh.Context())
        {
            Assert.Equal(await freshDb.Database.GetAppliedMigrationsAsync(ct), await db.Database.GetAppliedMigrationsAsync(ct));
            Assert.Equal(["<key id=\"1\" />"], await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(ct));
            Assert.Equal("node-a", (await db.JobLeases.SingleAsync(ct)).Holder);
            // A second start changes nothing.
            await db.Database.MigrateEnsaAsync(ct);
            Assert.Equal(await freshDb.Database.GetAppliedMigrationsAsync(ct), await db.Database.GetAppliedMigrationsAsync(ct));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Start_OnADatabaseThatStoppedHalfwayThroughTheHandWrittenMigrations_IsRefusedAndChangesNothing(string provider)
    {
        await using var old = await TestDatabase.CreateAsync(provider);
        await old.RunScriptAsync(provider);
        await old.ExecuteAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261201020000_Hardening';""");
        var before = await old.SchemaAsync();

        await using var db = old.Context();
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.MigrateEnsaAsync(TestContext.Current.CancellationToken));
        Assert.Contains("20261201000000_InvitationsByConsent", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await old.SchemaAsync());
        Assert.DoesNotContain(db.Database.GetMigrations().First(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>An empty database of one provider: an in-memory SQLite database kept open, or a new PostgreSQL database.</summary>
    private sealed class TestDatabase : IAsyncDisposable
    {
        private readonly string _provider;
        private readonly DbConnection _connection;

        private TestDatabase(string provider, DbConnection connection) => (_provider, _connection) = (provider, connection);

        public static async Task<TestDatabase> CreateAsync(string provider)
        {
            DbConnection connection = EnsaDatabase.IsPostgreSql(provider)
                ? new Npgsql.NpgsqlConnection(TestEnvironment.NewPostgresDatabase(TestEnvironment.RequirePostgres()))
                : new SqliteConnection("Data Source=:memory:");
            var database = new TestDatabase(provider, connection);
            await using (var db = database.Context())
                if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync()) await db.GetService<IRelationalDatabaseCreator>().CreateAsync();
            await connection.OpenAsync();
            return database;
        }

        public EnsaDbContext Context()
        {
            var options = new DbContextOptionsBuilder<EnsaDbContext>();
            options.UseEnsaDatabase(_provider, _connection.ConnectionString);
            if (!EnsaDatabase.IsPostgreSql(_provider)) options.UseSqlite(_connection);
            return new EnsaDbContext(options.Options);
        }

        public Task RunScriptAsync(string provider) =>
            ExecuteAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data",
                $"schema-before-generated-migrations.{(EnsaDatabase.IsPostgreSql(provider) ? "postgresql" : "sqlite")}.sql")));

        public async Task ExecuteAsync(string sql)
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>The schema as sorted lines (columns, types, nullability, keys, indexes, foreign keys), without EF's
        /// own bookkeeping tables.</summary>
        public async Task<List<string>> SchemaAsync()
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = EnsaDatabase.IsPostgreSql(_provider) ? PostgreSqlSchema : SqliteSchema;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var line = reader.GetString(0);
                if (!line.Contains("__EFMigrations", StringComparison.Ordinal)) lines.Add(line);
            }
            lines.Sort(StringComparer.Ordinal);
            return lines;
        }

        public async ValueTask DisposeAsync()
        {
            var connectionString = _connection.ConnectionString;
            await _connection.DisposeAsync();
            if (EnsaDatabase.IsPostgreSql(_provider)) await TestEnvironment.DropDatabaseAsync(connectionString);
        }

        private const string SqliteSchema = """
            SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk
              FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table'
            UNION ALL
            SELECT 'index ' || m.name || ' on ' || m.tbl_name || ' unique=' || il."unique" || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(m.name) ii) || ')'
              FROM sqlite_master m JOIN pragma_index_list(m.tbl_name) il ON il.name = m.name WHERE m.type = 'index'
            UNION ALL
            SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
              FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
            UNION ALL
            SELECT 'autoincrement ' || name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'
            """;

        private const string PostgreSqlSchema = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' null=' || is_nullable || ' identity=' || is_identity || ' default=' || coalesce(column_default, '')
              FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """;
    }
}
