using Ensa.Agreements;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages;

/// <summary>What changed from one version of the main text to another, section by section (partial _TemplateChanges):
/// on the preview of an import, the platform admin's version page and the organizers' page of a newer version.
/// <see cref="FromVersion"/> is null when the text is compared with nothing before it.</summary>
public sealed record TemplateChanges(int? FromVersion, int ToVersion, IReadOnlyList<SectionChange> Changes)
{
    public static TemplateChanges Between(AgreementTemplate? from, int toVersion, IReadOnlyList<TemplateSection> to) =>
        new(from?.Version, toVersion, TemplateComparison.Compare(from?.Sections ?? [], to));

    /// <summary>The headings of the changed sections, for a notice: "2 Behandling (ändrat), 9 Underbiträden (nytt)".</summary>
    public static string Headings(IReadOnlyList<SectionChange> changes, IStringLocalizer l) =>
        string.Join(", ", changes.Select(c => $"{c.Section.Number} {c.Section.Heading} ({l["Templates.Change." + c.Kind]})"));

    /// <summary>A changed text word by word: what went struck through, what came underlined, each also said in words for
    /// a screen reader. Built here so that no white space of the template's markup enters the text.</summary>
    public static IHtmlContent WordDiff(string before, string after, IStringLocalizer l)
    {
        var html = new HtmlContentBuilder();
        foreach (var s in TemplateComparison.Words(before, after))
        {
            if (s.Kind == DiffKind.Same)
            {
                html.Append(s.Text);
                continue;
            }
            var (tag, label) = s.Kind == DiffKind.Removed ? ("del", l["Templates.Removed"].Value) : ("ins", l["Templates.Added"].Value);
            html.AppendHtml($"<{tag}><span class=\"visually-hidden\">[").Append(label).AppendHtml(": </span>").Append(s.Text)
                .AppendHtml($"<span class=\"visually-hidden\">]</span></{tag}>");
        }
        return html;
    }
}
