using Ensa.Demo;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>No input of any kind to an anonymous address answers 5xx (issue 8, finding 7): every hostile value in every
/// query parameter and route segment of the public list (HTML, JSON, CSV, embed, one resource), the rights-task link and the
/// sign-in pages, on SQLite and on PostgreSQL.</summary>
public abstract class PublicAddressHostileInputTests(EnsaAppFactory app)
{
    private const string Slug = DemoData.MittkopingSlug;

    /// <summary>Addresses with "{x}" where the hostile value goes.</summary>
    private static readonly string[] Templates =
    [
        $"/public/{Slug}/resources?q={{x}}",
        $"/public/{Slug}/resources?subject={{x}}&grade={{x}}&platform={{x}}",
        $"/public/{Slug}/resources?status={{x}}&page={{x}}",
        $"/public/{Slug}/apps?q={{x}}&subject={{x}}",
        $"/public/{Slug}/resources.json?q={{x}}&subject={{x}}&grade={{x}}&platform={{x}}",
        $"/public/{Slug}/resources.json?status={{x}}&apps={{x}}",
        $"/public/{Slug}/resources.csv?q={{x}}&subject={{x}}&grade={{x}}&platform={{x}}",
        $"/public/{Slug}/resources.csv?status={{x}}&apps={{x}}",
        $"/public/{Slug}/embed?apps={{x}}&q={{x}}",
        $"/public/{Slug}/resources/{{x}}",
        "/public/{x}/resources",
        "/public/{x}/apps",
        "/public/{x}/embed",
        "/public/{x}/resources.json",
        "/public/{x}/resources.csv",
        "/public/{x}/resources/00000000-0000-0000-0000-000000000001",
        "/public/{x}/{x}",
        "/Tasks/{x}",
        "/Tasks/{x}?handler={x}",
        "/Account/Login?ReturnUrl={x}",
        "/Account/Login?ReturnUrl=/{x}&handler={x}",
        "/Account/LoginWith2fa?ReturnUrl={x}&rememberMe={x}",
        "/Account/ForgotPassword?email={x}",
        "/Account/ResetPassword?token={x}&email={x}",
        "/Account/AcceptInvitation?token={x}",
        "/Account/AccessDenied?ReturnUrl={x}",
        "/Language?culture={x}&returnUrl={x}",
        "/Error?code={x}",
        "/{x}",
    ];

    [Fact]
    public async Task AnonymousAddresses_HostileInput_NeverAnswer5xx()
    {
        await SkipUnlessAvailableAsync();
        using var visitor = app.NewClient();
        var failures = new List<string>();
        // A real resource on the list too, so the filters run over entries.
        var listed = await app.WithDbAsync(db => db.ResourceReviews.IgnoreQueryFilters()
            .Where(r => r.DecidedAt != null && r.Decision != Decision.NotApproved && r.ResourceId != null).Select(r => r.ResourceId!.Value).FirstAsync());
        foreach (var template in Templates.Append($"/public/{Slug}/resources/{listed}?x={{x}}"))
        {
            foreach (var value in HostileInput.UrlValues)
            {
                var url = template.Replace("{x}", value, StringComparison.Ordinal);
                if (await SendAsync(() => visitor.Http.GetAsync(url)) is not { } response) continue;
                if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} GET {Shorten(url)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
    }

    [Fact]
    public async Task AnonymousForms_HostilePosts_NeverAnswer5xx()
    {
        await SkipUnlessAvailableAsync();
        using var visitor = app.NewClient();
        var token = (await visitor.GetPageAsync("/Account/Login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var failures = new List<string>();
        foreach (var value in HostileInput.UrlValues)
        {
            var decoded = Uri.UnescapeDataString(value);
            foreach (var url in new[] { "/Account/Login", "/Account/ForgotPassword", "/Account/ResetPassword", "/Tasks/" + value, "/Language" })
            {
                if (await SendAsync(() => visitor.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Input.Email"] = decoded, ["Input.Password"] = decoded, ["Answer"] = decoded,
                    ["AnswerText"] = decoded, ["culture"] = decoded, ["returnUrl"] = decoded, ["email"] = decoded,
                }))) is not { } response) continue;
                if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} POST {Shorten(url)} with {Shorten(value)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
    }

    /// <summary>The response, or null when the test server itself refuses to send the request (a NUL in the path, which
    /// Kestrel answers 400 before Ensa sees it).</summary>
    private static async Task<HttpResponseMessage?> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
        {
            return null;
        }
    }

    protected virtual Task SkipUnlessAvailableAsync() => Task.CompletedTask;

    private static string Shorten(string s) => s.Length > 120 ? s[..120] + "…" : s;
}

public sealed class PublicAddressHostileInputSqliteTests(EnsaAppFactory app) : PublicAddressHostileInputTests(app), IClassFixture<EnsaAppFactory>;

public sealed class PublicAddressHostileInputPostgresTests(PostgresAppFactory app) : PublicAddressHostileInputTests(app), IClassFixture<PostgresAppFactory>
{
    protected override Task SkipUnlessAvailableAsync()
    {
        TestEnvironment.RequirePostgres();
        return Task.CompletedTask;
    }
}
