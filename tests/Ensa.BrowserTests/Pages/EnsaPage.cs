using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests.Pages;

/// <summary>Base of the page objects: what every page has (_Layout.cshtml), i.e. the header with the main menu, the
/// language buttons and, when signed in, the session bar with the organizer switch.</summary>
public abstract class EnsaPage(Visitor visitor)
{
    protected Visitor Visitor => visitor;
    protected IPage Page => visitor.Page;

    public ILocator LanguageButton(string language) => Page.GetByRole(AriaRole.Button, new() { Name = language, Exact = true });

    /// <summary>Presses "Svenska" or "English" in the header; the app reloads the page in that language.</summary>
    public async Task ChooseLanguageAsync(string language)
    {
        await Visitor.ClickToNavigateAsync(LanguageButton(language));
        await Expect(LanguageButton(language)).ToHaveAttributeAsync("aria-pressed", "true");
    }

    /// <summary>Follows a link in the main menu (the navigation landmark named "Huvudmeny").</summary>
    public Task FollowMenuAsync(string link) =>
        Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = link, Exact = true }));

    /// <summary>The organizer switch in the session bar (only for users with roles at several organizers).</summary>
    public ILocator OrganizerSelect => Page.GetByLabel("Huvudman", new() { Exact = true });

    /// <summary>Chooses another organizer and presses "Byt"; the app goes to the start page.</summary>
    public async Task SwitchOrganizerAsync(string organizer)
    {
        await OrganizerSelect.SelectOptionAsync(new SelectOptionValue { Label = organizer });
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Byt", Exact = true }));
    }
}
