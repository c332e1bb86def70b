using System.Text.Json;
using Ensa.Organizers;
using Microsoft.Extensions.Options;

namespace Ensa.Web.Skolverket;

/// <summary>Configuration section "Skolverket".</summary>
public sealed class SkolverketOptions
{
    public const string Section = "Skolverket";
    /// <summary>The school-unit register's open API, without the version (<c>/v2/…</c> is added).</summary>
    public Uri RegisterUrl { get; set; } = new("https://api.skolverket.se/skolenhetsregistret");
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Reads Skolverket's school-unit register (Skolenhetsregistret, open API v2).</summary>
public sealed class SchoolUnitRegisterClient(HttpClient http, IOptions<SkolverketOptions> options, ILogger<SchoolUnitRegisterClient> logger)
{
    /// <summary>The units the register lists for an organisation number (10 digits), or null when the register does not
    /// answer in time or answers with an error or something unreadable: a check that cannot run says so, it never guesses.</summary>
    public async Task<IReadOnlyList<RegisterSchoolUnit>?> SchoolUnitsAsync(string organisationNumber, CancellationToken cancellationToken)
    {
        var digits = new string(organisationNumber.Where(char.IsAsciiDigit).ToArray());
        var url = new Uri($"{options.Value.RegisterUrl.AbsoluteUri.TrimEnd('/')}/v2/school-units?organization_number={digits}");
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The school-unit register answered {Status} for {Url}", (int)response.StatusCode, url);
                return null;
            }
            var body = await response.Content.ReadFromJsonAsync<SchoolUnitsResponse>(cancellationToken);
            return body?.Data?.Attributes?
                .Where(u => u.SchoolUnitCode is { Length: > 0 })
                .Select(u => new RegisterSchoolUnit(u.SchoolUnitCode!, u.Name ?? "", u.Status ?? ""))
                .ToList();
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "The school-unit register could not be read at {Url}", url);
            return null;
        }
    }

    // The register's shape: {"meta":{…},"data":{"type":"schoolunit","attributes":[{"schoolUnitCode","name","status"}]}}.
    private sealed record SchoolUnitsResponse(SchoolUnitsData? Data);
    private sealed record SchoolUnitsData(List<SchoolUnitAttributes>? Attributes);
    private sealed record SchoolUnitAttributes(string? SchoolUnitCode, string? Name, string? Status);
}
