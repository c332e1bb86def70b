using System.Globalization;

namespace Ensa.Agreements;

/// <summary>One field that differs between two descriptions; null means the field is absent on that side (an item added
/// or removed). <see cref="Field"/> is a stable path such as <c>SubProcessors[Molnbolaget AB].CountryCode</c>.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Compares two descriptions field by field: for a supplier's version change and for an organizer's deviations.</summary>
public static class DescriptionComparison
{
    public static IReadOnlyList<FieldChange> Compare(InstructionContent before, InstructionContent after)
    {
        var a = Fields(before);
        var b = Fields(after);
        var changes = new List<FieldChange>();
        foreach (var (field, value) in a)
        {
            var other = b.GetValueOrDefault(field);
            if (!string.Equals(value, other, StringComparison.Ordinal)) changes.Add(new FieldChange(field, value, other));
        }
        foreach (var (field, value) in b)
            if (!a.ContainsKey(field)) changes.Add(new FieldChange(field, null, value));
        return changes;
    }

    /// <summary>Every field of a description as path → text, in the order of the appendix. List items are keyed by what
    /// names them, so a reordered list is no change and a changed item shows only its changed fields.</summary>
    public static IReadOnlyDictionary<string, string> Fields(InstructionContent c)
    {
        var fields = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, string? value) => fields[field] = value ?? "";
        void Items<T>(string list, IEnumerable<T> items, Func<T, string> key, params (string Name, Func<T, string?> Value)[] parts)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var k = key(item).Trim();
                seen[k] = seen.GetValueOrDefault(k) + 1;
                var path = seen[k] == 1 ? $"{list}[{k}]" : $"{list}[{k}#{seen[k]}]";
                if (parts.Length == 0) Add(path, k);
                foreach (var (name, value) in parts) Add($"{path}.{name}", value(item));
            }
        }

        Add(nameof(c.SubjectMatter), c.SubjectMatter);
        Add(nameof(c.Nature), c.Nature);
        Add(nameof(c.Purposes), c.Purposes);
        Items(nameof(c.DataSubjects), c.DataSubjects, d => d.Kind.ToString(), ("Description", d => d.Description));
        Items(nameof(c.PersonalData), c.PersonalData, p => p.Name,
            ("Sensitive", p => Bool(p.Sensitive)), ("PersonalIdentityNumber", p => Bool(p.PersonalIdentityNumber)), ("Notes", p => p.Notes));
        Items(nameof(c.ProcessingOperations), c.ProcessingOperations, o => o);
        Add(nameof(c.Retention), c.Retention);
        Add(nameof(c.Deletion), c.Deletion);
        Items(nameof(c.Locations), c.Locations, l => l.Description,
            ("CountryCode", l => l.CountryCode.ToUpperInvariant()), ("Use", l => l.Use.ToString()));
        Items(nameof(c.Transfers), c.Transfers, t => $"{t.Recipient} {t.CountryCode.ToUpperInvariant()}",
            ("Safeguard", t => t.Safeguard.ToString()), ("Notes", t => t.Notes));
        Items(nameof(c.SecurityMeasures), c.SecurityMeasures, m => m);
        Add(nameof(c.Logging), c.Logging);
        Add(nameof(c.LogAccess), c.LogAccess);
        Contact(nameof(c.AgreementContact), c.AgreementContact);
        Contact(nameof(c.DataProtectionContact), c.DataProtectionContact);
        Items(nameof(c.SubProcessors), c.SubProcessors, s => s.Name,
            ("OrganisationNumber", s => s.OrganisationNumber), ("Address", s => s.Address), ("Activities", s => s.Activities),
            ("CountryCode", s => s.CountryCode.ToUpperInvariant()), ("Safeguard", s => s.Safeguard?.ToString()));
        return fields;

        void Contact(string name, ContactPerson p)
        {
            Add(name + ".Name", p.Name);
            Add(name + ".Email", p.Email);
            Add(name + ".Phone", p.Phone);
        }
    }

    /// <summary>Whether <paramref name="field"/> names a part of a description: an existing field or an item the
    /// organizer adds to one of its lists.</summary>
    public static bool IsKnownField(string field)
    {
        var end = field.IndexOfAny(['[', '.']);
        var top = end < 0 ? field : field[..end];
        return Parts.Contains(top) && (end < 0 || field[end] == '[' || top is nameof(InstructionContent.AgreementContact)
            or nameof(InstructionContent.DataProtectionContact));
    }

    private static readonly HashSet<string> Parts = new(typeof(InstructionContent).GetProperties().Select(p => p.Name), StringComparer.Ordinal);

    private static string Bool(bool value) => value.ToString(CultureInfo.InvariantCulture);
}
