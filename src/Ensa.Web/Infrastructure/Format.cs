using System.Globalization;

namespace Ensa.Web.Infrastructure;

/// <summary>Dates, numbers and sorting follow sv-SE whatever the UI language; times are shown in Swedish time.</summary>
public static class Format
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static System.DateTime ToSwedishTime(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Stockholm);

    public static string DateTime(System.DateTime utc) => ToSwedishTime(utc).ToString("yyyy-MM-dd HH:mm", Swedish);

    public static string Date(System.DateTime utc) => ToSwedishTime(utc).ToString("yyyy-MM-dd", Swedish);

    public static string Number(int n) => n.ToString("N0", Swedish);

    public static StringComparer Sorting { get; } = StringComparer.Create(Swedish, ignoreCase: true);
}
