using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ensa.Agreements;

namespace Ensa.Web.Documents;

/// <summary>What a Word file of the main text reads as: its title, its numbered sections and the paragraphs before the
/// first section, which are not part of any (shown in the preview so nothing is dropped unseen).</summary>
public sealed record DocxTemplate(string Title, IReadOnlyList<TemplateSection> Sections, IReadOnlyList<string> Preamble);

/// <summary>Reads the official main text from its Word file (.docx). Its top-level headings become the template's
/// sections: paragraphs with a heading style (Heading 1, Rubrik 1, or an outline level), or, in a file without heading
/// styles, short numbered paragraphs ("1 Definitioner", or Word's own numbering). Deeper headings stay in the section's
/// text with their number ("2.1 Omfattning"). The file is checked by content: a zip holding word/document.xml that opens
/// as a Word document, within the size limits; anything else is refused with a resource key, never an exception.</summary>
public static partial class DocxTemplateReader
{
    public const int MaxBytes = 10 * 1024 * 1024;
    /// <summary>What the parts may unpack to: a small file that unpacks to gigabytes is refused before it is read.</summary>
    private const long MaxUnpackedBytes = 100L * 1024 * 1024;
    private const int MaxEntries = 2000;
    /// <summary>Every section is three form fields between preview and publication; the form takes 1024.</summary>
    public const int MaxSections = 300;
    /// <summary>A heading is short; a longer numbered paragraph is body text (a numbered list item, say).</summary>
    private const int MaxHeadingLength = 200;

