// Browser tests: the real Ensa app on Kestrel (127.0.0.1, a free port, in this process) with a fresh SQLite file
// and the demo data, driven by Playwright through the system's Chromium and checked with axe on every page.
//
// Environment variables:
//   ENSA_CHROMIUM         Chromium (or Chrome) executable to drive; default /usr/bin/chromium (Debian's package).
//                         Playwright never downloads a browser here: do not run `playwright install`.
//   ENSA_REQUIRE_BROWSER  When "1" (as in .ci/run), a missing browser fails every test instead of skipping it.
//
// One server, one Playwright driver and one Chromium process per test collection (this fixture); every test gets
// fresh browser contexts (own cookies), see BrowserTest. Screenshots of the main pages go to docs/screenshots/;
// a failing test leaves a screenshot and a Playwright trace under bin/…/artifacts/ (open the trace with
// `pwsh bin/Debug/net10.0/playwright.ps1 show-trace <file>` or https://trace.playwright.dev).
using System.Net;
using Ensa.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

public sealed class BrowserFixture : IAsyncLifetime
{
    private const string DefaultChromium = "/usr/bin/chromium";

    // Chromium's background services try to reach Google; the machine may have no network at all.
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ensa-browser-tests", Guid.NewGuid().ToString("N"));
    private EnsaServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("ENSA_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    private static bool BrowserRequired => Environment.GetEnvironmentVariable("ENSA_REQUIRE_BROWSER") == "1";

    public static bool BrowserAvailable => File.Exists(ChromiumPath);

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    /// <summary>Seeds what a test needs with names of its own; see <see cref="TestData"/>.</summary>
    public TestData Data
    {
        get
        {
            RequireBrowser();
            return new TestData(_server!.Services);
        }
    }

    /// <summary>The app's mail pickup folder: the outbox dispatcher writes one .eml file per message here.</summary>
    public string MailDirectory => Path.Combine(_directory, "mail");

    public async ValueTask InitializeAsync()
    {
        if (!BrowserAvailable) return; // every test skips (or fails, when required): see RequireBrowser
        Directory.CreateDirectory(_directory);

        // A free port chosen first: Ensa's public address (for links in e-mail) must be known before it starts.
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _server = new EnsaServer(_directory, MailDirectory, BaseAddress);
        _server.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        _server.StartServer(); // runs Program: migrates and seeds before Kestrel starts
        await EnsureSeededAsync(_server.Services);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Skips the calling test when there is no browser, or fails it when ENSA_REQUIRE_BROWSER=1.</summary>
    public static void RequireBrowser()
    {
        if (BrowserAvailable) return;
        var why = $"No Chromium at {ChromiumPath} (set ENSA_CHROMIUM to another executable, or install Debian's chromium package).";
        if (BrowserRequired) Assert.Fail($"ENSA_REQUIRE_BROWSER=1 but the browser tests cannot run: {why}");
        Assert.Skip(why);
    }

    /// <summary>A fresh browser context: no cookies, so a new visitor (and Swedish, the app's default language).</summary>
    public Task<IBrowserContext> NewContextAsync()
    {
        RequireBrowser();
        return _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned up by the OS eventually.
        }
    }

    private static async Task EnsureSeededAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnsaDbContext>();
        var organizers = await db.Organizers.IgnoreQueryFilters().CountAsync();
        if (organizers == 0)
            throw new InvalidOperationException("The app started but the demo data was not seeded (Ensa:DemoData / EnsaApp.InitializeDatabaseAsync).");
    }

    /// <summary>The app as Program.cs builds it, configured for the tests through settings only.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class EnsaServer(string directory, string mailDirectory, Uri publicUrl) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            // Outside Development the app serves wwwroot as published, where MapStaticAssets finds its precompressed
            // files (site.css.gz …). A build has them under obj/ instead, listed in the static web assets manifest
            // that Development loads on its own; without it, browsers that accept gzip get empty stylesheets.
            builder.UseStaticWebAssets();
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Ensa", $"Data Source={Path.Combine(directory, "ensa.db")}");
            builder.UseSetting("Ensa:Demo", "true");
            builder.UseSetting("Ensa:DemoData", "true");
            builder.UseSetting("Mail:PickupDirectory", mailDirectory);
            builder.UseSetting("Ensa:PublicUrl", publicUrl.ToString());
            // The invitation test waits for the dispatcher to write the e-mail.
            builder.UseSetting("Mail:PollInterval", "00:00:01");
        }
    }
}
