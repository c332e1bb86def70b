using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ensa.Common;

namespace Ensa.MasterData;

/// <summary>Where an organizer's SS 12000 API is and how Ensa gets a token: a bearer token as it is, or OAuth2 client
/// credentials.</summary>
public sealed record Ss12000Connection(Uri BaseUrl, string? Token = null, Uri? TokenUrl = null, string? ClientId = null,
    string? ClientSecret = null);

/// <summary>How far a read has come: lists finished (of <see cref="Ss12000Progress.Lists"/>) and records read so far.</summary>
public sealed record Ss12000Progress(int ListsRead, int RecordsRead)
{
    public const int Lists = 3;
}

/// <summary>Reads a snapshot from SS 12000: over HTTP, following every <c>pageToken</c>, or from the three saved responses.</summary>
public static class Ss12000Source
{
    public const int PageSize = 500;
    private const int MaxPages = 10_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<Ss12000Snapshot> ReadAsync(HttpClient http, Ss12000Connection connection, CancellationToken cancellationToken = default) =>
        ReadAsync(http, connection, null, cancellationToken);

    /// <summary>Reports <paramref name="progress"/> after every page.</summary>
    public static async Task<Ss12000Snapshot> ReadAsync(HttpClient http, Ss12000Connection connection, IProgress<Ss12000Progress>? progress,
        CancellationToken cancellationToken)
    {
        var token = connection.Token ?? await ClientCredentialsTokenAsync(http, connection, cancellationToken);
        var read = new ProgressCounter(progress);
        var organisations = await ReadListAsync<Ss12000Organisation>(http, connection.BaseUrl, "organisations", "", token, read, cancellationToken);
        // Staff only: persons related to the source by a duty, never pupils by a placement or enrolment.
        var persons = await ReadListAsync<Ss12000Person>(http, connection.BaseUrl, "persons", "relationship.entity.type=duty&", token, read, cancellationToken);
        var duties = await ReadListAsync<Ss12000Duty>(http, connection.BaseUrl, "duties", "", token, read, cancellationToken);
        return new Ss12000Snapshot(organisations, persons, duties);
    }

    private sealed class ProgressCounter(IProgress<Ss12000Progress>? progress)
    {
        private int _lists, _records;

        public void Page(int records, bool last)
        {
            _records += records;
            if (last) _lists++;
            progress?.Report(new Ss12000Progress(_lists, _records));
        }
    }

    /// <summary>The responses of <c>/organisations</c>, <c>/persons</c> and <c>/duties</c>, one JSON document each.</summary>
    public static async Task<Ss12000Snapshot> ReadFilesAsync(Stream organisations, Stream persons, Stream duties, CancellationToken cancellationToken = default) =>
        new(await ReadFileAsync<Ss12000Organisation>(organisations, "organisations", cancellationToken),
            await ReadFileAsync<Ss12000Person>(persons, "persons", cancellationToken),
            await ReadFileAsync<Ss12000Duty>(duties, "duties", cancellationToken));

    /// <summary>A folder holding organisations.json, persons.json and duties.json.</summary>
    public static async Task<Ss12000Snapshot> ReadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        string File(string name) => System.IO.File.Exists(Path.Combine(folder, name)) ? Path.Combine(folder, name)
            : throw new Ss12000Exception(new DomainError("Ss12000.FileMissing", name, folder));
        await using var organisations = System.IO.File.OpenRead(File("organisations.json"));
        await using var persons = System.IO.File.OpenRead(File("persons.json"));
        await using var duties = System.IO.File.OpenRead(File("duties.json"));
        return await ReadFilesAsync(organisations, persons, duties, cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> ReadFileAsync<T>(Stream stream, string list, CancellationToken cancellationToken)
    {
        try
        {
            var page = await JsonSerializer.DeserializeAsync<Ss12000Page<T>>(stream, Json, cancellationToken);
            return page?.Data ?? throw new Ss12000Exception(new DomainError("Ss12000.FileMalformed", list));
        }
        catch (JsonException e)
        {
            throw new Ss12000Exception(new DomainError("Ss12000.FileMalformed", list), e);
        }
    }

    private static async Task<IReadOnlyList<T>> ReadListAsync<T>(HttpClient http, Uri baseUrl, string list, string filter, string token,
        ProgressCounter read, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        for (var page = 1; page <= MaxPages; page++)
        {
            // With a page token only limit goes along: servers may answer other filters with a token by 400.
            var query = pageToken is null ? $"{filter}limit={PageSize}" : $"limit={PageSize}&pageToken={Uri.EscapeDataString(pageToken)}";
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{baseUrl.ToString().TrimEnd('/')}/{list}?{query}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var body = await SendAsync<Ss12000Page<T>>(http, request, list, page, cancellationToken);
            var data = body.Data ?? throw new Ss12000Exception(new DomainError("Ss12000.PageMalformed", list, page));
            all.AddRange(data);
            read.Page(data.Count, string.IsNullOrEmpty(body.PageToken));
            if (string.IsNullOrEmpty(body.PageToken)) return all;
            if (!seen.Add(body.PageToken)) throw new Ss12000Exception(new DomainError("Ss12000.PageLoop", list, page));
            pageToken = body.PageToken;
        }
        throw new Ss12000Exception(new DomainError("Ss12000.PageLoop", list, MaxPages));
    }

    private static async Task<string> ClientCredentialsTokenAsync(HttpClient http, Ss12000Connection connection, CancellationToken cancellationToken)
    {
        if (connection.TokenUrl is null || string.IsNullOrEmpty(connection.ClientId) || string.IsNullOrEmpty(connection.ClientSecret))
            throw new Ss12000Exception(new DomainError("Ss12000.NoCredentials"));
        using var request = new HttpRequestMessage(HttpMethod.Post, connection.TokenUrl)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        // RFC 6749 2.3.1: the client authenticates with HTTP Basic, id and secret form-encoded first.
        var basic = $"{WebUtility.UrlEncode(connection.ClientId)}:{WebUtility.UrlEncode(connection.ClientSecret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        var answer = await SendAsync<TokenAnswer>(http, request, "token", 1, cancellationToken);
        return string.IsNullOrEmpty(answer.AccessToken) ? throw new Ss12000Exception(new DomainError("Ss12000.TokenRefused", 200)) : answer.AccessToken;
    }

    private static async Task<T> SendAsync<T>(HttpClient http, HttpRequestMessage request, string list, int page, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new Ss12000Exception(new DomainError("Ss12000.Unreachable", request.RequestUri!.GetLeftPart(UriPartial.Authority)), e);
        }
        using (response)
        {
            if (list == "token" && !response.IsSuccessStatusCode)
                throw new Ss12000Exception(new DomainError("Ss12000.TokenRefused", (int)response.StatusCode));
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new Ss12000Exception(new DomainError("Ss12000.Unauthorized", list, (int)response.StatusCode));
            if (!response.IsSuccessStatusCode)
                throw new Ss12000Exception(new DomainError("Ss12000.HttpFailed", list, page, (int)response.StatusCode));
            try
            {
                return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                    ?? throw new Ss12000Exception(new DomainError("Ss12000.PageMalformed", list, page));
            }
            catch (JsonException e)
            {
                throw new Ss12000Exception(new DomainError("Ss12000.PageMalformed", list, page), e);
            }
        }
    }

    private sealed record TokenAnswer([property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string? AccessToken);
}
