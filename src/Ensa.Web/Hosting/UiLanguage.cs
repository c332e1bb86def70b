using System.Globalization;
using Ensa.Identity;
using Microsoft.AspNetCore.Localization;

namespace Ensa.Web.Hosting;

/// <summary>The UI-language cookie, set by /Language and, from the account's stored language, at sign-in. Formatting
/// stays Swedish.</summary>
public static class UiLanguage
{
    /// <summary>One of <see cref="EnsaApp.UiCultures"/> by name, or null.</summary>
    public static CultureInfo? Find(string? name) =>
        EnsaApp.UiCultures.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public static void SetCookie(HttpResponse response, CultureInfo ui) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(SwedishCalendar.Culture, ui)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps });

    /// <summary>After a sign-in: the language stored on the account, when it is one Ensa speaks.</summary>
    public static void SetCookieFor(HttpResponse response, EnsaUser user)
    {
        if (Find(user.Language) is { } ui) SetCookie(response, ui);
    }
}
