using Ensa.Agreements;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Documents;

/// <summary>Readable names for the description's field paths (<c>SubProcessors[Molnbolaget AB].CountryCode</c> →
/// "Underbiträden – Molnbolaget AB – Land").</summary>
public static class AgreementFields
{
    public static string Label(string path, IStringLocalizer l)
    {
        var end = path.IndexOfAny(['[', '.']);
        if (end < 0) return l["DescField." + path];
        var top = l["DescField." + path[..end]].Value;
        if (path[end] == '.') return $"{top} – {l["DescField." + path[(end + 1)..]].Value}";
        var close = path.LastIndexOf(']');
        if (close < end) return path;
        var item = path[(end + 1)..close];
        // Categories of data subjects are keyed by their kind, which has a name of its own.
        if (path[..end] == nameof(InstructionContent.DataSubjects) && Enum.TryParse<DataSubjectKind>(item, out var kind))
            item = l["DataSubject." + kind];
        var rest = close + 2 <= path.Length ? path[(close + 1)..].TrimStart('.') : "";
        return rest.Length == 0 ? $"{top} – {item}" : $"{top} – {item} – {l["DescField." + rest].Value}";
    }

    /// <summary>A field's value as a reader sees it: choices by their names, yes/no in words; other values as typed.</summary>
    public static string? Value(string path, string? value, IStringLocalizer l)
    {
        if (value is null) return null;
        var field = path[(path.LastIndexOf('.') + 1)..];
        return field switch
        {
            nameof(SubProcessor.Safeguard) when Enum.TryParse<TransferSafeguard>(value, out var safeguard) => l["Safeguard." + safeguard],
            nameof(ProcessingLocation.Use) when Enum.TryParse<LocationUse>(value, out var use) =>
                string.Join(", ", Format.Flags(use).Select(u => l["LocationUse." + u].Value)),
            nameof(PersonalDataCategory.Sensitive) or nameof(PersonalDataCategory.PersonalIdentityNumber) when bool.TryParse(value, out var yes) =>
                l[yes ? "Common.Yes" : "Common.No"],
            _ => value,
        };
    }
}
