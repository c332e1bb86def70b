using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Notifications: what happened to the user's requests, newest first, each linking to the request.</summary>
public sealed class NotificationsPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Aviseringar";

    public static async Task<NotificationsPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new NotificationsPage(visitor);
    }

    public ILocator Notification(string text) => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = text, Exact = true });

    /// <summary>Follows a notification to the request it is about.</summary>
    public async Task<RequestPage> OpenAsync(string text, string resource)
    {
        await Visitor.ClickToNavigateAsync(Notification(text));
        return await RequestPage.ExpectAsync(Visitor, resource);
    }
}
