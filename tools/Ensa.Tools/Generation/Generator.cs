using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tools.Generation;

internal static class Generator
{
    /// <summary>SQLite: one open connection with durability off for the bulk load (a throwaway data set; WAL stays, which the
    /// app reads fine).</summary>
    public static async Task PrepareAsync(EnsaDbContext db, Database database)
    {
        if (database.IsPostgres) return;
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
    }
}
