using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Admin/Users/Invite: e-mail, name, role and unit of the person to invite.</summary>
public sealed class InvitePage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Bjud in användare";

    public static async Task<InvitePage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new InvitePage(visitor);
    }

    public async Task<UsersPage> InviteAsync(string email, string name, string role, string? unit = null)
    {
        await Page.GetByLabel("E-postadress", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Namn", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("Roll", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = role });
        if (unit is not null)
            await Page.GetByLabel("Enhet", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = unit });
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan", Exact = true }));
        return await UsersPage.ExpectAsync(Visitor);
    }
}
