using System.Globalization;

namespace Ensa.Web.Forms;

/// <summary>Dates, numbers and sorting follow <see cref="SwedishCalendar"/> whatever the UI language; times are shown in
/// Swedish time.</summary>
public static class Format
{
    public static string DateTime(System.DateTime utc) => SwedishCalendar.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", SwedishCalendar.Culture);

    public static string Date(System.DateTime utc) => SwedishCalendar.DateOf(utc).ToString("yyyy-MM-dd", SwedishCalendar.Culture);

    public static string Number(int n) => n.ToString("N0", SwedishCalendar.Culture);

    /// <summary>An absolute http or https address: the only kind Ensa links to (never javascript: or data:).</summary>
    public static bool IsWebAddress(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>A country's name (ISO 3166-1 alpha-2 code) in the page's language; an unknown code as it is.</summary>
    public static string Country(string? code) => Countries.Name(code, CultureInfo.CurrentUICulture);

    /// <summary>A country's name in the language of <paramref name="l"/>: a mail's reader's, or else the page's.</summary>
    public static string Country(string? code, Microsoft.Extensions.Localization.IStringLocalizer l) =>
        Countries.Name(code, l is MailTexts mail ? mail.Culture : CultureInfo.CurrentUICulture);

    /// <summary>The single flags set in a [Flags] value.</summary>
    public static IEnumerable<T> Flags<T>(T value) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0 && value.HasFlag(v));

    /// <summary>For sorting many rows by few distinct names (the register's thousands of rows): each name's Swedish sort
    /// key is made once and then compared as bytes, instead of a culture-aware comparison per pair. Same order as
    /// <see cref="SwedishCalendar.Comparer"/>.</summary>
    public static Func<string, SortKey> SortKeys(IEnumerable<string> names)
    {
        var keys = names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => SwedishCalendar.Culture.CompareInfo.GetSortKey(n, CompareOptions.IgnoreCase),
            StringComparer.Ordinal);
        return name => keys[name];
    }

    public static IComparer<SortKey> SortKeyOrder { get; } = Comparer<SortKey>.Create(SortKey.Compare);
}
