using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Agreements;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>A missing or unreadable choice is refused with a message and changes nothing (issue 8, findings 9 and 10).</summary>
public sealed class MissingChoiceTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public async Task Decide_WithoutDecisionChoice_IsRefusedAndRequestStaysInReview()
    {
        var id = await app.InReviewAsync("Kodkraft Blocklabb");
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var url = $"/Review/Request/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await sara.SubmitAsync(url, "form[action*='handler=Save']", new Dictionary<string, string>
        {
            ["Input.Accessibility"] = "Good", ["Input.SuitableForProtectedIdentity"] = "No", ["Input.AgreementNeed"] = nameof(AgreementNeed.NotNeeded),
        })).StatusCode);
        var response = await PostWithoutAsync(sara, url, "form[action*='handler=Decide']", "DecisionChoice");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Välj ett beslut", EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors"), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.InReview, await app.StatusAsync(id));
    }

    [Fact]
    public async Task Dates_UnreadableReviewDate_IsRefusedAndKeepsTheDate()
    {
        var (id, before) = await InForceAsync();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var response = await lisa.SubmitAsync($"/Agreements/{id}", "form[action*='handler=Dates']", new Dictionary<string, string> { ["ReviewDate"] = "31/31/2026" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("31/31/2026", EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors"), StringComparison.Ordinal);
        Assert.Equal(before.ReviewDate, (await InForceAsync()).Agreement.ReviewDate);
    }

    [Fact]
    public async Task Terminate_BeforeEntryIntoForce_IsRefusedAndStaysInForce()
    {
        var (id, before) = await InForceAsync();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var response = await lisa.SubmitAsync($"/Agreements/{id}", "form[action*='handler=Terminate']", new Dictionary<string, string>
        {
            ["TerminatedOn"] = before.InForceFrom!.Value.AddYears(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Confirmation"] = "Leverantören har raderat uppgifterna.",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("kan inte upphöra före", EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors"), StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.InForce, (await InForceAsync()).Agreement.Status);

        var missing = await PostWithoutAsync(lisa, $"/Agreements/{id}", "form[action*='handler=Terminate']", "Disposition",
            new Dictionary<string, string> { ["TerminatedOn"] = before.InForceFrom!.Value.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Confirmation"] = "Raderat." });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Välj hur uppgifterna", EnsaClient.Text(await EnsaClient.ParseAsync(missing), ".errors"), StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.InForce, (await InForceAsync()).Agreement.Status);
    }

    [Fact]
    public async Task PurchaseCost_BeyondIntRange_IsRefusedWithTheRange()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var mittkoping = await db.Organizers.Where(o => o.Slug == Demo.DemoData.MittkopingSlug).Select(o => o.Id).SingleAsync();
            return await db.ResourceRequests.IgnoreQueryFilters()
                .Where(r => r.OrganizerId == mittkoping && r.Status == RequestStatus.Approved && r.Purchase == null).Select(r => r.Id).FirstAsync();
        });
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var response = await sara.SubmitAsync($"/Requests/Purchase/{id}", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(ProcurementKind.DirectProcurement),
            ["Input.Cost"] = "5566778899",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ska vara mellan", (await EnsaClient.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<ResourceRequest>(r => r.Id == id && r.Purchase != null));

        var noKind = await PostWithoutAsync(sara, $"/Requests/Purchase/{id}", "main form[method=post]", "Input.Kind");
        Assert.Equal(HttpStatusCode.OK, noKind.StatusCode);
        Assert.False(await app.IsStoredAsync<ResourceRequest>(r => r.Id == id && r.Purchase != null));
    }

    private Task<(Guid Id, Agreement Agreement)> InForceAsync() => app.WithDbAsync(async db =>
    {
        var a = await db.Agreements.IgnoreQueryFilters().AsNoTracking().FirstAsync(a => a.Status == AgreementStatus.InForce || a.Status == AgreementStatus.Terminated);
        return (a.Id, a);
    });

    /// <summary>The form as found, without <paramref name="omitted"/>: what a crafted post (or a form without a default) sends.</summary>
    private static async Task<HttpResponseMessage> PostWithoutAsync(EnsaClient client, string url, string selector, string omitted,
        Dictionary<string, string>? values = null)
    {
        var form = (await client.GetPageAsync(url)).QuerySelectorAll<IHtmlFormElement>(selector).First();
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var (name, value) = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio" } i => (i.IsChecked ? i.Name : null, i.Value),
                IHtmlInputElement i => (i.Name, i.Value),
                IHtmlTextAreaElement t => (t.Name, t.Value),
                IHtmlSelectElement s => (s.Name, s.Value ?? ""),
                _ => (null, ""),
            };
            if (name is { Length: > 0 } && name != omitted && values?.ContainsKey(name) != true) fields.Add(new(name, value));
        }
        foreach (var pair in values ?? new Dictionary<string, string>()) fields.Add(pair);
        return await client.Http.PostAsync(WebUtility.HtmlDecode(form.GetAttribute("action") ?? url), new FormUrlEncodedContent(fields));
    }
}
