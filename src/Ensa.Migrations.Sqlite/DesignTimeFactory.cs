using Ensa.Data;

namespace Ensa.Migrations.Sqlite;

/// <summary>The model `dotnet ef` generates this project's migrations from.</summary>
internal sealed class DesignTimeFactory() : EnsaDesignTimeFactory(EnsaDatabase.Sqlite, "Data Source=design-time.db");
