using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Requests: the user's own requests and, for a principal, those waiting for their approval.</summary>
public sealed class RequestsPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Förfrågningar";

    public static async Task<RequestsPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new RequestsPage(visitor);
    }

    /// <summary>The row for this resource in the table "Mina förfrågningar".</summary>
    public ILocator MineRow(string resource) => Row("Mina förfrågningar", resource);

    /// <summary>The row for this resource in the table "Väntar på ditt godkännande" (principals only).</summary>
    public ILocator WaitingRow(string resource) => Row("Väntar på ditt godkännande", resource);

    public async Task<NewRequestPage> StartNewRequestAsync()
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Ny förfrågan", Exact = true }));
        return await NewRequestPage.ExpectAsync(Visitor);
    }

    /// <summary>Opens a request waiting for the principal's approval.</summary>
    public async Task<RequestPage> OpenWaitingAsync(string resource)
    {
        await Visitor.ClickToNavigateAsync(WaitingRow(resource).GetByRole(AriaRole.Link, new() { Name = resource, Exact = true }));
        return await RequestPage.ExpectAsync(Visitor, resource);
    }

    public async Task<RequestPage> OpenMineAsync(string resource)
    {
        await Visitor.ClickToNavigateAsync(MineRow(resource).GetByRole(AriaRole.Link, new() { Name = resource, Exact = true }));
        return await RequestPage.ExpectAsync(Visitor, resource);
    }

    private ILocator Row(string section, string resource) =>
        Page.GetByRole(AriaRole.Region, new() { Name = section, Exact = true })
            .GetByRole(AriaRole.Row)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = resource, Exact = true }) });
}

/// <summary>/Requests/New: the catalogue search first ("check the approved list first"), then the form.</summary>
public sealed class NewRequestPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Ny förfrågan om lärresurs";

    public static async Task<NewRequestPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new NewRequestPage(visitor);
    }

    /// <summary>Searches the catalogue; the page reloads with the matches.</summary>
    public async Task SearchCatalogueAsync(string text)
    {
        await Page.GetByRole(AriaRole.Search).GetByLabel("Sök lärresurs", new() { Exact = true }).FillAsync(text);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }));
        await Visitor.ArriveAsync(Heading);
    }

    /// <summary>The row of a catalogue match, by the resource's name.</summary>
    public ILocator Match(string resource) =>
        Page.GetByRole(AriaRole.Table)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Columnheader, new() { Name = "Status hos oss" }) })
            .GetByRole(AriaRole.Row)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = resource, Exact = true }) });

    /// <summary>Follows "Välj" in a match's row; the form then names the chosen resource.</summary>
    public async Task ChooseAsync(string resource)
    {
        await Visitor.ClickToNavigateAsync(Match(resource).GetByRole(AriaRole.Link, new() { Name = $"Välj – {resource}", Exact = true }));
        await Visitor.ArriveAsync(Heading);
    }

    /// <summary>"Vald lärresurs: {name} ({supplier}) · Status hos oss: …" once a resource is chosen.</summary>
    public ILocator ChosenResource =>
        Page.GetByRole(AriaRole.Region, new() { Name = "Vilken lärresurs gäller det?" }).GetByText("Vald lärresurs:");

    /// <summary>A resource the catalogue does not have: its name, its supplier and its web address, as the requester knows them.</summary>
    public async Task DescribeNewResourceAsync(string name, string supplier, string webAddress)
    {
        var fields = Page.GetByRole(AriaRole.Group, new() { Name = "Finns den inte i listan? Beskriv lärresursen", Exact = true });
        await fields.GetByLabel("Lärresursens namn", new() { Exact = true }).FillAsync(name);
        await fields.GetByLabel("Leverantör", new() { Exact = true }).FillAsync(supplier);
        await fields.GetByLabel("Webbadress", new() { Exact = true }).FillAsync(webAddress);
    }

    /// <summary>The single school unit offered is chosen already; the select shows it.</summary>
    public ILocator Unit => Page.GetByLabel("Skolenhet", new() { Exact = true });

    public Task FillNeedAsync(string need) => Page.GetByLabel("Behov och syfte", new() { Exact = true }).FillAsync(need);

    /// <summary>Who will use it: "Personal" and/or "Elever".</summary>
    public async Task ChooseUsersAsync(params string[] users)
    {
        var group = Page.GetByRole(AriaRole.Group, new() { Name = "Vilka ska använda den?" });
        foreach (var user in users) await group.GetByLabel(user, new() { Exact = true }).CheckAsync();
    }

    public Task FillGradesAsync(string grades) => Page.GetByLabel("Årskurser", new() { Exact = true }).FillAsync(grades);

    public Task FillApproxUsersAsync(int users) =>
        Page.GetByLabel("Ungefärligt antal användare", new() { Exact = true }).FillAsync(users.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task FillPersonalDataAsync(string text) =>
        Page.GetByLabel("Vilka personuppgifter kommer tjänsten att innehålla?", new() { Exact = true }).FillAsync(text);

    /// <summary>"Ja", "Nej" or "Vet inte".</summary>
    public Task AnswerProtectedIdentityAsync(string answer) =>
        Page.GetByRole(AriaRole.Group, new() { Name = "Finns det elever med skyddad identitet som ska använda tjänsten?" })
            .GetByLabel(answer, new() { Exact = true }).CheckAsync();

    public Task ChooseSignInAsync(string method) =>
        Page.GetByRole(AriaRole.Group, new() { Name = "Hur loggar man in?" }).GetByLabel(method, new() { Exact = true }).CheckAsync();

    /// <summary>Ticks "Tjänsten kostar pengar" and gives the cost (kronor, as people write it) and the licence period.</summary>
    public async Task FillCostAsync(string cost, string licencePeriod)
    {
        await Page.GetByLabel("Tjänsten kostar pengar", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Kostnad (kronor)", new() { Exact = true }).FillAsync(cost);
        await Page.GetByLabel("Licensperiod", new() { Exact = true }).FillAsync(licencePeriod);
    }

    /// <summary>"Skicka in": the request goes to the principal and the user lands on its record.</summary>
    public async Task<RequestPage> SubmitAsync(string resource)
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skicka in", Exact = true }));
        return await RequestPage.ExpectAsync(Visitor, resource);
    }
}

