using Ensa.Web;

var app = EnsaApp.Build(args);
await EnsaApp.InitializeDatabaseAsync(app);
await app.RunAsync();

/// <summary>Entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
