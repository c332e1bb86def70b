using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Review: the central department's queue of requests waiting for review, oldest first.</summary>
public sealed class ReviewQueuePage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Granskningskö";

    public static async Task<ReviewQueuePage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new ReviewQueuePage(visitor);
    }

    public ILocator Row(string resource) =>
        Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = resource, Exact = true }) });

    public async Task<ReviewPage> OpenAsync(string resource)
    {
        await Visitor.ClickToNavigateAsync(Row(resource).GetByRole(AriaRole.Link, new() { Name = resource, Exact = true }));
        return await ReviewPage.ExpectAsync(Visitor, resource);
    }
}

/// <summary>What the reviewer records in the structured review (the fields the journey fills).</summary>
public sealed record ReviewAnswers(
    string Pedagogical,
    string Accessibility,
    string DataCategories,
    string SuitableForProtectedIdentity,
    string Agreement,
    bool Children);

/// <summary>/Review/Request/{id}: the structured review, the security coordinator's part and the decision.</summary>
public sealed class ReviewPage(Visitor visitor) : EnsaPage(visitor)
{
    public static string Heading(string resource) => $"Granskning: {resource}";

    public static async Task<ReviewPage> ExpectAsync(Visitor visitor, string resource)
    {
        await visitor.ArriveAsync(Heading(resource));
        return new ReviewPage(visitor);
    }

    public static async Task<ReviewPage> OpenAsync(Visitor visitor, string url, string resource)
    {
        await visitor.GotoAsync(url);
        return await ExpectAsync(visitor, resource);
    }

    /// <summary>The confirmation shown after an action (a status message).</summary>
    public ILocator Notice => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    /// <summary>"{status} · {unit} · begärd av {name}" under the heading.</summary>
    public ILocator Lead => Page.Locator("p.lead");

    /// <summary>A fact of the request under "Vad som efterfrågas" ("Behov och syfte", "Användare", "Kostnad" …).</summary>
    public ILocator Asked(string term) =>
        Page.GetByRole(AriaRole.Region, new() { Name = "Vad som efterfrågas", Exact = true })
            .GetByRole(AriaRole.Term).Filter(new() { HasTextRegex = new Regex($@"^\s*{Regex.Escape(term)}\s*$", RegexOptions.None, TimeSpan.FromSeconds(1)) })
            .Locator("xpath=following-sibling::dd[1]");

    /// <summary>The section "Beslut" (the decision recorded, and the form to make it).</summary>
    public ILocator DecisionSection => Page.GetByRole(AriaRole.Region, new() { Name = "Beslut", Exact = true });

    /// <summary>"Lägg till i katalogen" for a resource the requester proposed: the catalogue form, started from the proposal.</summary>
    public async Task<ResourceEditPage> AddToCatalogueAsync()
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Lägg till i katalogen", Exact = true }));
        return await ResourceEditPage.ExpectAsync(Visitor);
    }

    /// <summary>The section on the agreement the decision waits for.</summary>
    public ILocator AgreementSection => Page.GetByRole(AriaRole.Region, new() { Name = "Personuppgiftsbiträdesavtal", Exact = true });

    /// <summary>"Starta ett avtal" while the decision waits for an agreement: the new-agreement form comes with this
    /// resource chosen, and "Skapa avtal" makes the draft.</summary>
    public async Task<AgreementPage> StartAgreementAsync(string resource)
    {
        await Visitor.ClickToNavigateAsync(AgreementSection.GetByRole(AriaRole.Link, new() { Name = "Starta ett avtal", Exact = true }));
        await Visitor.ArriveAsync("Nytt personuppgiftsbiträdesavtal");
        await Expect(Page.GetByLabel("Lärresurs", new() { Exact = true }).Locator("option:checked")).ToContainTextAsync(resource);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skapa avtal", Exact = true }));
        return await AgreementPage.ExpectAsync(Visitor, resource);
    }

    /// <summary>Fills the structured review and presses "Spara granskningen"; the page reloads.</summary>
    public async Task SaveReviewAsync(ReviewAnswers answers, string resource)
    {
        var form = Page.GetByRole(AriaRole.Region, new() { Name = "Granskning", Exact = true });
        await form.GetByLabel("Pedagogisk bedömning", new() { Exact = true }).FillAsync(answers.Pedagogical);
        await Choose(form, "Tillgänglighet", answers.Accessibility);
        await form.GetByLabel("Kategorier av personuppgifter", new() { Exact = true }).FillAsync(answers.DataCategories);
        await Choose(form, "Lämplig för elever med skyddad identitet", answers.SuitableForProtectedIdentity);
        await form.GetByLabel("Behandlar barns personuppgifter", new() { Exact = true }).SetCheckedAsync(answers.Children);
        await Choose(form, "Personuppgiftsbiträdesavtal", answers.Agreement);
        await Visitor.ClickToNavigateAsync(form.GetByRole(AriaRole.Button, new() { Name = "Spara granskningen", Exact = true }));
        await Visitor.ArriveAsync(Heading(resource));
    }

    /// <summary>Under "Informationssäkerhetssamordnarens bedömning": writes why the security coordinator's part is not
    /// needed and presses "Beslut fattas utan säkerhetsbedömning"; the page reloads.</summary>
    public async Task WaiveSecurityAsync(string reason, string resource)
    {
        var section = Page.GetByRole(AriaRole.Region, new() { Name = "Informationssäkerhetssamordnarens bedömning", Exact = true });
        await section.GetByLabel("Varför behövs inte informationssäkerhetssamordnarens bedömning?", new() { Exact = true }).FillAsync(reason);
        await Visitor.ClickToNavigateAsync(section.GetByRole(AriaRole.Button, new() { Name = "Beslut fattas utan säkerhetsbedömning", Exact = true }));
        await Visitor.ArriveAsync(Heading(resource));
    }

    /// <summary>Chooses a decision ("Godkänd", "Godkänd med villkor", "Ej godkänd"), writes the conditions and presses
    /// "Fatta beslut"; the page reloads.</summary>
    public async Task DecideAsync(string decision, string resource, string? conditions = null, string? reason = null)
    {
        await Choose(DecisionSection, "Beslut", decision);
        if (conditions is not null) await DecisionSection.GetByLabel("Villkor", new() { Exact = true }).FillAsync(conditions);
        if (reason is not null) await DecisionSection.GetByLabel("Motivering", new() { Exact = true }).FillAsync(reason);
        await Visitor.ClickToNavigateAsync(DecisionSection.GetByRole(AriaRole.Button, new() { Name = "Fatta beslut", Exact = true }));
        await Visitor.ArriveAsync(Heading(resource));
    }

    /// <summary>Checks the radio button <paramref name="option"/> in the group (fieldset) named <paramref name="legend"/>.</summary>
    private static Task Choose(ILocator scope, string legend, string option) =>
        scope.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true })
            .GetByRole(AriaRole.Radio, new() { Name = option, Exact = true }).CheckAsync();
}
