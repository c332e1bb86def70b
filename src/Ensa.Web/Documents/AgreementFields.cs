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
        var rest = close + 2 <= path.Length ? path[(close + 1)..].TrimStart('.') : "";
        return rest.Length == 0 ? $"{top} – {item}" : $"{top} – {item} – {l["DescField." + rest].Value}";
    }
}
