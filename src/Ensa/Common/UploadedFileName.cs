using System.Globalization;
using System.Text;

namespace Ensa.Common;

/// <summary>The name an uploaded file is kept and offered for download under: the client's name without its folder,
/// without control, format (right-to-left override and other bidi marks) or path characters, with the one extension
/// the content was checked to be, and of sane length. "faktura\u202Efdp.exe" or "x.html" become "…​.pdf".</summary>
public static class UploadedFileName
{
    public const int MaxLength = 100;

    public static string Normalize(string? clientName, string extension, string fallback)
    {
        var name = (clientName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator) continue;
            if (rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*' or ';') continue;
            clean.Append(rune.ToString());
        }
        var stem = clean.ToString().Trim().Trim('.').Trim();
        // Every extension the client gave goes (".pdf.html" too); the checked one is put back.
        while (Path.GetExtension(stem) is { Length: > 0 } ext) stem = stem[..^ext.Length].TrimEnd('.', ' ');
        if (stem.Length == 0) stem = fallback;
        var limit = MaxLength - extension.Length;
        if (stem.Length > limit) stem = stem[..(char.IsHighSurrogate(stem[limit - 1]) ? limit - 1 : limit)];
        return stem.TrimEnd() + extension;
    }
}
