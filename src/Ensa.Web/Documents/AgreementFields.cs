using System.Globalization;
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
        // A second item of the same name is keyed "name#2": shown as "name (2)".
        var repeat = "";
        if (item.LastIndexOf('#') is var hash and > 0 && int.TryParse(item[(hash + 1)..], CultureInfo.InvariantCulture, out var nth))
            (item, repeat) = (item[..hash], $" ({nth})");
        // Categories of data subjects are keyed by their kind, which has a name of its own.
        if (path[..end] == nameof(InstructionContent.DataSubjects) && Enum.TryParse<DataSubjectKind>(item, out var kind))
            item = l["DataSubject." + kind];
        // Transfers are keyed by recipient and country code ("Molnbolaget Inc US"): the country by its name.
        else if (path[..end] == nameof(InstructionContent.Transfers) && item.LastIndexOf(' ') is var space and > 0
                 && Countries.TryGet(item[(space + 1)..], out var country))
            item = $"{item[..space]} ({Format.Country(country.Code, l)})";
        item += repeat;
        var rest = close + 2 <= path.Length ? path[(close + 1)..].TrimStart('.') : "";
        return rest.Length == 0 ? $"{top} – {item}" : $"{top} – {item} – {l["DescField." + rest].Value}";
    }

    /// <summary>A field's value as a reader sees it: choices by their names, yes/no in words, countries by name; other
    /// values as typed.</summary>
    public static string? Value(string path, string? value, IStringLocalizer l)
    {
        if (value is null) return null;
        var field = path[(path.LastIndexOf('.') + 1)..];
        return field switch
        {
            nameof(SubProcessor.Safeguard) when Enum.TryParse<TransferSafeguard>(value, out var safeguard) => l["Safeguard." + safeguard],
            nameof(ProcessingLocation.Use) when Enum.TryParse<LocationUse>(value, out var use) =>
                string.Join(", ", Format.Flags(use).Select(u => l["LocationUse." + u].Value)),
            nameof(SubProcessor.CountryCode) => Format.Country(value, l),
            nameof(PersonalDataCategory.Sensitive) or nameof(PersonalDataCategory.PersonalIdentityNumber) when bool.TryParse(value, out var yes) =>
                l[yes ? "Common.Yes" : "Common.No"],
            _ => value,
        };
    }
}
