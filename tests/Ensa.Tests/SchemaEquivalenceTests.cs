using System.Data.Common;
using Ensa.Data;
using Ensa.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ensa.Tests;

/// <summary>The hand-written migrations must build exactly the schema the model describes (EnsureCreated).</summary>
public sealed class SchemaEquivalenceTests
{
    private static EnsaDbContext Context(Action<DbContextOptionsBuilder<EnsaDbContext>> provider)
    {
        var builder = new DbContextOptionsBuilder<EnsaDbContext>();
        provider(builder);
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return new EnsaDbContext(builder.Options);
    }

    [Fact]
    public async Task Migrations_Sqlite_MatchTheModel()
    {
        await using var migrated = new SqliteConnection("Data Source=:memory:");
        await using var created = new SqliteConnection("Data Source=:memory:");
        await migrated.OpenAsync();
        await created.OpenAsync();
        await using (var db = Context(b => b.UseSqlite(migrated))) await db.Database.MigrateAsync();
        await using (var db = Context(b => b.UseSqlite(created))) await db.Database.EnsureCreatedAsync();

        const string sql = """
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
        var expected = await SchemaAsync(created, sql);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await SchemaAsync(migrated, sql));
    }

    [Fact]
    public async Task Migrations_PostgreSql_MatchTheModel()
    {
        var server = TestEnvironment.RequirePostgres();
        var migratedDb = TestEnvironment.NewPostgresDatabase(server);
        var createdDb = TestEnvironment.NewPostgresDatabase(server);
        try
        {
            await using (var db = Context(b => b.UseNpgsql(migratedDb))) await db.Database.MigrateAsync();
            await using (var db = Context(b => b.UseNpgsql(createdDb))) await db.Database.EnsureCreatedAsync();
            const string sql = """
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                       || ' null=' || is_nullable || ' identity=' || is_identity || ' default=' || coalesce(column_default, '')
                  FROM information_schema.columns WHERE table_schema = 'public'
                UNION ALL
                SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
                UNION ALL
                SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                """;
            await using var created = new Npgsql.NpgsqlConnection(createdDb);
            await using var migrated = new Npgsql.NpgsqlConnection(migratedDb);
            await created.OpenAsync();
            await migrated.OpenAsync();
            var expected = await SchemaAsync(created, sql);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await SchemaAsync(migrated, sql));
        }
        finally
        {
            await TestEnvironment.DropDatabaseAsync(migratedDb);
            await TestEnvironment.DropDatabaseAsync(createdDb);
        }
    }

    /// <summary>The schema as sorted lines, without EF's own bookkeeping tables.</summary>
    private static async Task<List<string>> SchemaAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
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
}
