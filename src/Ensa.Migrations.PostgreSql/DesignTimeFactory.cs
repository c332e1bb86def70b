using Ensa.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ensa.Migrations.PostgreSql;

/// <summary>What `dotnet ef` builds the model with for this provider; it never opens the database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EnsaDbContext>
{
    public EnsaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EnsaDbContext>();
        options.UseEnsaDatabase(EnsaDatabase.PostgreSql, "Host=localhost");
        return new EnsaDbContext(options.Options);
    }
}