/// <summary>/Requests/{id}: one request's record: status, what the viewer may do, the decision, the use at the unit
/// and the timeline.</summary>
public sealed class RequestPage(Visitor visitor) : EnsaPage(visitor)
{
    public static string Heading(string resource) => $"Förfrågan: {resource}";

    public static async Task<RequestPage> ExpectAsync(Visitor visitor, string resource)
    {
        await visitor.ArriveAsync(Heading(resource));
        return new RequestPage(visitor);
    }

    /// <summary>The confirmation shown after an action (a status message).</summary>
    public ILocator Notice => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    /// <summary>"Status: Väntar på rektor" under the heading.</summary>
    public ILocator Status => Page.GetByRole(AriaRole.Paragraph).Filter(new() { HasTextRegex = Starting("Status:") });

    /// <summary>The section "Vad kan du göra nu?", shown only to someone who can act on the request.</summary>
    public ILocator Actions => Page.GetByRole(AriaRole.Region, new() { Name = "Vad kan du göra nu?", Exact = true });

    /// <summary>A fact of the decision ("Beslut", "Villkor", "Beslutat av").</summary>
    public ILocator Decision(string term) => Fact("Beslut", term);

    /// <summary>A fact of the use at the unit ("Registeransvarig", "Lokal systemadministratör", "I bruk sedan" …).</summary>
    public ILocator Use(string term) => Fact("Användning på skolenheten", term);

    /// <summary>The steps so far, oldest first: "{time} {what} ({who})" and any comment.</summary>
    public ILocator Timeline => Page.GetByRole(AriaRole.Region, new() { Name = "Händelser", Exact = true }).GetByRole(AriaRole.Listitem);

    /// <summary>Scrolls the section "Användning på skolenheten" (and the timeline below it) to the top of the window.</summary>
    public Task ScrollToUseAsync() =>
        Page.GetByRole(AriaRole.Heading, new() { Name = "Användning på skolenheten", Exact = true })
            .EvaluateAsync("heading => heading.scrollIntoView({ block: 'start' })");

    /// <summary>The principal's "Godkänn": the request goes to the central review.</summary>
    public async Task<RequestPage> ApproveAsPrincipalAsync(string resource)
    {
        await Visitor.ClickToNavigateAsync(Actions.GetByRole(AriaRole.Button, new() { Name = "Godkänn", Exact = true }));
        return await ExpectAsync(Visitor, resource);
    }

    /// <summary>"Utse ansvariga och bekräfta utbildning" (the unit's principal, once approved).</summary>
    public async Task<UsePage> OpenUseAsync()
    {
        await Visitor.ClickToNavigateAsync(Actions.GetByRole(AriaRole.Link, new() { Name = "Utse ansvariga och bekräfta utbildning", Exact = true }));
        return await UsePage.ExpectAsync(Visitor);
    }

    private ILocator Fact(string section, string term) =>
        Page.GetByRole(AriaRole.Region, new() { Name = section, Exact = true })
            .GetByRole(AriaRole.Term).Filter(new() { HasTextRegex = Exactly(term) })
            .Locator("xpath=following-sibling::dd[1]");

    private static Regex Exactly(string text) => new($@"^\s*{Regex.Escape(text)}\s*$", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static Regex Starting(string text) => new($@"^\s*{Regex.Escape(text)}", RegexOptions.None, TimeSpan.FromSeconds(1));
}

/// <summary>/Requests/Use/{id}: the unit names its registeransvarig and local system administrator and confirms training.</summary>
public sealed class UsePage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Ansvariga och utbildning";

    public static async Task<UsePage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new UsePage(visitor);
    }

    public ILocator Registeransvarig => Page.GetByLabel("Registeransvarig", new() { Exact = true });

    /// <summary>The person the select shows now (the unit's principal unless someone else was named).</summary>
    public ILocator ChosenRegisteransvarig => Registeransvarig.Locator("option:checked");

    /// <summary>Names the local system administrator (not saved yet: see <see cref="SaveNamesAsync"/>).</summary>
    public async Task FillAdministratorAsync(string name, string email)
    {
        await Page.GetByLabel("Lokal systemadministratör", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("Systemadministratörens e-post", new() { Exact = true }).FillAsync(email);
    }

    /// <summary>Saves registeransvarig and system administrator; the app returns to the request's record.</summary>
    public async Task<RequestPage> SaveNamesAsync(string resource)
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Region, new() { Name = "Registeransvarig och systemadministratör" })
            .GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }));
        return await RequestPage.ExpectAsync(Visitor, resource);
    }

    /// <summary>The principal confirms that staff and pupils are trained; the app returns to the request's record.</summary>
    public async Task<RequestPage> ConfirmTrainingAsync(string resource)
    {
        var training = Page.GetByRole(AriaRole.Region, new() { Name = "Utbildning", Exact = true });
        await training.GetByLabel("Personal och elever har fått utbildning i tjänsten", new() { Exact = true }).CheckAsync();
        await Visitor.ClickToNavigateAsync(training.GetByRole(AriaRole.Button, new() { Name = "Bekräfta utbildning", Exact = true }));
        return await RequestPage.ExpectAsync(Visitor, resource);
    }
}
