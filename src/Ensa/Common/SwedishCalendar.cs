using System.Globalization;

namespace Ensa.Common;

/// <summary>Ensa's one calendar. Instants are stored in UTC, but an organizer's day is a Swedish day: "today", the date
/// of an instant and the order of names are Swedish wherever the server runs. Between midnight and 01:00 (02:00 in
/// summer) Swedish time the UTC date is still yesterday's, so never take a date from a UTC instant directly.</summary>
public static class SwedishCalendar
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("sv-SE");

    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Swedish alphabetical order (å, ä, ö after z), ignoring case.</summary>
    public static StringComparer Comparer { get; } = StringComparer.Create(Culture, ignoreCase: true);

    /// <summary>Swedish local time of a UTC instant (EF reads SQLite's values back unspecified: they are UTC).</summary>
    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// <summary>The Swedish date of a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public static DateOnly Today(DateTime utcNow) => DateOf(utcNow);

    public static DateOnly Today(TimeProvider clock) => Today(clock.GetUtcNow().UtcDateTime);

    private static readonly PublicHoliday.SwedenPublicHoliday Holidays = new();

    /// <summary>A weekday that is not a Swedish public holiday (midsummer, Christmas and New Year's eves count as
    /// holidays, as they do at work).</summary>
    public static bool IsWorkingDay(DateOnly date) => Holidays.IsWorkingDay(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>The date <paramref name="workingDays"/> working days before <paramref name="date"/>.</summary>
    public static DateOnly WorkingDaysBefore(DateOnly date, int workingDays)
    {
        while (workingDays > 0)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date)) workingDays--;
        }
        return date;
    }
}
