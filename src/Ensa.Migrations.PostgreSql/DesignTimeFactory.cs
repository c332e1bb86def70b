using Ensa.Data;

namespace Ensa.Migrations.PostgreSql;

/// <summary>The model `dotnet ef` generates this project's migrations from.</summary>
internal sealed class DesignTimeFactory() : EnsaDesignTimeFactory(EnsaDatabase.PostgreSql, "Host=localhost");
