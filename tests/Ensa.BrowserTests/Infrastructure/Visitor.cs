using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests.Infrastructure;

/// <summary>One person's browser context and tab. Every page the person arrives at is checked the same way
/// (<see cref="ArriveAsync"/>): the expected main heading, no failed requests or console errors, and no axe violations.</summary>
public sealed class Visitor
{
    private readonly List<string> _problems = [];

    public Visitor(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        // A stylesheet that fails to load or a script the CSP blocks would otherwise go unnoticed.
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                _problems.Add($"HTTP {response.Status} for {response.Request.Method} {response.Url}");
        };
        page.Console += (_, message) =>
        {
            // Failed loads are reported (with their address) by the Response handler above.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                _problems.Add($"console error: {message.Text}");
        };
        page.PageError += (_, error) => _problems.Add($"page error: {error}");
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public Task GotoAsync(string path) => Page.GotoAsync(path);

    /// <summary>Does something that loads another page (follows a link, submits a form; redirects included) and
    /// returns once that page has loaded, so the next check cannot see the old one, even when both have the same
    /// heading (as the start page before and after switching organizer).</summary>
    public async Task NavigateByAsync(Func<Task> action)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == Page.MainFrame) committed.TrySetResult();
        }
        Page.FrameNavigated += OnNavigated;
        try
        {
            await action();
            var loaded = await Task.WhenAny(committed.Task, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
            if (loaded != committed.Task) Assert.Fail($"No new page was loaded within 10 s; still at {Page.Url}.");
        }
        finally
        {
            Page.FrameNavigated -= OnNavigated;
        }
        await LoadedAsync();
    }

    /// <summary>Waits until the document has loaded, asking the page itself: WaitForLoadStateAsync(Load) right after a
    /// navigation sometimes missed a load event that had already come and timed out (seen on the 2-core CI machine).</summary>
    private async Task LoadedAsync() => await Page.WaitForFunctionAsync("() => document.readyState === 'complete'");

    /// <summary>Clicks a link or button that loads another page; see <see cref="NavigateByAsync"/>.</summary>
    public Task ClickToNavigateAsync(ILocator target) => NavigateByAsync(() => target.ClickAsync());

    /// <summary>Waits for the page with this main heading, then checks it: nothing failed to load, and axe finds
    /// no accessibility violation.</summary>
    public async Task ArriveAsync(string heading)
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = heading, Exact = true })).ToBeVisibleAsync();
        await LoadedAsync();
        // A stylesheet can also arrive "200 OK" and empty (e.g. a precompressed variant missing on disk).
        var emptySheets = await Page.EvaluateAsync<string[]>(
            "() => [...document.styleSheets].filter(s => { try { return s.cssRules.length === 0; } catch { return true; } }).map(s => s.href ?? 'inline')");
        _problems.AddRange(emptySheets.Select(href => $"stylesheet {href} is empty or unreadable"));
        if (_problems.Count > 0)
        {
            var problems = string.Join(Environment.NewLine, _problems.Select(p => "  " + p));
            _problems.Clear();
            Assert.Fail($"Problems while loading {Page.Url}:{Environment.NewLine}{problems}");
        }
        await AssertAccessibleAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"Checked {Page.Url} ({heading}): no failed requests, no axe violations");
    }

    /// <summary>Runs axe (all of axe-core's rules, default options) on the page as it is now and fails with every
    /// violation: rule, impact and the failing nodes.</summary>
    public async Task AssertAccessibleAsync()
    {
        // Legacy mode runs axe.run() in the page itself. RunAxe() instead runs axe.runPartial() in every frame and
        // finishRun() in a new blank page of a new context, for cross-origin iframes, which Ensa does not have
        // (no frames at all; its CSP allows none from elsewhere): the results are the same, but it took ~2 s a page here against ~0.5 s, which is
        // most of the suite's time. When a Deque release drops legacy mode, switch to `await Page.RunAxe()`.
#pragma warning disable CS0618 // "Legacy Mode is being removed in the future"
        var result = await Page.RunAxeLegacy();
#pragma warning restore CS0618
        if (result.Violations.Length == 0) return;
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"axe found {result.Violations.Length} accessibility violation(s) on {Page.Url}:").AppendLine();
        foreach (var violation in result.Violations)
        {
            report.Append(CultureInfo.InvariantCulture, $"- {violation.Id} (impact: {violation.Impact}): {violation.Help} <{violation.HelpUrl}>").AppendLine();
            foreach (var node in violation.Nodes)
            {
                report.Append(CultureInfo.InvariantCulture, $"    target {node.Target}: {node.Html}").AppendLine();
                AppendChecks(report, "fix any of", node.Any);
                AppendChecks(report, "fix all of", node.All);
                AppendChecks(report, "fix all of", node.None);
            }
        }
        Assert.Fail(report.ToString());
    }

    private static void AppendChecks(StringBuilder report, string label, IEnumerable<AxeResultCheck>? checks)
    {
        var messages = checks?.Select(c => c.Message).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        if (messages.Count > 0) report.Append(CultureInfo.InvariantCulture, $"      {label}: {string.Join(" | ", messages)}").AppendLine();
    }
}
