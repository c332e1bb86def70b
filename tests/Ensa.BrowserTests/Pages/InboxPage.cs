using System.Globalization;
using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Inbox ("Att göra"): the steps that wait on the user, oldest first, each linking to where it is done.</summary>
public sealed partial class InboxPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Att göra";

    /// <summary>"Att göra (N)" in the main menu of whatever page the visitor is on.</summary>
    public static ILocator MenuLink(Visitor visitor) =>
        visitor.Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { NameRegex = MenuLinkText() });

    /// <summary>Follows "Att göra (N)" in the main menu.</summary>
    public static async Task<InboxPage> OpenFromMenuAsync(Visitor visitor)
    {
        await visitor.ClickToNavigateAsync(MenuLink(visitor));
        await visitor.ArriveAsync(Heading);
        return new InboxPage(visitor);
    }

    /// <summary>The N of "Att göra (N)" in the menu of the page the visitor is on now.</summary>
    public static async Task<int> CountAsync(Visitor visitor)
    {
        var text = await MenuLink(visitor).InnerTextAsync();
        return int.Parse(MenuLinkText().Match(text.Trim()).Groups["n"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until the menu of the page the visitor is on says "Att göra (<paramref name="count"/>)".</summary>
    public static Task ExpectCountAsync(Visitor visitor, int count) =>
        Expect(MenuLink(visitor)).ToHaveTextAsync(string.Create(CultureInfo.InvariantCulture, $"{Heading} ({count})"));

    /// <summary>The N of "Att göra (N)" as this page shows it.</summary>
    public Task<int> CountAsync() => CountAsync(Visitor);

    /// <summary>The row of one task about <paramref name="about"/> (a resource's name).</summary>
    public ILocator Row(string task, string about) =>
        Page.GetByRole(AriaRole.Row).Filter(new() { HasText = about }).Filter(new() { Has = TaskLink(task) });

    /// <summary>Follows the task's link to the page where it is done.</summary>
    public Task FollowAsync(string task, string about) => Visitor.ClickToNavigateAsync(Row(task, about).Locator(TaskLink(task)));

    private ILocator TaskLink(string task) => Page.GetByRole(AriaRole.Link, new() { Name = task, Exact = true });

    [GeneratedRegex(@"^Att göra \((?<n>\d+)\)$")]
    private static partial Regex MenuLinkText();
}
