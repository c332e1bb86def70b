using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Every text field of every form any demo role can reach has a maxlength, and one character more is refused
/// with a message that names the limit, changing nothing — on SQLite and on PostgreSQL (issue 8, finding 6).</summary>
public sealed partial class InputLimitTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public Task EveryTextField_OneCharacterTooMany_IsRefusedWithTheLimit() => InputLimitCrawl.RunAsync(app);
}

public sealed class InputLimitPostgresTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public Task EveryTextField_OneCharacterTooMany_Postgres_IsRefusedWithTheLimit()
    {
        TestEnvironment.RequirePostgres();
        return InputLimitCrawl.RunAsync(app);
    }
}

public static partial class InputLimitCrawl
{
    private static readonly HashSet<string> TextTypes = ["", "text", "email", "url", "tel", "search", "password"];

    // Anonymous addresses (the public list's GET search, rights-task links) are tested with hostile input elsewhere;
    // the language switch is not a data form.
    private static readonly string[] ExcludedPaths = ["/public", "/Published", "/Tasks", "/Language"];

    private sealed record Field(string Role, string Page, int FormIndex, string Name, int Max, string Type);

    public static async Task RunAsync(EnsaAppFactory app)
    {
        var seeds = await SeedStatesAsync(app);
        var failures = new List<string>();
        var fields = new List<Field>();
        var tested = new HashSet<string>();
        var clients = new Dictionary<string, EnsaClient>();
        try
        {
            (string Role, string Organizer)[] who =
            [
                (Roles.Requester, "Mittköpings kommun"), (Roles.Principal, "Mittköpings kommun"), (Roles.CentralReviewer, "Mittköpings kommun"),
                (Roles.SecurityCoordinator, "Mittköpings kommun"), (Roles.OrganizerAdmin, "Mittköpings kommun"), (Roles.OrganizerAdmin, "Lärande Norr AB"),
                (Roles.SupplierUser, ""), (Roles.PlatformAdmin, ""),
            ];
            foreach (var (role, organizer) in who)
            {
                var key = role + " " + organizer;
                var client = organizer.Length > 0 ? await app.SignInAs(role, organizer) : await app.SignInAs(role);
                clients[key] = client;
                foreach (var page in await CrawlAsync(client, seeds))
                {
                    var forms = page.Document.QuerySelectorAll<IHtmlFormElement>("form").ToList();
                    for (var i = 0; i < forms.Count; i++)
                    {
                        if (!string.Equals(forms[i].Method, "post", StringComparison.OrdinalIgnoreCase)) continue;
                        if (ExcludedPaths.Any(p => (forms[i].GetAttribute("action") ?? "").StartsWith(p, StringComparison.OrdinalIgnoreCase))) continue;
                        foreach (var element in forms[i].Elements)
                        {
                            var (name, type) = element switch
                            {
                                IHtmlInputElement input => (input.Name, (input.GetAttribute("type") ?? "").ToLowerInvariant()),
                                IHtmlTextAreaElement area => (area.Name, ""),
                                _ => (null, "-"),
                            };
                            if (name is not { Length: > 0 } || !TextTypes.Contains(type)) continue;
                            if (!int.TryParse(element.GetAttribute("maxlength"), out var max))
                            {
                                // A number typed as text (a decimal with a comma) is bounded by its range: see PurchaseCost_* below.
                                if (element.GetAttribute("inputmode") is not ("decimal" or "numeric"))
                                    failures.Add($"{key}: {page.Url} form {i} field {name} has no maxlength");
                            }
                            // The same field of the same handler is posted once, whoever sees it.
                            else if (tested.Add(Guid().Replace($"{page.Url} {forms[i].GetAttribute("action")} {name}", "{id}")))
                                fields.Add(new Field(key, page.Url, i, name, max, type));
                        }
                    }
                }
            }
            Assert.True(fields.Count > 50, $"Only {fields.Count} bounded fields found: the crawl missed pages.");
            Assert.Contains(fields, f => f.Page.StartsWith("/Supplier/Describe", StringComparison.Ordinal));
            Assert.Contains(fields, f => f.Name == "Signing.OrganizerName");
            Assert.Contains(fields, f => f.Name == "ObjectionReason");
            Assert.Contains(fields, f => f.Name == "Comment" && f.Page.StartsWith("/Requests/", StringComparison.Ordinal));

            foreach (var field in fields)
            {
                var client = clients[field.Role];
                var before = await ChangesAsync(app);
                var document = await client.GetPageAsync(field.Page);
                var form = document.QuerySelectorAll<IHtmlFormElement>("form").ElementAtOrDefault(field.FormIndex);
                if (form is null)
                {
                    failures.Add($"{field.Role}: {field.Page} form {field.FormIndex} is gone (a post changed the page?)");
                    continue;
                }
                var response = await PostAsync(client, field.Page, form, field.Name, TooLong(field));
                var where = $"{field.Role}: {field.Page} {field.Name} ({field.Max})";
                if ((int)response.StatusCode >= 500) failures.Add($"{where}: {(int)response.StatusCode}");
                else if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{where}: accepted ({(int)response.StatusCode} {response.Headers.Location})");
                else
                {
                    var text = (await EnsaClient.ParseAsync(response)).Body!.TextContent;
                    if (!text.Contains($"högst {field.Max} tecken", StringComparison.Ordinal))
                        failures.Add($"{where}: no message naming the limit");
                }
                if (await ChangesAsync(app) != before) failures.Add($"{where}: something was saved");
            }
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {fields.Count} fields:\n" + string.Join("\n", failures));
    }

    private static string TooLong(Field field)
    {
        var length = field.Max + 1;
        return field.Type switch
        {
            "email" when length > 12 => new string('a', length - 12) + "@example.com",
            "url" when length > 12 => "https://" + new string('a', length - 12) + ".se/",
            _ => new string('a', length),
        };
    }

    /// <summary>What a browser sends: the form as found, the first submit button (its formaction and name), one field changed.</summary>
    private static Task<HttpResponseMessage> PostAsync(EnsaClient client, string pageUrl, IHtmlFormElement form, string name, string value)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } n } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(n, input.Value));
                    break;
                case IHtmlInputElement { Name: { Length: > 0 } n } input when input.Type is not ("submit" or "file"):
                    fields.Add(new(n, n == name ? value : input.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } n } select:
                    fields.Add(new(n, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } n } area:
                    fields.Add(new(n, n == name ? value : area.Value));
                    break;
            }
        }
        var button = form.QuerySelectorAll("button, input[type=submit]").FirstOrDefault(b => (b.GetAttribute("type") ?? "submit") == "submit");
        if (button?.GetAttribute("name") is { Length: > 0 } buttonName) fields.Add(new(buttonName, button.GetAttribute("value") ?? ""));
        var action = button?.GetAttribute("formaction") is { Length: > 0 } f ? f
            : form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return client.Http.PostAsync(WebUtility.HtmlDecode(action), new FormUrlEncodedContent(fields));
    }

    private static Task<(int, int)> ChangesAsync(EnsaAppFactory app) => app.WithDbAsync(async db =>
        (await db.AuditEntries.IgnoreQueryFilters().CountAsync(), await db.OutboxMessages.CountAsync()));

    private sealed record Page(string Url, IHtmlDocument Document);

    /// <summary>Pages reachable from the start page and the seeded detail pages; at most a few of each route.</summary>
    private static async Task<List<Page>> CrawlAsync(EnsaClient client, IEnumerable<string> seeds)
    {
        var queue = new Queue<string>(seeds.Prepend("/"));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var perRoute = new Dictionary<string, int>();
        var pages = new List<Page>();
        while (queue.Count > 0 && pages.Count < 120)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url)) continue;
            var route = Guid().Replace(url.Split('?')[0], "{id}");
            if (perRoute.TryGetValue(route, out var count) && count >= 4) continue;
            perRoute[route] = count + 1;
            var response = await client.Http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var document = (IHtmlDocument)await EnsaClient.ParseAsync(response);
            pages.Add(new Page(url, document));
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => WebUtility.HtmlDecode(a.GetAttribute("href")!)))
            {
                if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.Contains('#', StringComparison.Ordinal)) continue;
                if (ExcludedPaths.Any(p => link.StartsWith(p, StringComparison.OrdinalIgnoreCase))) continue;
                if (link.Contains("handler=", StringComparison.OrdinalIgnoreCase) || link.Contains("/Document", StringComparison.Ordinal)
                    || link.Contains(".pdf", StringComparison.OrdinalIgnoreCase) || link.Contains(".csv", StringComparison.OrdinalIgnoreCase)
                    || link.Contains("/Pdf", StringComparison.OrdinalIgnoreCase) || link.Contains("/Csv", StringComparison.OrdinalIgnoreCase)) continue;
                queue.Enqueue(link);
            }
        }
        return pages;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    /// <summary>States the demo data does not show, made through the domain: a request waiting for its principal, one in
    /// review, an agreement under review at Mittköping, one ready to sign at Lärande Norr, and a supplier's new version
    /// waiting for Mittköping's answer. Returns their pages.</summary>
    private static async Task<List<string>> SeedStatesAsync(EnsaAppFactory app)
    {
        var inReview = await app.InReviewAsync("Quizzly");
        return await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-5);
            var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == RequestScenarios.Unit);
            var anna = await RequestScenarios.ActorAsync(db, "anna.lindberg@mittkoping.example", Role.Requester);
            var numerixId = await db.LearningResources.Where(r => r.Name == "Numerix Matteträning").Select(r => r.Id).SingleAsync();
            var waiting = ResourceRequest.CreateDraft(unit.OrganizerId, unit.Id, anna, new RequestDetails { ResourceId = numerixId, Need = "Behov." }, now);
            Assert.True(waiting.Submit(anna, now).Succeeded);
            db.ResourceRequests.Add(waiting);

            var template = await db.AgreementTemplates.OrderByDescending(t => t.Version).FirstAsync();
            var numerix = await db.LearningResources.SingleAsync(r => r.Id == numerixId);
            var lasresan = await db.LearningResources.SingleAsync(r => r.Name == "Sagoväven Läsresan");
            var descriptions = await db.SupplierDescriptions.Where(d => d.PublishedAt != null).ToListAsync();
            var staff = Actor.OrganizerStaff(System.Guid.NewGuid(), "Test",
                new HashSet<Role> { Role.OrganizerAdmin, Role.CentralReviewer, Role.SecurityCoordinator });
            var parts = new OrganizerParts("Nämnden", new ContactPerson("Kontakt", "kontakt@example.com"), new ContactPerson("Dso", "dso@example.com"), "Dnr 1");
            var organizers = await db.Organizers.ToListAsync();
            var mittkoping = organizers.Single(o => o.Slug == Demo.DemoData.MittkopingSlug).Id;
            var larande = organizers.Single(o => o.Slug == Demo.DemoData.LarandeNorrSlug).Id;
            Assert.True(Agreement.Create(mittkoping, staff, template, numerix, descriptions.Single(d => d.ResourceId == numerixId), parts, now, out var underReview).Succeeded);
            Assert.True(underReview!.StartReview(staff, now).Succeeded);
            Assert.True(Agreement.Create(larande, staff, template, lasresan, descriptions.Single(d => d.ResourceId == lasresan.Id), parts, now, out var toSign).Succeeded);
            Assert.True(toSign!.StartReview(staff, now).Succeeded);
            Assert.True(toSign.RecordReview(staff, "Ok.", now).Succeeded);
            Assert.True(toSign.RecordSecurityReview(staff, "Ok.", now).Succeeded);
            Assert.True(toSign.ApproveForSigning(staff, now).Succeeded);
            db.Agreements.AddRange(underReview, toSign);

            var current = descriptions.Single(d => d.ResourceId == lasresan.Id);
            var supplier = Actor.SupplierUser(System.Guid.NewGuid(), "Leverantör", current.SupplierId);
            Assert.True(current.StartNextDraft(supplier, now, out var next).Succeeded);
            Assert.True(next!.Edit(supplier, current.Content() with { Retention = "Ett år." }, now).Succeeded);
            Assert.True(next.Publish(supplier, now).Succeeded);
            db.SupplierDescriptions.Add(next);
            var inForce = await db.Agreements.IgnoreQueryFilters().SingleAsync(a => a.OrganizerId == mittkoping && a.ResourceId == lasresan.Id && a.Status == AgreementStatus.InForce);
            Assert.True(inForce.NoticeVersionChange(next, now).Succeeded);
            await db.SaveChangesAsync();
            return new List<string>
            {
                $"/Requests/{waiting.Id}", $"/Review/Request/{inReview}", $"/Agreements/{underReview.Id}", $"/Agreements/{toSign.Id}", $"/Agreements/{inForce.Id}",
                $"/Supplier/Describe/{lasresan.Id}",
            };
        });
    }
}
