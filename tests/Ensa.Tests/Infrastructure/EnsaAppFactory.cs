using Ensa.Data;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ensa.Tests.Infrastructure;

/// <summary>The real app over HTTP, on a fresh SQLite file with the demo data (or on a fresh PostgreSQL database, skipped
/// without ENSA_TEST_POSTGRES: see <see cref="PostgresAppFactory"/>). Mail goes to a pickup folder of its own.</summary>
public class EnsaAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _postgres;
    private string? _postgresConnectionString;

    public EnsaAppFactory() : this(false) { }

    /// <summary>For derived fixtures: xUnit wants a single public constructor.</summary>
    protected EnsaAppFactory(bool postgres) => _postgres = postgres;

    /// <summary>Where the database and the mail pickup folder live.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "ensa-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Keep the folder (and database) when disposed, to start again on it.</summary>
    public bool KeepFiles { get; init; }

    public TestClock Clock { get; } = new();
    public const string PublicUrl = "http://localhost";
    public string MailDirectory => Path.Combine(DataDirectory, "mail");
    protected virtual string Provider => _postgres ? "PostgreSQL" : "Sqlite";
    protected virtual string ConnectionString => _postgres
        ? _postgresConnectionString ??= TestEnvironment.NewPostgresDatabase(TestEnvironment.PostgresServer!)
        : $"Data Source={Path.Combine(DataDirectory, "ensa.db")}";
    /// <summary>False on PostgreSQL without a server: the app is never started and every test skips.</summary>
    private bool Available => !_postgres || TestEnvironment.PostgresServer is not null;
    protected virtual bool Demo => true;
    protected virtual bool WithDemoData => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Ensa", ConnectionString);
        builder.UseSetting("Ensa:Demo", Demo ? "true" : "false");
        builder.UseSetting("Ensa:DemoData", WithDemoData ? "true" : "false");
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        // The test client's own address, as an operator sets it; links in e-mail are built from it.
        builder.UseSetting("Ensa:PublicUrl", PublicUrl);
        // No internet here: the school-unit register is refused at once unless a test runs its own.
        builder.UseSetting("Skolverket:RegisterUrl", "http://127.0.0.1:9");
        // Tests dispatch the outbox and run the reminder and sync passes themselves: a background pass in the middle of a
        // test would add rows (the demo has an agreement ending within 90 days) to what the test counts.
        builder.UseSetting("Mail:PollInterval", "01:00:00");
        builder.UseSetting("Agreements:ReminderFirstRun", "1.00:00:00");
        builder.UseSetting("Tasks:ReminderFirstRun", "1.00:00:00");
        builder.UseSetting("Ss12000:SyncFirstRun", "1.00:00:00");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public virtual ValueTask InitializeAsync()
    {
        if (Available) _ = Server; // start the host: migrates and seeds
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        if (!Available) return;
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!KeepFiles)
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
        if (_postgres) await TestEnvironment.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>Skips (or fails, when required) a test whose database is not configured; SQLite always is.</summary>
    public virtual void RequireDatabase()
    {
        if (_postgres) TestEnvironment.RequirePostgres();
    }

    public EnsaClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A signed-in client for the demo account with this role (at Mittköping unless said otherwise).</summary>
    public async Task<EnsaClient> SignInAs(string role, string organizer = "Mittköpings kommun")
    {
        var account = DemoData.Accounts.First(a => a.RoleLabel == role && (a.Where == organizer || role is Roles.SupplierUser or Roles.PlatformAdmin));
        var client = NewClient();
        await client.SignInWithDemoAsync(account.Email);
        return client;
    }

    /// <summary>Runs work against the database outside any request: no tenant, so filtered sets are empty unless
    /// IgnoreQueryFilters is used.</summary>
    public async Task<T> WithDbAsync<T>(Func<EnsaDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<EnsaDbContext>());
    }

    public async Task<EnsaUser> CreateUserWithPasswordAsync(string email, string password, Role role, string organizerSlug = DemoData.MittkopingSlug)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnsaDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnsaUser>>();
        var user = EnsaUser.Create(email, "Test " + email.Split('@')[0], Clock.GetUtcNow().UtcDateTime);
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var organizer = await db.Organizers.SingleAsync(o => o.Slug == organizerSlug);
        var unit = role == Role.Principal
            ? await db.OrganisationUnits.IgnoreQueryFilters().FirstAsync(u => u.OrganizerId == organizer.Id && u.SchoolUnitCode != null)
            : null;
        db.Memberships.Add(new Membership(user.Id, organizer.Id, role, unit?.Id, Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        return user;
    }

    public Task<int> DispatchMailAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
}

/// <summary>The same app on a fresh PostgreSQL database (skipped without ENSA_TEST_POSTGRES).</summary>
public sealed class PostgresAppFactory() : EnsaAppFactory(postgres: true);

/// <summary>The app with demo mode and demo data off, as in production.</summary>
public sealed class ProductionLikeAppFactory : EnsaAppFactory
{
    protected override bool Demo => false;
    protected override bool WithDemoData => false;
}