    /// <summary>The main text of <paramref name="file"/>, or the resource key of why it cannot be read.</summary>
    public static (DocxTemplate? Template, string? Error) Read(byte[] file)
    {
        if (file.Length == 0) return (null, "Templates.ImportEmpty");
        if (file.Length > MaxBytes) return (null, "Templates.ImportTooLarge");
        if (!LooksLikeDocx(file)) return (null, "Templates.ImportNotDocx");
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxUnpackedBytes });
            if (document.DocumentType != WordprocessingDocumentType.Document) return (null, "Templates.ImportNotDocx");
            if (document.MainDocumentPart?.Document?.Body is not { } body) return (null, "Templates.ImportNotDocx");
            var styles = Styles(document.MainDocumentPart.StyleDefinitionsPart?.Styles);
            var template = Parse(body, styles, document.PackageProperties.Title);
            if (template.Sections.Count == 0) return (null, "Templates.ImportNoSections");
            if (template.Sections.Count > MaxSections) return (null, "Templates.ImportTooManySections");
            if (template.Sections.Sum(s => s.Number.Length + s.Heading.Length + s.Text.Length) > AgreementTemplate.TextMaxLength)
                return (null, "Templates.ImportTooLong");
            return (template, null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FormatException or IOException
                                      or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return (null, "Templates.ImportCorrupt");
        }
    }

    /// <summary>A zip archive, within the unpacked limits, with the main document part where Word puts it.</summary>
    private static bool LooksLikeDocx(byte[] file)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes) return false;
            return zip.Entries.Any(e => e.FullName == "word/document.xml") && zip.Entries.Any(e => e.FullName == "[Content_Types].xml");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private sealed record StyleInfo(string? Name, string? BasedOn, int? OutlineLevel, bool Numbered);

    private static Dictionary<string, StyleInfo> Styles(Styles? styles) =>
        (styles?.Elements<Style>() ?? []).Where(s => s.StyleId?.Value is { Length: > 0 } && (s.Type is null || s.Type.Value == StyleValues.Paragraph))
            .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var s = g.First();
                var outline = s.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
                return new StyleInfo(s.StyleName?.Val?.Value, s.BasedOn?.Val?.Value, outline, s.StyleParagraphProperties?.NumberingProperties is not null);
            }, StringComparer.Ordinal);

    /// <summary>One paragraph as read: its text, its heading level (1 for the top) if it is a heading, and whether Word
    /// numbers it.</summary>
    private sealed record Line(string Text, int? StyleLevel, int? NumberingLevel, bool IsTitle, bool IsBold);

    private static DocxTemplate Parse(Body body, Dictionary<string, StyleInfo> styles, string? packageTitle)
    {
        var lines = body.Descendants<Paragraph>().Select(p => Read(p, styles)).Where(l => l.Text.Length > 0).ToList();
        // With heading styles in the file, they alone make headings; without, short numbered paragraphs do.
        var styled = lines.Any(l => l.StyleLevel is not null);
        int? Level(Line l) => styled ? l.StyleLevel : HeadingByNumbering(l);
        var top = lines.Select(Level).Where(l => l is not null).DefaultIfEmpty().Min();

        var sections = new List<TemplateSection>();
        var preamble = new List<string>();
        string? title = string.IsNullOrWhiteSpace(packageTitle) ? null : packageTitle.Trim();
        var counters = new int[10];
        (string Number, string Heading, StringBuilder Text)? current = null;
        void Close()
        {
            if (current is { } c) sections.Add(new TemplateSection(c.Number, c.Heading, c.Text.ToString().Trim()));
        }
        foreach (var line in lines)
        {
            var level = Level(line);
            if (level is { } l && top is { } t && l >= t)
            {
                var depth = Math.Min(l - t, counters.Length - 1);
                var (number, heading) = Numbered(line.Text);
                if (number is not null)
                {
                    // A typed number sets the count, so that Word's numbering after it goes on from there.
                    var parts = number.Split('.');
                    for (var i = 0; i < counters.Length; i++) counters[i] = i < parts.Length && int.TryParse(parts[i], out var n) ? n : 0;
                }
                else if (line.NumberingLevel is not null)
                {
                    counters[depth]++;
                    for (var i = depth + 1; i < counters.Length; i++) counters[i] = 0;
                    number = string.Join('.', counters.Take(depth + 1).Select(c => Math.Max(c, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                if (number is not null && depth == 0)
                {
                    Close();
                    current = (number, heading, new StringBuilder());
                    continue;
                }
                if (number is not null && current is { } section)
                {
                    section.Text.Append(number).Append(' ').Append(heading).Append('\n');
                    continue;
                }
            }
            if (current is { } open) open.Text.Append(line.NumberingLevel is not null ? "– " + line.Text : line.Text).Append('\n');
            else if (line.IsTitle && title is null) title = line.Text;
            else preamble.Add(line.Text);
        }
        Close();
        if (title is null && preamble.Count > 0)
        {
            title = preamble[0];
            preamble.RemoveAt(0);
        }
        return new DocxTemplate(title ?? "", sections, preamble);
    }

    /// <summary>Without heading styles: a short paragraph Word numbers, or a bold one that starts with its number, that does
    /// not end as a sentence does.</summary>
    private static int? HeadingByNumbering(Line line)
    {
        if (line.Text.Length > MaxHeadingLength || line.Text[^1] is '.' or ',' or ';' or ':') return null;
        if (line.NumberingLevel is { } level) return level + 1;
        return line.IsBold && Numbered(line.Text).Number is { } number ? number.Count(c => c == '.') + 1 : null;
    }

    /// <summary>"1 Definitioner", "2.1. Omfattning", "§ 3 Säkerhet": the number and the heading; else no number.</summary>
    private static (string? Number, string Heading) Numbered(string text) =>
        NumberedHeading().Match(text) is { Success: true } m ? (m.Groups[1].Value, m.Groups[2].Value.Trim()) : (null, text);

    [GeneratedRegex(@"^(?:§\s*)?(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^(?:heading|rubrik)\s*(\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyle();

    private static Line Read(Paragraph paragraph, Dictionary<string, StyleInfo> styles)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t: text.Append(t.Text); break;
                case TabChar: text.Append(' '); break;
                case Break or CarriageReturn: text.Append('\n'); break;
            }
        }
        var properties = paragraph.ParagraphProperties;
        int? styleLevel = properties?.OutlineLevel?.Val?.Value is { } outline && outline < 9 ? outline + 1 : null;
        var numbered = properties?.NumberingProperties is not null;
        int? numberingLevel = properties?.NumberingProperties?.NumberingLevelReference?.Val?.Value;
        var isTitle = false;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        // The style and the styles it is based on, nearest first (a chain is short; a loop is cut off).
        for (var depth = 0; styleId is not null && depth < 10 && styles.TryGetValue(styleId, out var style); depth++, styleId = style.BasedOn)
        {
            if (style.Name is "Title" or "title" || styleId is "Title" or "Rubrik") isTitle = true;
            styleLevel ??= HeadingStyle().Match(style.Name ?? "") is { Success: true } byName ? int.Parse(byName.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : HeadingStyle().Match(styleId) is { Success: true } byId ? int.Parse(byId.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : style.OutlineLevel is { } level && level < 9 ? level + 1 : null;
            numbered |= style.Numbered;
        }
        if (numbered) numberingLevel ??= Math.Max((styleLevel ?? 1) - 1, 0);
        var runs = paragraph.Descendants<Run>().Where(r => r.Descendants<Text>().Any(t => t.Text.Trim().Length > 0)).ToList();
        var bold = runs.Count > 0 && runs.TrueForAll(r => r.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value));
        var clean = string.Join('\n', text.ToString().Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
        return new Line(clean, styleLevel, numbered ? numberingLevel : null, isTitle, bold);
    }

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();
}
