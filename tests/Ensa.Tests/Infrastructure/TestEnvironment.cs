using Npgsql;

namespace Ensa.Tests.Infrastructure;

/// <summary>What the environment offers the tests. PostgreSQL tests run when ENSA_TEST_POSTGRES holds a connection
/// string to a server (a user allowed to create databases); with ENSA_REQUIRE_POSTGRES=1 (as in .ci/run) a missing
/// server fails the run instead of skipping.</summary>
public static class TestEnvironment
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("ENSA_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    private static bool PostgresRequired => Environment.GetEnvironmentVariable("ENSA_REQUIRE_POSTGRES") == "1";

    /// <summary>Skips (or fails, when required) a test that needs PostgreSQL.</summary>
    public static string RequirePostgres()
    {
        if (PostgresServer is { } server) return server;
        if (PostgresRequired) Assert.Fail("ENSA_REQUIRE_POSTGRES=1 but ENSA_TEST_POSTGRES is not set.");
        Assert.Skip("PostgreSQL not configured (set ENSA_TEST_POSTGRES).");
        return "";
    }

    /// <summary>A new, empty database on the test server; dropped by <see cref="DropDatabaseAsync"/>.</summary>
    public static string NewPostgresDatabase(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Database = $"ensa_test_{Guid.NewGuid():N}" }.ConnectionString;

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database;
        NpgsqlConnection.ClearAllPools();
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A clock that runs with real time but can be moved forward.</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
