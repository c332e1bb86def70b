using Microsoft.Playwright;
using MimeKit;

namespace Ensa.BrowserTests.Infrastructure;

/// <summary>Base of every browser test: hands out fresh browser contexts (one per person in the journey), records a
/// Playwright trace of each, and when the test fails keeps a screenshot and the trace under bin/…/artifacts/.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<Visitor> _visitors = [];

    protected BrowserFixture Fixture => fixture;

    /// <summary>Seeds what this test needs, with names no other test uses.</summary>
    protected TestData Data => fixture.Data;

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

    /// <summary>Waits (at most 15 s) for the outbox dispatcher to write the e-mail to this address whose subject or text
    /// contains <paramref name="containing"/> (something of this test's own, as the address may get mail from other tests).
    /// The dispatcher writes each file whole, by moving it into the folder.</summary>
    protected async Task<ReceivedMail> WaitForMailAsync(string to, string? containing = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (Directory.Exists(Fixture.MailDirectory))
            {
                foreach (var file in Directory.EnumerateFiles(Fixture.MailDirectory, "*.eml"))
                {
                    var mail = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
                    var received = new ReceivedMail(mail.Subject ?? "", mail.TextBody ?? "");
                    if (mail.To.Mailboxes.Any(m => m.Address.Equals(to, StringComparison.OrdinalIgnoreCase)) &&
                        (containing is null || received.Subject.Contains(containing, StringComparison.Ordinal) ||
                         received.Text.Contains(containing, StringComparison.Ordinal))) return received;
                }
            }
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"No e-mail to {to} in {Fixture.MailDirectory} within 15 s (the outbox is dispatched every second).");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
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

/// <summary>An e-mail as the reader sees it: the subject and the plain-text body, decoded (by MimeKit).</summary>
public sealed record ReceivedMail(string Subject, string Text);
