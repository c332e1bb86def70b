using System.Net;
using System.Text.RegularExpressions;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

public sealed partial class PasswordResetTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string OldPassword = "det gamla lösenordet";
    private const string NewPassword = "det nya lösenordet!";

    private static async Task<string> RequestResetAsync(EnsaClient client, string email)
    {
        var response = await client.SubmitAsync("/Account/ForgotPassword", "main form", new Dictionary<string, string> { ["Email"] = email });
        var page = await EnsaClient.ParseAsync(response);
        return page.QuerySelector(".notice")!.TextContent;
    }

    [Fact]
    public async Task Reset_KnownAccount_MailsALinkThatWorksOnce()
    {
        await app.CreateUserWithPasswordAsync("reset@mittkoping.example", OldPassword, Role.Requester);
        using var client = app.NewClient();
        Assert.Contains("Om adressen hör till ett konto", await RequestResetAsync(client, "reset@mittkoping.example"), StringComparison.Ordinal);
        var body = await app.OnlyMailBodyToAsync("reset@mittkoping.example");
        var link = new Uri(Link().Match(body).Value).PathAndQuery;

        var fields = new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword };
        var done = await client.FollowAsync(await client.SubmitAsync(link, "main form", fields));
        Assert.Contains("Lösenordet är bytt", done.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.SignInWithPasswordAsync("reset@mittkoping.example", OldPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInWithPasswordAsync("reset@mittkoping.example", NewPassword)).StatusCode);

        using var again = app.NewClient();
        var reused = await EnsaClient.ParseAsync(await again.SubmitAsync(link, "main form", fields));
        Assert.Contains("ogiltig", reused.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_UnknownAddress_SaysTheSameAndSendsNothing()
    {
        using var client = app.NewClient();
        Assert.Contains("Om adressen hör till ett konto", await RequestResetAsync(client, "nobody@nowhere.example"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<OutboxMessage>(m => m.To == "nobody@nowhere.example"));
    }

    [GeneratedRegex(@"https?://\S+ResetPassword\?\S+")]
    private static partial Regex Link();
}
