using System.Net;
using System.Text.RegularExpressions;
using Ensa.Common;
using Ensa.Privacy;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

/// <summary>Issue 8, finding 14: a rights task's link ends when the task is answered or the case is closed, and some days
/// after the deadline; the administrator can be sent a new link, which ends the old one. (Its own app: the test moves the
/// clock.)</summary>
public sealed partial class RightsTaskLinkTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Reference = "BUN 2026/777";
    private const string Email = "tove.tid@mittkoping.example";

    [Fact]
    public async Task TaskLink_AfterDeadlineAndGrace_Ends_NewLinkReplacesIt_AndEndsWhenAnswered()
    {
        await app.InUseAsync("Kvarnbyskolan", "maria.ek@mittkoping.example", "Quizzly", administrator: "Tove Tid");
        using var sara = await app.SignInAs(Ensa.Identity.Roles.CentralReviewer);
        var page = await sara.GetPageAsync("/Privacy/New");
        var unit = await app.SchoolUnitIdAsync("Kvarnbyskolan");
        var opened = await sara.Http.PostAsync("/Privacy/New", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Input.Kind"] = nameof(RightsKind.Removal), ["Input.Reference"] = Reference, ["Input.Units"] = unit.ToString(),
            ["Input.ReceivedOn"] = SwedishCalendar.Today(app.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var caseUrl = opened.Headers.Location!.OriginalString;
        var first = (await LinksAsync()).Single();

        using var tove = app.NewClient(); // no account: the link is the key
        Assert.Contains(Reference, (await tove.GetPageAsync(first)).QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);

        // Within the grace period after the deadline the link still works; after it, it has ended and shows nothing of the case.
        app.Clock.Offset = TimeSpan.FromDays(31 + RightsTask.LinkGraceDays - 1);
        await tove.GetPageAsync(first);
        app.Clock.Offset = TimeSpan.FromDays(31 + RightsTask.LinkGraceDays + 2);
        var ended = await tove.GetPageAsync(first, HttpStatusCode.Gone);
        Assert.NotNull(ended.QuerySelector(".link-ended"));
        Assert.Null(ended.QuerySelector("dl.facts"));
        Assert.DoesNotContain(Reference, ended.Body!.TextContent, StringComparison.Ordinal);
        var token = (await tove.GetPageAsync("/Account/Login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await tove.Http.PostAsync(first, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Answer"] = "Done", ["AnswerText"] = "För sent.",
        }));
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);

        // The administrator asks for a new link: Sara (signed in again, weeks later) sends one; the old one no longer opens anything.
        using var saraLater = await app.SignInAs(Ensa.Identity.Roles.CentralReviewer);
        await saraLater.FollowAsync(await saraLater.SubmitAsync(caseUrl, "form[action*=NewLink]"));
        var second = (await LinksAsync()).Single(l => l != first);
        Assert.Equal(HttpStatusCode.NotFound, (await tove.Http.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await tove.SubmitAsync(second, "main form", new Dictionary<string, string> { ["Answer"] = "Done", ["AnswerText"] = "Borttaget." })).StatusCode);

        // Answered: the link has ended too (it says so, and shows nothing of the case), and the case (its only task) is closed.
        var answered = await tove.GetPageAsync(second);
        Assert.NotNull(answered.QuerySelector(".task-done"));
        Assert.Null(answered.QuerySelector("dl.facts"));
        Assert.Null(answered.QuerySelector("main form"));
        Assert.NotNull((await app.StoredAsync<RightsRequest>(r => r.CaseReference == Reference)).ClosedAt);
        Assert.Null((await saraLater.GetPageAsync(caseUrl)).QuerySelector("form[action*=NewLink]"));
    }

    private async Task<List<string>> LinksAsync() =>
        (await app.MailAsync(m => m.To == Email && m.Subject.Contains(Reference)))
        .Select(m => TaskLink().Match(m.TextBody).Value).Where(l => l.Length > 0).Distinct().ToList();

    [GeneratedRegex("/Tasks/[0-9a-f]{64}")]
    private static partial Regex TaskLink();
}
