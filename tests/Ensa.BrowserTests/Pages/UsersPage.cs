using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Admin/Users: the members with roles and the invitations sent.</summary>
public sealed class UsersPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Användare";

    public static async Task<UsersPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new UsersPage(visitor);
    }

    /// <summary>The confirmation shown after an action (a status message).</summary>
    public ILocator Notice => Page.GetByRole(AriaRole.Status);

    /// <summary>The row of the invitations table for this address (the table after the heading "Inbjudningar").</summary>
    public ILocator InvitationRow(string email) =>
        Page.GetByRole(AriaRole.Table)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Columnheader, new() { Name = "Skickad" }) })
            .GetByRole(AriaRole.Row)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = email, Exact = true }) });

    public async Task<InvitePage> StartInvitationAsync()
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Bjud in användare", Exact = true }));
        return await InvitePage.ExpectAsync(Visitor);
    }
}
