using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests.Pages;

/// <summary>What the platform admin enters for a new organizer and its first admin.</summary>
public sealed record NewOrganizer(string Name, string OrganisationNumber, string Slug, string ControllerName, string AdminName, string AdminEmail);

/// <summary>/Platform/Organizers: every organizer, and the form for a new one that invites its first admin.</summary>
public sealed class PlatformOrganizersPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Huvudmän";

    public static async Task<PlatformOrganizersPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new PlatformOrganizersPage(visitor);
    }

    public ILocator Notice => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    public ILocator Row(string organizer) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = organizer });

    public async Task<PlatformOrganizersPage> CreateAsync(NewOrganizer organizer)
    {
        await Field("Namn").FillAsync(organizer.Name);
        await Field("Organisationsnummer").FillAsync(organizer.OrganisationNumber);
        await Field("Kortnamn").FillAsync(organizer.Slug);
        await Field("Personuppgiftsansvarig nämnd").FillAsync(organizer.ControllerName);
        await Field("Första administratörens namn").FillAsync(organizer.AdminName);
        await Field("Första administratörens e-post").FillAsync(organizer.AdminEmail);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skapa huvudman och skicka inbjudan", Exact = true }));
        return await ExpectAsync(Visitor);
    }

    private ILocator Field(string label) =>
        Page.GetByRole(AriaRole.Form, new() { Name = "Ny huvudman", Exact = true }).GetByLabel(label, new() { Exact = true });
}

/// <summary>/Admin/MasterData: SS 12000 files or API, a preview of the changes, then apply or discard.</summary>
public sealed class MasterDataPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Skoldata från SS 12000";

    public static async Task<MasterDataPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new MasterDataPage(visitor);
    }

    public ILocator Notice => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    /// <summary>The run's status line ("Förhandsvisad: inget är ändrat än", "Genomförd" …).</summary>
    public ILocator RunStatus => Page.Locator("#run-status");

    /// <summary>The list of changes under "Ändringar".</summary>
    public ILocator Changes => Page.Locator("#changes li");

    /// <summary>Uploads the three SS 12000 answers and waits until the worker has planned them: the page reloads itself
    /// when the run is done.</summary>
    public async Task<MasterDataPage> PreviewFilesAsync(byte[] organisations, byte[] persons, byte[] duties)
    {
        foreach (var (list, json) in new[] { ("organisations", organisations), ("persons", persons), ("duties", duties) })
        {
            await Page.GetByLabel($"Svaret från /{list}", new() { Exact = true })
                .SetInputFilesAsync(new FilePayload { Name = list + ".json", MimeType = "application/json", Buffer = json });
        }
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Förhandsvisa från filerna", Exact = true }));
        await Expect(RunStatus).ToHaveTextAsync("Förhandsvisad: inget är ändrat än", new() { Timeout = 20_000 });
        return await ExpectAsync(Visitor);
    }

    /// <summary>Applies the preview and waits until the worker has applied it (the page reloads itself then too).</summary>
    public async Task<MasterDataPage> ApplyAsync()
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Genomför", Exact = true }));
        await Expect(RunStatus).ToHaveTextAsync("Genomförd", new() { Timeout = 20_000 });
        return await ExpectAsync(Visitor);
    }
}

/// <summary>/Account/ForgotPassword and the link's /Account/ResetPassword.</summary>
public sealed class ForgotPasswordPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Nytt lösenord";

    public static async Task<ForgotPasswordPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new ForgotPasswordPage(visitor);
    }

    public ILocator Notice => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    public async Task SendLinkAsync(string email)
    {
        await Page.GetByLabel("E-postadress", new() { Exact = true }).FillAsync(email);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skicka länken", Exact = true }));
        await Visitor.ArriveAsync(Heading);
    }

    /// <summary>Opens the mailed link, chooses the password and is sent back to the sign-in page.</summary>
    public static async Task<LoginPage> ResetAsync(Visitor visitor, string link, string password)
    {
        await visitor.GotoAsync(link);
        await visitor.ArriveAsync("Välj nytt lösenord");
        await visitor.Page.GetByLabel("Nytt lösenord", new() { Exact = true }).FillAsync(password);
        await visitor.Page.GetByLabel("Upprepa lösenordet", new() { Exact = true }).FillAsync(password);
        await visitor.ClickToNavigateAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Spara lösenordet", Exact = true }));
        await visitor.ArriveAsync(LoginPage.Heading);
        return new LoginPage(visitor);
    }
}
