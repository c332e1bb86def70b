using System.Text;
using Ensa.Agreements;

namespace Ensa.Web.Pages.Platform.Templates;

/// <summary>The main text as a platform admin writes or uploads it: each section starts on a line "§ number heading", its
/// text follows until the next such line. Parsed into the template's structured sections.</summary>
public static class TemplateText
{
    public static string Write(IEnumerable<TemplateSection> sections)
    {
        var text = new StringBuilder();
        foreach (var s in sections) text.Append("§ ").Append(s.Number).Append(' ').Append(s.Heading).Append('\n').Append(s.Text).Append("\n\n");
        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>The sections, or the resource key of what is wrong.</summary>
    public static (List<TemplateSection> Sections, string? Error) Parse(string? text)
    {
        var sections = new List<TemplateSection>();
        string? number = null, heading = null;
        var body = new StringBuilder();
        void Close()
        {
            if (number is not null) sections.Add(new TemplateSection(number, heading ?? "", body.ToString().Trim()));
            body.Clear();
        }
        foreach (var raw in (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith('§'))
            {
                Close();
                var parts = line[1..].Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length < 2) return ([], "Templates.SectionLineInvalid");
                (number, heading) = (parts[0].TrimEnd('.'), parts[1]);
            }
            else if (number is null)
            {
                if (line.Length > 0) return ([], "Templates.TextBeforeFirstSection");
            }
            else
            {
                body.Append(line).Append('\n');
            }
        }
        Close();
        return sections.Count == 0 ? ([], "Template.SectionsMissing") : (sections, null);
    }
}
