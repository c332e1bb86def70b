using System.Globalization;
using System.Text;

namespace Ensa.Suppliers;

/// <summary>How two supplier names are compared to find a likely duplicate: letter case, diacritics, punctuation and
/// legal form ("AB", "Aktiebolag", "Ltd", …) do not count, so "Lärfabriken AB" and "Larfabriken" are the same.</summary>
public static class SupplierName
{
    private static readonly HashSet<string> LegalForms =
    [
        "ab", "aktiebolag", "publ", "hb", "handelsbolag", "kb", "kommanditbolag", "ek", "for", "ekonomisk", "forening", "ideell",
        "stiftelse", "ltd", "limited", "inc", "incorporated", "llc", "llp", "plc", "corp", "corporation", "co", "company", "gmbh", "ag",
        "oy", "oyj", "as", "asa", "aps", "bv", "nv", "sa", "sas", "sarl", "srl", "spa",
    ];

    /// <summary>The comparison key: the name's letters and digits, lower case, without diacritics or legal-form words.</summary>
    public static string Key(string name)
    {
        var plain = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var words = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !LegalForms.Contains(w)).ToArray();
        // A name that is only legal-form words ("AB Company") keeps them rather than matching everything.
        return string.Concat(kept.Length > 0 ? kept : words);
    }

    public static bool AreSimilar(string a, string b) => Key(a) is { Length: > 0 } key && key == Key(b);
}
