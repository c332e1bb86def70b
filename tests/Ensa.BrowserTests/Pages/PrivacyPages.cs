using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Privacy and /Privacy/New: the central department's rights requests.</summary>
public sealed class PrivacyPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Registrerades rättigheter";

    public static async Task<PrivacyPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new PrivacyPage(visitor);
    }

    /// <summary>Records a removal request for the units and arrives at the case page.</summary>
    public async Task<PrivacyCasePage> RecordRemovalAsync(string reference, params string[] units)
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Registrera en begäran" }));
        await Visitor.ArriveAsync("Registrera en begäran");
        await Page.GetByLabel("Radering", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Ärendenummer").FillAsync(reference);
        foreach (var unit in units) await Page.GetByRole(AriaRole.Checkbox, new() { Name = unit }).CheckAsync();
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skapa uppgifter och skicka" }));
        await Visitor.ArriveAsync($"Ärende {reference}");
        return new PrivacyCasePage(Visitor);
    }
}

/// <summary>/Privacy/{id}: one case with its tasks.</summary>
public sealed class PrivacyCasePage(Visitor visitor) : EnsaPage(visitor)
{
    public ILocator Progress => Page.Locator("dd.progress");
    public ILocator State => Page.Locator("dd.case-state");

    public async Task OpenReportAsync(string reference)
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Rapport (utskrift)" }));
        await Visitor.ArriveAsync($"Rapport för ärende {reference}");
    }
}

/// <summary>/Tasks/{token}: an administrator answers by the e-mailed link, without an account.</summary>
public sealed class TaskAnswerPage(Visitor visitor) : EnsaPage(visitor)
{
    public static async Task<TaskAnswerPage> OpenAsync(Visitor visitor, string link, string heading)
    {
        await visitor.GotoAsync(link);
        await visitor.ArriveAsync(heading);
        return new TaskAnswerPage(visitor);
    }

    public async Task AnswerRemovedAsync(string note, string heading)
    {
        await Page.GetByLabel("Uppgifterna är borttagna").CheckAsync();
        await Page.GetByLabel("Kommentar (frivillig)").FillAsync(note);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skicka svaret" }));
        await Visitor.ArriveAsync(heading);
    }

    public ILocator Done => Page.Locator(".task-done");
}
