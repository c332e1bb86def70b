using Microsoft.Playwright;

namespace Ensa.BrowserTests.Infrastructure;

/// <summary>Base of every browser test: hands out fresh browser contexts (one per person in the journey), records a
/// Playwright trace of each, and when the test fails keeps a screenshot and the trace under bin/…/artifacts/.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<Visitor> _visitors = [];

    protected BrowserFixture Fixture => fixture;

    /// <summary>A new person at the keyboard: own context, own cookies. Skips the test when there is no browser.</summary>
    protected async Task<Visitor> NewVisitorAsync()
    {
        var context = await fixture.NewContextAsync();
        context.SetDefaultTimeout(10_000);
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true });
        var visitor = new Visitor(context, await context.NewPageAsync());
        _visitors.Add(visitor);
        return visitor;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        var directory = failed ? ArtifactsDirectory() : null;
        for (var i = 0; i < _visitors.Count; i++)
        {
            var visitor = _visitors[i];
            try
            {
                if (directory is null)
                {
                    await visitor.Context.Tracing.StopAsync(); // passed: the trace is dropped
                    continue;
                }
                try
                {
                    await visitor.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"visitor{i + 1}.png"), FullPage = true });
                }
                catch (PlaywrightException)
                {
                    // The page may be gone (crashed, closed); the trace still tells what happened.
                }
                await visitor.Context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(directory, $"visitor{i + 1}-trace.zip") });
            }
            finally
            {
                await visitor.Context.CloseAsync();
            }
        }
        if (directory is not null)
            TestContext.Current.AddAttachment("artifacts", directory);
        GC.SuppressFinalize(this);
    }

    private static string ArtifactsDirectory()
    {
        var test = TestContext.Current.Test?.TestDisplayName ?? "unknown";
        var safe = new string(test.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts", $"{safe}-{DateTime.UtcNow:yyyyMMddHHmmss}");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
