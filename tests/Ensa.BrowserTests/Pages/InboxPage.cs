using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Inbox ("Att göra"): the steps that wait on the user, oldest first, each linking to where it is done.</summary>
public sealed partial class InboxPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Att göra";

    /// <summary>Follows "Att göra (N)" in the main menu.</summary>
    public static async Task<InboxPage> OpenFromMenuAsync(Visitor visitor)
    {
        await visitor.ClickToNavigateAsync(visitor.Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { NameRegex = MenuLink() }));
        await visitor.ArriveAsync(Heading);
        return new InboxPage(visitor);
    }

    /// <summary>The row of one task about <paramref name="about"/> (a resource's name).</summary>
    public ILocator Row(string task, string about) =>
        Page.GetByRole(AriaRole.Row).Filter(new() { HasText = about }).Filter(new() { Has = TaskLink(task) });

    /// <summary>Follows the task's link to the page where it is done.</summary>
    public Task FollowAsync(string task, string about) => Visitor.ClickToNavigateAsync(Row(task, about).Locator(TaskLink(task)));

    private ILocator TaskLink(string task) => Page.GetByRole(AriaRole.Link, new() { Name = task, Exact = true });

    [GeneratedRegex(@"^Att göra \(\d+\)$")]
    private static partial Regex MenuLink();
}
