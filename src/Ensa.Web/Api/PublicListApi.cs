using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ensa.Publishing;
using Ensa.Requests;

namespace Ensa.Web.Api;

/// <summary>The public list as data, at stable addresses: <c>/public/{organizer}/resources.json</c> and <c>.csv</c>,
/// with the same search parameters as the HTML list. Field names and values are stable identifiers (not UI text), and
/// a field the organizer does not publish is left out.</summary>
public static class PublicListApi
{
    /// <summary>One published resource. Property names are the contract: change them only with a new address.</summary>
    public sealed record Item(
        Guid Id, string Name, string Type, string Description, string? Supplier, string? SupplierCountry, string? WebAddress,
        IReadOnlyList<string> AppStoreLinks, string? Platforms, IReadOnlyList<string> SchoolForms, string? Grades, string? Subjects,
        IReadOnlyList<string> SignIn, bool ProcessesPersonalData, string Decision, string? Conditions, string? Reason,
        string DecidedOn, string? PersonalData, bool? SensitiveData, bool? ThirdCountryTransfer, string? ThirdCountryNotes,
        string? Agreement, string? PedagogicalAssessment, string? Accessibility, string? HowToStart, string? Guidelines,
        IReadOnlyList<string> GuidelineLinks, string Url);

    public sealed record List(string Organizer, string Slug, string Generated, IReadOnlyList<Item> Resources);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Compact: a large organizer's list is hundreds of kilobytes, and indentation was a third of it.
        // Swedish letters as they are (å, ä, ö), not \u escapes; characters that matter to HTML stay escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static void MapPublicListApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/public/{organizer}/resources.json", (string organizer, string? q, string? subject, string? grade, string? platform,
                Decision? status, bool? apps, HttpContext http, PublicList list, TimeProvider clock) =>
            RespondAsync(organizer, PublicSearch.From(q, subject, grade, platform, status, apps == true), http, list, clock, json: true))
            .AllowAnonymous();
        app.MapGet("/public/{organizer}/resources.csv", (string organizer, string? q, string? subject, string? grade, string? platform,
                Decision? status, bool? apps, HttpContext http, PublicList list, TimeProvider clock) =>
            RespondAsync(organizer, PublicSearch.From(q, subject, grade, platform, status, apps == true), http, list, clock, json: false))
            .AllowAnonymous();
    }

    private static async Task<IResult> RespondAsync(string slug, PublicSearch search, HttpContext http, PublicList list, TimeProvider clock, bool json)
    {
        if (await list.OrganizerAsync(slug) is not { } organizer) return Results.NotFound();
        // A deactivated organizer's list is gone for good, as far as readers can tell (nothing is deleted).
        if (!organizer.IsActive) return Results.StatusCode(StatusCodes.Status410Gone);
        var baseUrl = http.RequestServices.GetRequiredService<PublicLinks>().To($"/public/{organizer.Slug}/resources/");
        var items = (await list.SearchAsync(organizer.Id, search)).Select(e => ToItem(e, baseUrl + e.ResourceId)).ToList();
        // Public data: any web site may fetch it, and a short cache spares the database.
        http.Response.Headers.AccessControlAllowOrigin = "*";
        http.Response.Headers.CacheControl = "public, max-age=300";
        if (json)
            return Results.Json(new List(organizer.Name, organizer.Slug, clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture), items), Json);
        return Results.File(Csv.Utf8WithBom(ToCsv(items)), "text/csv; charset=utf-8",
            $"{organizer.Slug}-resources.csv");
    }

    private static Item ToItem(PublicEntry e, string url) => new(
        e.ResourceId, e.Name, e.Type.ToString(), e.Description, e.Supplier, e.SupplierCountry, e.WebAddress, e.AppStoreLinks,
        e.Platforms, Names(e.SchoolForms), e.Grades, e.Subjects, Names(e.SignInMethods), e.ProcessesPersonalData,
        e.Decision.ToString(), e.Conditions, e.Reason, SwedishCalendar.DateOf(e.DecidedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.PersonalDataCategories, e.SensitiveData, e.ThirdCountryTransfer, e.ThirdCountryNotes, e.Agreement?.ToString(),
        e.PedagogicalAssessment, e.Accessibility?.ToString(), e.HowToStart, e.Guidelines, e.GuidelineLinks, url);

    private static List<string> Names<T>(T flags) where T : struct, Enum => Format.Flags(flags).Select(f => f.ToString()).ToList();

    private static readonly string[] CsvColumns =
    [
        "id", "name", "type", "supplier", "supplierCountry", "decision", "conditions", "reason", "decidedOn", "subjects", "grades",
        "platforms", "schoolForms", "signIn", "processesPersonalData", "personalData", "sensitiveData", "thirdCountryTransfer",
        "thirdCountryNotes", "agreement", "webAddress", "url",
    ];

    private static string ToCsv(IEnumerable<Item> items)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(';', CsvColumns).Append("\r\n");
        foreach (var i in items)
        {
            string?[] row =
            [
                i.Id.ToString(), i.Name, i.Type, i.Supplier, i.SupplierCountry, i.Decision, i.Conditions, i.Reason, i.DecidedOn, i.Subjects,
                i.Grades, i.Platforms, string.Join(", ", i.SchoolForms), string.Join(", ", i.SignIn), Bool(i.ProcessesPersonalData),
                i.PersonalData, Bool(i.SensitiveData), Bool(i.ThirdCountryTransfer), i.ThirdCountryNotes, i.Agreement, i.WebAddress, i.Url,
            ];
            csv.AppendJoin(';', row.Select(Csv.Field)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string? Bool(bool? value) => value switch { true => "true", false => "false", null => null };
}
