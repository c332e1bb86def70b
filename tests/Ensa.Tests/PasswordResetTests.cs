using System.Net;
using System.Text.RegularExpressions;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.MasterData;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>An account without a password, as the SS 12000 import makes one for a principal (or, unlinked, as the
    /// demo data's are).</summary>
    private async Task<string> PasswordlessAccountAsync(bool imported)
    {
        var email = $"rektor.{Guid.NewGuid():N}@mittkoping.example";
        await app.WithDbAsync(async db =>
        {
            var user = EnsaUser.Create(email, "Rut Rektor", app.Clock.GetUtcNow().UtcDateTime);
            user.NormalizedEmail = user.NormalizedUserName = email.ToUpperInvariant();
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            db.Users.Add(user);
            if (imported)
            {
                var organizer = await db.Organizers.SingleAsync(o => o.Slug == DemoData.MittkopingSlug);
                var person = new ImportedPerson(organizer.Id, Guid.NewGuid().ToString());
                person.Update("Rut Rektor", email, [], isProtectedIdentity: false);
                person.LinkAccount(user.Id);
                db.ImportedPersons.Add(person);
            }
            return await db.SaveChangesAsync();
        });
        return email;
    }

    [Fact]
    public async Task Reset_AccountMadeByImport_MailsALinkThatSetsItsFirstPassword()
    {
        var email = await PasswordlessAccountAsync(imported: true);
        using var client = app.NewClient();
        // The page says that imported staff, who have no password yet, get their first one this way.
        Assert.Contains("ditt första om kontot kom från huvudmannens personalregister", (await client.GetPageAsync("/Account/ForgotPassword")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ännu saknar lösenord", await RequestResetAsync(client, email), StringComparison.Ordinal);
        var link = new Uri(Link().Match(await app.OnlyMailBodyToAsync(email)).Value).PathAndQuery;

        var fields = new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword };
        var done = await client.FollowAsync(await client.SubmitAsync(link, "main form", fields));

        Assert.Contains("Lösenordet är bytt", done.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInWithPasswordAsync(email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Reset_AccountWithoutPasswordNotImported_SaysTheSameAndSendsNothing()
    {
        var email = await PasswordlessAccountAsync(imported: false);
        using var client = app.NewClient();

        Assert.Contains("Om adressen hör till ett konto", await RequestResetAsync(client, email), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<OutboxMessage>(m => m.To == email));
    }

    [Fact]
    public async Task Forgot_InEnglish_SaysImportedStaffGetTheirFirstPassword()
    {
        using var client = app.NewClient();
        await client.SubmitAsync("/Account/Login", "form.language", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" });
        Assert.Contains("your first if the account came from your organizer's staff register", (await client.GetPageAsync("/Account/ForgotPassword")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("has no password yet", await RequestResetAsync(client, "nobody@nowhere.example"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+ResetPassword\?\S+")]
    private static partial Regex Link();
}
