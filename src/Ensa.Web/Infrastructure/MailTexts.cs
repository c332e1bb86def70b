using System.Globalization;
using System.Resources;

namespace Ensa.Web.Infrastructure;

/// <summary>UI texts for e-mail, written outside a request (interceptors, jobs). The reader's language is not known, so
/// mail carries Swedish first and English below.</summary>
public static class MailTexts
{
    private static readonly ResourceManager Texts = new("Ensa.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo[] Languages = [Format.Swedish, English];

    public static string Text(string key, CultureInfo culture, params object[] args) =>
        string.Format(culture, Texts.GetString(key, culture) ?? key, args);

    /// <summary>The same paragraphs in each language, one block per language.</summary>
    public static string Body(Func<CultureInfo, string> paragraphs) =>
        string.Join("\n\n", Languages.Select(paragraphs)) + "\n";
}
