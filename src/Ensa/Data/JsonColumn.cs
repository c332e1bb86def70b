using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ensa.Data;

/// <summary>A list of small immutable records stored as JSON in a text column: the same on SQLite and PostgreSQL, with
/// no provider-specific type (see ADR 5). Whole lists are replaced, never changed in place.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static PropertyBuilder<IReadOnlyList<T>> HasJsonConversion<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.IsRequired().HasConversion(
            v => Serialize(v),
            s => Deserialize<T>(s),
            new ValueComparer<IReadOnlyList<T>>(
                (a, b) => Serialize(a) == Serialize(b),
                v => Serialize(v).GetHashCode(StringComparison.Ordinal),
                v => Deserialize<T>(Serialize(v))));

    public static string Serialize<T>(IReadOnlyList<T>? value) => JsonSerializer.Serialize(value ?? [], Options);

    public static IReadOnlyList<T> Deserialize<T>(string json) => JsonSerializer.Deserialize<T[]>(json, Options) ?? [];
}
