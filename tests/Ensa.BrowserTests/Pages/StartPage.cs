using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>The start page: a welcome, the organizer the user acts for and its figures.</summary>
public sealed class StartPage(Visitor visitor) : EnsaPage(visitor)
{
    public static string Welcome(string displayName, string language = "sv") =>
        language == "en" ? $"Welcome, {displayName}" : $"Välkommen, {displayName}";

    public static async Task<StartPage> ExpectAsync(Visitor visitor, string displayName, string language = "sv")
    {
        await visitor.ArriveAsync(Welcome(displayName, language));
        return new StartPage(visitor);
    }

    public static async Task<StartPage> OpenAsync(Visitor visitor, string displayName)
    {
        await visitor.GotoAsync("/");
        return await ExpectAsync(visitor, displayName);
    }

    /// <summary>"Du arbetar för {organizer}." under the heading.</summary>
    public ILocator ActingFor(string organizer) => Page.GetByText($"Du arbetar för {organizer}.");

    /// <summary>The value of one figure under "I siffror", by its term (e.g. "Skolenheter").</summary>
    public ILocator Figure(string term) =>
        Page.GetByRole(AriaRole.Region, new() { Name = "I siffror" })
            .Locator("dl > div")
            .Filter(new() { Has = Page.GetByRole(AriaRole.Term).Filter(new() { HasTextRegex = Exactly(term) }) })
            .GetByRole(AriaRole.Definition);

    /// <summary>The drawing of one chart under "Kön i överblick", by its caption; the table with its numbers is hidden
    /// from the eye once chart.js has drawn it.</summary>
    public ILocator ChartCanvas(string caption) => Chart(caption).Locator("canvas");

    public ILocator ChartTable(string caption) => Chart(caption).GetByRole(AriaRole.Table);

    private ILocator Chart(string caption) =>
        Page.GetByRole(AriaRole.Figure).Filter(new() { Has = Page.Locator("figcaption", new() { HasText = caption }) });

    private static System.Text.RegularExpressions.Regex Exactly(string text) =>
        new($"^{System.Text.RegularExpressions.Regex.Escape(text)}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
