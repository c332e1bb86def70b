using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ensa.Tools.Generation;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tools;

/// <summary>Starts the real app (Ensa.Web.dll, Kestrel on 127.0.0.1) on a generated database and measures the public list
/// and the register pages with concurrent clients for a fixed time each. Loopback only; every loop ends by its deadline.</summary>
internal static partial class Bench
{
    internal static readonly string[] SearchTerms = ["matte", "läs", "engelska", "kod", "quiz", "historia", "kemi", "språk", "bild", "plattform"];

    public static async Task<int> RunAsync(Database database, Options options)
    {
        var app = Path.GetFullPath(options.Require("app"));
        var clients = int.Parse(options.Get("clients", "32"), CultureInfo.InvariantCulture);
        var seconds = double.Parse(options.Get("seconds", "15"), CultureInfo.InvariantCulture);
        var warmup = double.Parse(options.Get("warmup", "3"), CultureInfo.InvariantCulture);

        string slug;
        await using (var db = database.CreateContext())
        {
            // The largest organizer is the worst case: the generator names its central reviewer for the benchmark.
            var email = await db.Users.Where(u => u.Email!.StartsWith(NationalData.BenchUserLocalPart + "@")).Select(u => u.Email!).SingleAsync();
            slug = email.Split('@')[1].Replace(".example", "", StringComparison.Ordinal);
        }
        var port = int.Parse(options.Get("port", "0"), CultureInfo.InvariantCulture);
        if (port == 0) port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var server = StartApp(app, database, baseAddress);
        try
        {
            using var handler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = clients * 2,
            };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            // Public pages are read by visitors without a sign-in cookie: a client of their own.
            using var anonymousHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = clients * 2 };
            using var anonymous = new HttpClient(anonymousHandler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            await WaitForHealthAsync(http, server);

            var list = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/public/{slug}/resources.json", UriKind.Relative)));
            var items = list.RootElement.GetProperty("resources");
            var resourceId = items[items.GetArrayLength() / 2].GetProperty("id").GetString();
            Console.WriteLine($"Organizer {slug}: {items.GetArrayLength()} resources on its public list");
            await SignInAsync(http, NationalData.BenchUserEmail(slug), NationalData.BenchPassword);

            var counter = 0;
            string Search(string suffix) => $"/public/{slug}/resources{suffix}?q={Uri.EscapeDataString(SearchTerms[Interlocked.Increment(ref counter) % SearchTerms.Length])}";
            var endpoints = new (string Name, HttpClient Client, Func<string> Url)[]
            {
                ("GET /public/{o}/resources?q= (search, HTML)", anonymous, () => Search("")),
                ("GET /public/{o}/resources.json?q= (search, JSON)", anonymous, () => Search(".json")),
                ("GET /public/{o}/resources (first page of the whole list, HTML)", anonymous, () => $"/public/{slug}/resources"),
                ("GET /public/{o}/resources/{id} (one resource)", anonymous, () => $"/public/{slug}/resources/{resourceId}"),
                ("GET /Register (central reviewer, first page)", http, () => "/Register"),
                ("GET /Register/Gaps (central reviewer)", http, () => "/Register/Gaps"),
                ("GET / (start page, central reviewer)", http, () => "/"),
                ("GET /Inbox (central reviewer)", http, () => "/Inbox"),
            };
            // --only "start page,Inbox" measures just the endpoints whose names contain one of the parts.
            if (options.Get("only", "") is { Length: > 0 } only)
            {
                var parts = only.Split(',', StringSplitOptions.RemoveEmptyEntries);
                endpoints = endpoints.Where(e => parts.Any(p => e.Name.Contains(p, StringComparison.Ordinal))).ToArray();
            }
            // Warm every endpoint first (JIT, caches, the database's pages), then measure each.
            foreach (var (_, client, url) in endpoints) await LoadAsync(client, url, clients, TimeSpan.FromSeconds(warmup));
            var results = new List<Result>();
            foreach (var (name, client, url) in endpoints)
            {
                var result = await LoadAsync(client, url, clients, TimeSpan.FromSeconds(seconds)) with { Name = name };
                Console.WriteLine(result.Row);
                results.Add(result);
            }
            var table = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"{database.Provider}, organizer `{slug}`, {clients} concurrent clients, {seconds:F0} s per endpoint after {warmup:F0} s warm-up")
                .AppendLine()
                .AppendLine("| endpoint | requests | errors | median ms | p95 ms | max ms | requests/s |")
                .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results) table.AppendLine(r.Row);
            Console.WriteLine();
            Console.WriteLine(table);
            if (options.Get("out", "") is { Length: > 0 } output) await File.AppendAllTextAsync(output, table + Environment.NewLine);
            return results.Any(r => r.Errors > 0) ? 1 : 0;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    private sealed record Result(string Name, int Count, int Errors, double Median, double P95, double Max, double PerSecond)
    {
        public string Row => string.Create(CultureInfo.InvariantCulture,
            $"| `{Name}` | {Count} | {Errors} | {Median:F1} | {P95:F1} | {Max:F1} | {PerSecond:F0} |");
    }

    /// <summary><paramref name="clients"/> loops, each sending one request after another until the deadline.</summary>
    private static async Task<Result> LoadAsync(HttpClient http, Func<string> url, int clients, TimeSpan duration)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                try
                {
                    using var response = await http.GetAsync(new Uri(url(), UriKind.Relative));
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
                catch (TaskCanceledException) { Interlocked.Increment(ref errors); }
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new Result("", all.Length, errors, At(0.5), At(0.95), all.LastOrDefault(), all.Length / elapsed);
    }

    private static Process StartApp(string app, Database database, Uri address)
    {
        var start = new ProcessStartInfo("dotnet", [app])
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Not Development (no developer pages) and not Production (whose Secure cookies need HTTPS): a plain HTTP loopback run.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Ensa__PublicUrl"] = address.ToString();
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Ensa"] = database.ConnectionString;
        start.Environment["Ensa__Demo"] = "false";
        start.Environment["Ensa__DemoData"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        // Drain its output so it never blocks on a full pipe; show errors.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process server)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (server.HasExited) throw new InvalidOperationException($"The app exited with {server.ExitCode}.");
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not answer /health within 90 s.");
    }

    private static async Task SignInAsync(HttpClient http, string email, string password)
    {
        var page = await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = TokenField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on the sign-in page.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        });
        using var response = await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}.");
        using var register = await http.GetAsync(new Uri("/Register", UriKind.Relative));
        if (register.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"/Register answered {(int)register.StatusCode} after sign-in.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
