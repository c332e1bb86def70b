using Ensa.Web;
using Ensa.Web.Cli;

if (AdminCli.IsAdminCommand(args)) return await AdminCli.RunAsync(args);

var app = EnsaApp.Build(args);
await EnsaApp.InitializeDatabaseAsync(app);
await app.RunAsync();
return 0;

/// <summary>Entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
