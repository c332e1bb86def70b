using Ensa.Common;

namespace Ensa.Agreements;

/// <summary>One numbered section of the main agreement text.</summary>
public sealed record TemplateSection(string Number, string Heading, string Text);

/// <summary>One version of the main agreement text, the same for every organizer and supplier. A published version
/// never changes: a new text is a new version, and every agreement records the version it was made on.</summary>
public sealed class AgreementTemplate : IAudited
{
    public const int TitleMaxLength = 300;
    /// <summary>The text the platform admin pastes or uploads; kept as JSON sections (unbounded).</summary>
    public const int TextMaxLength = 200_000;
    public const int SectionNumberMaxLength = 20;
    public const int SectionHeadingMaxLength = 300;

    private AgreementTemplate() { }

    public Guid Id { get; private set; }
    public int Version { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>True for Ensa's own neutral text, which stands in for the official SKR/Adda/Inera template.</summary>
    public bool IsPlaceholder { get; private set; }
    public IReadOnlyList<TemplateSection> Sections { get; private set; } = [];
    public DateTime PublishedAt { get; private set; }
    public Guid? PublishedById { get; private set; }
    public string PublishedByName { get; private set; } = "";

    /// <summary>Whether <paramref name="sections"/> under <paramref name="title"/> could be published: what
    /// <see cref="Publish"/> checks of the text, for a preview before it.</summary>
    public static Result Check(string title, IReadOnlyList<TemplateSection> sections)
    {
        if (string.IsNullOrWhiteSpace(title) || sections.Count == 0) return new DomainError("Template.SectionsMissing");
        if (title.Trim().Length > TitleMaxLength) return new DomainError("Template.TitleTooLong", TitleMaxLength);
        if (sections.Any(s => string.IsNullOrWhiteSpace(s.Number) || string.IsNullOrWhiteSpace(s.Heading) || string.IsNullOrWhiteSpace(s.Text)))
            return new DomainError("Template.SectionIncomplete");
        if (sections.Any(s => s.Number.Trim().Length > SectionNumberMaxLength || s.Heading.Trim().Length > SectionHeadingMaxLength))
            return new DomainError("Template.SectionHeadingTooLong", SectionNumberMaxLength, SectionHeadingMaxLength);
        if (sections.Select(s => s.Number.Trim()).Distinct(StringComparer.Ordinal).Count() != sections.Count)
            return new DomainError("Template.DuplicateSectionNumber");
        return Result.Ok;
    }

    /// <summary>A platform admin publishes the next version after <paramref name="latestVersion"/> (0 when none).</summary>
    public static Result Publish(Actor actor, int latestVersion, string title, IReadOnlyList<TemplateSection> sections,
        bool isPlaceholder, DateTime now, out AgreementTemplate? template)
    {
        template = null;
        if (!actor.IsPlatformAdmin && actor != Actor.System) return new DomainError("Template.NotPlatformAdmin");
        if (Check(title, sections) is { Succeeded: false } refused) return refused;
        template = new AgreementTemplate
        {
            Id = Guid.NewGuid(),
            Version = latestVersion + 1,
            Title = title.Trim(),
            IsPlaceholder = isPlaceholder,
            Sections = sections.Select(s => new TemplateSection(s.Number.Trim(), s.Heading.Trim(), s.Text.Trim())).ToArray(),
            PublishedAt = now,
            PublishedById = actor.UserId == Guid.Empty ? null : actor.UserId,
            PublishedByName = actor.Name,
        };
        return Result.Ok;
    }
}
