using System.Globalization;
using Spectre.Console.Cli;

namespace Ensa.Web.Cli;

/// <summary><c>dotnet run --project src/Ensa.Web -- admin …</c>: the platform admin's commands for installations and
/// scripts, on the same configuration (database provider, connection string, mail) as the web app. Exit code 0 on
/// success, non-zero with a message on standard error otherwise. Log output goes to standard error, so that standard
/// output carries only the command's answer (one JSON object with <c>--json</c>).</summary>
public static class AdminCli
{
    public static bool IsAdminCommand(string[] args) => args is ["admin", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        // Messages in the operator's language: English when the locale says so, Swedish otherwise.
        var language = Environment.GetEnvironmentVariable("LANG") ?? "";
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language.StartsWith("en", StringComparison.Ordinal) ? "en" : "sv-SE");
        try
        {
            var app = EnsaApp.BuildForCommandLine(["--Logging:LogLevel:Default=Warning", "--Logging:Console:LogToStandardErrorThreshold=Trace"]);
            await EnsaApp.MigrateAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            return await Commands(scope.ServiceProvider).RunAsync(args);
        }
        catch (CommandAppException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static CommandApp Commands(IServiceProvider services)
    {
        var commands = new CommandApp(new ServiceRegistrar(services));
        commands.Configure(c =>
        {
            c.SetApplicationName("ensa");
            c.PropagateExceptions();
            c.AddBranch("admin", admin =>
            {
                admin.AddBranch("organizer", organizer => organizer.AddCommand<CreateOrganizerCommand>("create")
                    .WithDescription("Creates an organizer and invites its first organizer admin by e-mail."));
                admin.AddBranch("import", import => import.AddCommand<ImportSs12000Command>("ss12000")
                    .WithDescription("Imports an organizer's school units, staff and principals from SS 12000 (API or files)."));
            });
        });
        return commands;
    }
}

/// <summary>Resolves Spectre's commands from the app's services, so a command takes its dependencies (the database, the
/// mail composer) as a page does.</summary>
internal sealed class ServiceRegistrar(IServiceProvider services) : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, Func<object>> _registered = [];

    public void Register(Type service, Type implementation) =>
        _registered[service] = () => ActivatorUtilities.CreateInstance(services, implementation);

    public void RegisterInstance(Type service, object implementation) => _registered[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory) => _registered[service] = factory;

    public ITypeResolver Build() => this;

    public object? Resolve(Type? type) =>
        type is null ? null
        : _registered.TryGetValue(type, out var make) ? make()
        : services.GetService(type) ?? (type.IsAbstract || type.IsInterface ? null : ActivatorUtilities.CreateInstance(services, type));
}
