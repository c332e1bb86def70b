using System.Globalization;
using Ensa.Data;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.Mail;
using Ensa.Resources;
using Ensa.Web.Api;
using Ensa.Web.Jobs;
using Ensa.Web.MasterData;
using Ensa.Web.SignIn;
using Ensa.Web.Skolverket;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Ensa.Web;

/// <summary>All of Ensa's wiring, so Program.cs stays a few lines.</summary>
public static class EnsaApp
{
    public static readonly CultureInfo[] UiCultures = [SwedishCalendar.Culture, CultureInfo.GetCultureInfo("en")];

    public static WebApplication Build(string[] args) => Configure(BuildServices(args), serving: true);

    /// <summary>The app as the command line uses it: never started, so it needs no HTTPS address (its pages are mapped
    /// for the links in mail).</summary>
    public static WebApplication BuildForCommandLine(string[] args)
    {
        var app = Configure(BuildServices(args), serving: false);
        // A started app connects its endpoints to link generation when it builds its pipeline; this one never starts.
        app.UseEndpoints(_ => { });
        return app;
    }

    private static WebApplication BuildServices(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        ConfigureServices(builder);
        return builder.Build();
    }

    /// <summary>Demo accounts and one-click sign-in: in Development, or when Ensa:Demo is true.</summary>
    public static bool DemoEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Ensa:Demo") ?? environment.IsDevelopment();

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        var publicUrl = PublicLinks.Read(configuration, builder.Environment);
        services.AddSingleton(sp => new PublicLinks(publicUrl, sp.GetRequiredService<LinkGenerator>()));
        ConfigureHosts(builder, publicUrl);
        RequestSize.Configure(builder);
        services.AddScoped<ICurrentSession, HttpCurrentSession>();

        // Every interceptor is a singleton registered as ISaveChangesInterceptor and attached to each context from DI.
        services.AddSingleton<Ensa.Publishing.PublicListCache>();
        services.AddSingleton<ISaveChangesInterceptor>(sp => sp.GetRequiredService<Ensa.Publishing.PublicListCache>());
        services.AddSingleton<ISaveChangesInterceptor, Audit.AuditInterceptor>();
        services.AddSingleton<ISaveChangesInterceptor, RequestNotifications>();
        services.AddSingleton<ISaveChangesInterceptor, AgreementNotifications>();
        services.AddSingleton<ISaveChangesInterceptor, SupplierNotifications>();
        services.AddSingleton<ISaveChangesInterceptor, RightsNotifications>();
        services.AddSingleton<ISaveChangesInterceptor, TemplateNotifications>();
        services.AddDbContext<EnsaDbContext>((sp, options) =>
        {
            ConfigureDatabase(options, configuration, builder.Environment.ContentRootPath);
            options.AddInterceptors(sp.GetServices<ISaveChangesInterceptor>());
        });
        services.AddScoped<LeaseStore>();
        services.AddScoped<DemoData>();
        services.AddScoped<UserOrganizers>();
        services.AddScoped<RequestAccess>();
        services.AddScoped<AgreementAccess>();
        services.AddSingleton<ChromiumPdf>();
        services.AddSingleton<AgreementSeal>();
        services.AddScoped<AgreementSigning>();
        services.AddScoped<Catalogue>();
        services.AddSingleton<MailComposer>();
        services.AddScoped<InvitationMail>();
        services.AddScoped<TwoFactorReset>();
        services.AddScoped<OrganizerCreation>();
        services.AddScoped<Ensa.Publishing.PublicList>();
        services.AddScoped<Ensa.Register.UseRegister>();
        services.AddScoped<Ensa.Tasks.TaskList>();
        services.AddScoped<Pages.Inbox.MyTasks>();
        services.AddScoped<RightsMail>();
        services.AddScoped<Ensa.Register.ProcessingRecord>();
        services.AddLeasedJob<RightsReminderJob>();
        services.AddLeasedJob<TaskReminderJob>();
        services.AddLeasedJob<NotificationDigestJob>();

        services.AddDataProtection().SetApplicationName("Ensa").PersistKeysToDbContext<EnsaDbContext>();

