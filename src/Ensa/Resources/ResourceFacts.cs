using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ensa.Resources;

/// <summary>The shared facts of a catalogue entry: what every organizer's lists, public pages and agreements show about
/// a resource. An organizer's own guidance and decisions are not here; they stay its own.</summary>
public sealed record ResourceFacts(
    string Name, Guid? SupplierId, ResourceType Type, string Description, string? WebAddress, string? AppStoreLinks,
    string? Platforms, SchoolForms SchoolForms, string? Grades, string? Subjects, SignInMethods SignInMethods,
    bool ProcessesPersonalData, Pricing Pricing)
{
    private static readonly PropertyInfo[] Fields = typeof(ResourceFacts).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name != nameof(EqualityContract)).ToArray();

    private static readonly ConstructorInfo Constructor = typeof(ResourceFacts).GetConstructors().Single();

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public static ResourceFacts Of(LearningResource r) => new(r.Name, r.SupplierId, r.Type, r.Description, r.WebAddress, r.AppStoreLinks,
        r.Platforms, r.SchoolForms, r.Grades, r.Subjects, r.SignInMethods, r.ProcessesPersonalData, r.Pricing);

    /// <summary>The names of the fields (property names) where <paramref name="other"/> differs from these facts.</summary>
    public IReadOnlyList<string> ChangedIn(ResourceFacts other) =>
        Fields.Where(p => !Equals(p.GetValue(this), p.GetValue(other))).Select(p => p.Name).ToList();

    /// <summary>A field's value, by property name.</summary>
    public object? Value(string field) => Fields.Single(p => p.Name == field).GetValue(this);

    /// <summary>These facts with the named fields taken from <paramref name="source"/>: a proposal changes only what it
    /// proposed, not what someone else changed meanwhile.</summary>
    public ResourceFacts With(ResourceFacts source, IEnumerable<string> fields)
    {
        var values = Fields.ToDictionary(p => p.Name, p => p.GetValue(this));
        foreach (var field in fields) values[field] = source.Value(field);
        return (ResourceFacts)Constructor.Invoke(Constructor.GetParameters().Select(p => values[p.Name!]).ToArray());
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ResourceFacts FromJson(string json) => JsonSerializer.Deserialize<ResourceFacts>(json, Json)!;
}
