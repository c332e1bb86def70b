using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Ensa.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ensa.Tests.Infrastructure;

/// <summary>A small SS 12000 source on loopback: pages of <see cref="PageSize"/> with the token absent on the last page,
/// a bearer token (or one from its client-credentials endpoint), and failures to order.</summary>
public sealed class Ss12000Server : IAsyncDisposable
{
    public const string Token = "good-token";
    public const string ClientId = "ensa";
    public const string ClientSecret = "s3cret";
    private WebApplication? _app;

    public Ss12000Data Data { get; set; } = new();
    public int PageSize { get; set; } = 2;
    /// <summary>Lists answered by 500, or by a page that is not JSON.</summary>
    public HashSet<string> Failing { get; } = [];
    public HashSet<string> Malformed { get; } = [];
    /// <summary>Every query string the lists were asked with.</summary>
    public ConcurrentQueue<(string List, string Query)> Requests { get; } = new();
    public Uri BaseUrl { get; private set; } = null!;
    public Uri TokenUrl => new(BaseUrl, "/token");

    public static async Task<Ss12000Server> StartAsync()
    {
        var server = new Ss12000Server();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/token", (HttpContext c) =>
            c.Request.Headers.Authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"))
                ? Results.Json(new Dictionary<string, object> { ["access_token"] = Token, ["token_type"] = "Bearer", ["expires_in"] = 3600 })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401));
        app.MapGet("/ss12000/{list}", (string list, HttpContext c) => server.Answer(list, c));
        await app.StartAsync();
        server._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address + "/ss12000/");
        return server;
    }

    private IResult Answer(string list, HttpContext c)
    {
        Requests.Enqueue((list, c.Request.QueryString.Value ?? ""));
        if (c.Request.Headers.Authorization != $"Bearer {Token}") return Results.StatusCode(401);
        if (Failing.Contains(list)) return Results.StatusCode(500);
        if (Malformed.Contains(list)) return Results.Text("<html>not json</html>", "application/json");
        var all = Data.List(list);
        var start = int.TryParse(c.Request.Query["pageToken"], out var s) ? s : 0;
        var page = all.Skip(start).Take(PageSize).ToList();
        var next = start + PageSize < all.Count ? (start + PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        // Like Skolverket's reference server: no pageToken at all on the last page.
        return Results.Json(next is null ? new Dictionary<string, object> { ["data"] = page } : new Dictionary<string, object> { ["data"] = page, ["pageToken"] = next });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>An SS 12000 data set for one organizer, as the source sends it (civic numbers and private data included, to
/// show that Ensa keeps none of them).</summary>
public sealed class Ss12000Data
{
    public List<Dictionary<string, object?>> Organisations { get; } = [];
    public List<Dictionary<string, object?>> Persons { get; } = [];
    public List<Dictionary<string, object?>> Duties { get; } = [];

    public List<Dictionary<string, object?>> List(string name) => name switch
    {
        "organisations" => Organisations,
        "persons" => Persons,
        "duties" => Duties,
        _ => [],
    };

    public static string NewOrganisationNumber()
    {
        var body = "55" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{body[..6]}-{body[6..]}{Luhn.CheckDigit(body)}";
    }

    public static string NewSchoolUnitCode() => Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Dictionary<string, object?> Organisation(string type, string name, string? parent, string? code = null, string? orgNumber = null,
        string? endDate = null)
    {
        var o = new Dictionary<string, object?>
        {
            ["id"] = Guid.NewGuid().ToString(), ["displayName"] = name, ["organisationType"] = type, ["schoolUnitCode"] = code,
            ["organisationNumber"] = orgNumber, ["parentOrganisation"] = parent is null ? null : new { id = parent }, ["endDate"] = endDate,
        };
        Organisations.Add(o);
        return o;
    }

    public Dictionary<string, object?> Person(string given, string family, string civicNo, string? workEmail, string securityMarking = "Ingen")
    {
        var emails = new List<object> { new { value = $"{given.ToLowerInvariant()}.privat@example.com", type = "Privat" } };
        if (workEmail is not null) emails.Add(new { value = workEmail, type = "Skola personal" });
        var p = new Dictionary<string, object?>
        {
            ["id"] = Guid.NewGuid().ToString(), ["givenName"] = given, ["familyName"] = family, ["civicNo"] = new { value = civicNo, nationality = "SE" },
            ["securityMarking"] = securityMarking, ["emails"] = emails,
            ["eduPersonPrincipalNames"] = new[] { $"{given.ToLowerInvariant()}@skola.example", $"{given.ToLowerInvariant()}@idp.example" },
            ["addresses"] = new[] { new { type = "Folkbokföring", streetAddress = "Hemligvägen 1", postalCode = "12345", locality = "Mittköping" } },
        };
        Persons.Add(p);
        return p;
    }

    public Dictionary<string, object?> Duty(object? personId, object? organisationId, string role, string? endDate = null)
    {
        var d = new Dictionary<string, object?>
        {
            ["id"] = Guid.NewGuid().ToString(), ["person"] = new { id = personId }, ["dutyAt"] = new { id = organisationId }, ["dutyRole"] = role,
            ["startDate"] = "2020-08-01", ["endDate"] = endDate,
        };
        Duties.Add(d);
        return d;
    }

    public async Task WriteToAsync(string folder)
    {
        foreach (var list in new[] { "organisations", "persons", "duties" })
            await File.WriteAllTextAsync(Path.Combine(folder, list + ".json"), JsonSerializer.Serialize(new { data = List(list) }));
    }
}
