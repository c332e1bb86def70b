using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ensa.Tests.Infrastructure;

public static class DatabaseScan
{
    /// <summary>Every text column of every table that holds one of <paramref name="secrets"/>, as "Table.Column: secret".</summary>
    public static Task<List<string>> FindTextAsync(this EnsaAppFactory app, IReadOnlyCollection<string> secrets) => app.WithDbAsync(async db =>
    {
        var hits = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var column in entity.GetProperties().Where(p => p.GetProviderClrType() == typeof(string) || p.ClrType == typeof(string))
                         .Select(p => p.GetColumnName(table)).Where(c => c is not null).Distinct())
            {
                // One query per column: the rows holding any of the secrets, then which ones.
                var text = $"CAST(\"{column}\" AS TEXT)";
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {text} FROM \"{table.Name}\" WHERE "
                    + string.Join(" OR ", secrets.Select(s => $"{text} LIKE '%{s.Replace("'", "''", StringComparison.Ordinal)}%'"));
                await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
                while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                    hits.AddRange(secrets.Where(s => reader.GetString(0).Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"{table.Name}.{column}: {s}"));
            }
        }
        return hits;
    });
}