        services.AddIdentityCore<EnsaUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                // Length over complexity (as current guidance has it); lockout against guessing.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<EnsaDbContext>()
            .AddSignInManager<EnsaSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityProviders(configuration);
        services.ConfigureApplicationCookie(o =>
        {
            // Checked on every request, not every few minutes: signing out, a new password or second factor and a
            // deactivation change the stamp, and every cookie issued before is refused at once.
            o.Events.OnValidatePrincipal = SessionStamp.ValidateAsync;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "Ensa.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddScoped<IClaimsTransformation, EnsaClaimsTransformation>();
        services.AddScoped<SignInLog>();
        services.AddSingleton<IAuthorizationHandler, SameOrganizerHandler>();
        services.AddAuthorization(Policies.Add);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "Ensa.Antiforgery";
            o.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Formatting is always Swedish; only the UI language changes.
            o.DefaultRequestCulture = new RequestCulture(SwedishCalendar.Culture, SwedishCalendar.Culture);
            o.SupportedCultures = [SwedishCalendar.Culture];
            o.SupportedUICultures = UiCultures;
            // Swedish unless the user picks English (not the browser's Accept-Language).
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
            o.FallBackToParentUICultures = true;
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Admin", Policies.OrganizerAdmin);
                o.Conventions.AuthorizeFolder("/Platform", Policies.PlatformAdmin);
                o.Conventions.AuthorizeFolder("/Units", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Requests", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Review", Policies.Reviewer);
                o.Conventions.AuthorizeFolder("/Register", Policies.Reviewer);
                o.Conventions.AuthorizeFolder("/Privacy", Policies.Reviewer);
                o.Conventions.AuthorizeFolder("/Purchasing", Policies.CentralReviewer);
                o.Conventions.AuthorizeFolder("/Agreements", Policies.AgreementStaff);
                o.Conventions.AuthorizeFolder("/Supplier", Policies.SupplierUser);
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                o.Conventions.AllowAnonymousToPage("/Account/External");
                o.Conventions.AllowAnonymousToPage("/Account/AcceptInvitation");
                o.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
                o.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Language");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToFolder("/Published");
                o.Conventions.AllowAnonymousToFolder("/Tasks");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        // Validation happens on the server; pages carry no client-side validation attributes.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcViewOptions>(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, LocalizedModelBindingMessages>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            o.Filters.Add(new UnknownHandlerFilter());
            o.Filters.Add<StaleFormFilter>();
        });

        services.AddHealthChecks().AddDbContextCheck<EnsaDbContext>("database");

        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailDelivery>();
        services.AddLeasedJob<OutboxDispatcher>();
        services.AddLeasedJob<AgreementReminders>();

        services.Configure<SkolverketOptions>(configuration.GetSection(SkolverketOptions.Section));
        services.AddHttpClient<SchoolUnitRegisterClient>((sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<SkolverketOptions>>().Value.Timeout);

        services.Configure<Ss12000Options>(configuration.GetSection(Ss12000Options.Section));
        services.AddHttpClient(Ss12000Options.HttpClient, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<Ss12000Options>>().Value.Timeout);
        services.AddSingleton<Ss12000Secrets>();
        services.AddSingleton<ImportRunWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportRunWorker>());
        services.AddLeasedJob<Ss12000SyncJob>();
    }

    internal static void ConfigureDatabase(DbContextOptionsBuilder options, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? EnsaDatabase.Sqlite;
        var connectionString = configuration.GetConnectionString("Ensa");
        if (EnsaDatabase.IsPostgreSql(provider) && connectionString is null)
            throw new InvalidOperationException("ConnectionStrings:Ensa is required for PostgreSQL.");
        options.UseEnsaDatabase(provider, connectionString ?? $"Data Source={Path.Combine(contentRoot, "data", "ensa.db")}");
    }

    /// <summary>Outside Development only requests for Ensa's own host are answered (a forged Host gets 400), and
    /// forwarded headers are read only from the proxies named in Ensa:KnownProxies.</summary>
    private static void ConfigureHosts(WebApplicationBuilder builder, Uri publicUrl)
    {
        var (services, configuration) = (builder.Services, builder.Configuration);
        if (!builder.Environment.IsDevelopment() && configuration["AllowedHosts"] is null or "" or "*")
            services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = [publicUrl.IdnHost]);
        var proxies = configuration.GetSection("Ensa:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
    }

    private static WebApplication Configure(WebApplication app, bool serving)
    {
        if (serving) HttpsRequirement.Check(app);
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseEnsaSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSs12000UploadSize();
        app.UseRequestSizeAnswer();
        app.UseRequestLocalization();
        app.MapStaticAssets().AllowAnonymous();
        app.UseRouting();
        app.UseAuthentication();
        app.UseTwoFactorGate();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapPublicListApi();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    /// <summary>Migrates the database (EF takes a lock, so several nodes may start at once) and, in demo mode,
    /// fills an empty one with demo data.</summary>
    /// <summary>Brings the schema up to date and seeds the demo data where it is enabled: what the web app does at start.</summary>
    public static async Task InitializeDatabaseAsync(WebApplication app)
    {
        await MigrateAsync(app);
        var seed = app.Configuration.GetValue<bool?>("Ensa:DemoData") ?? DemoEnabled(app.Configuration, app.Environment);
        if (!seed) return;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
    }

    /// <summary>Brings the schema up to date (the command line does only this: it never seeds demo data).</summary>
    public static async Task MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnsaDbContext>();
        if (db.Database.IsSqlite() && db.Database.GetDbConnection().DataSource is { Length: > 0 } file && file != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await db.Database.MigrateEnsaAsync();
        await Ensa.Agreements.PlaceholderTemplate.EnsureAsync(db, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
    }
}
