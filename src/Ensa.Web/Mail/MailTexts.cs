using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Mail;

/// <summary>The UI texts in one fixed language, for mail written outside a request (interceptors, jobs) where the
/// request's UI culture says nothing about the reader. Formatting stays Swedish, as on the pages.</summary>
public sealed class MailTexts : IStringLocalizer
{
    private static readonly ResourceManager Texts = new("Ensa.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
    public static readonly MailTexts Swedish = new(SwedishCalendar.Culture);
    public static readonly MailTexts English = new(CultureInfo.GetCultureInfo("en"));

    private readonly CultureInfo _culture;
    private MailTexts(CultureInfo culture) => _culture = culture;

    /// <summary>The reader's language, for what is named from a table rather than the resources (countries).</summary>
    public CultureInfo Culture => _culture;

    /// <summary>The texts of a user's stored language (a UI culture name); Swedish for anything else.</summary>
    public static MailTexts For(string? language) =>
        string.Equals(language, English._culture.Name, StringComparison.OrdinalIgnoreCase) ? English : Swedish;

    public LocalizedString this[string name] =>
        Texts.GetString(name, _culture) is { } value ? new(name, value) : new(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = this[name];
            return new(name, string.Format(SwedishCalendar.Culture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Texts.GetResourceSet(_culture, createIfNotExists: true, tryParents: includeParentCultures)?.Cast<System.Collections.DictionaryEntry>()
            .Select(e => new LocalizedString((string)e.Key, (string?)e.Value ?? "")) ?? [];
}
