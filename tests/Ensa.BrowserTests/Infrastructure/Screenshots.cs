using Microsoft.Playwright;

namespace Ensa.BrowserTests.Infrastructure;

/// <summary>Pictures of the first screen of the main pages for the documentation, in docs/screenshots/ at the repository
/// root — only when asked for with ENSA_SCREENSHOTS=1, so an ordinary test run leaves the work tree as it was.</summary>
public static class Screenshots
{
    private static bool Wanted => Environment.GetEnvironmentVariable("ENSA_SCREENSHOTS") == "1";

    private static readonly Lazy<string> Directory = new(() =>
    {
        var root = RepositoryRoot();
        var directory = Path.Combine(root, "docs", "screenshots");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    });

    public static Task SaveAsync(IPage page, string name) => !Wanted ? Task.CompletedTask
        : page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory.Value, name + ".png"), FullPage = false });

    /// <summary>The folder holding Ensa.slnx, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ensa.slnx"))) return directory.FullName;
        }
        throw new InvalidOperationException($"Ensa.slnx not found above {AppContext.BaseDirectory}.");
    }
}
