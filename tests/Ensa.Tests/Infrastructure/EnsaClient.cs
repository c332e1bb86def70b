using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Ensa.Tests.Infrastructure;

/// <summary>An HTTP client that speaks to pages the way a browser without JavaScript does: it reads a form from
/// the page (hidden fields and antiforgery token included), fills it in and posts it.</summary>
public sealed class EnsaClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.StatusCode == expected,
            $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Loads <paramref name="pageUrl"/>, takes the first form that <paramref name="formSelector"/> matches,
    /// applies <paramref name="values"/> over its current values and posts it. Redirects are not followed.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string formSelector, IReadOnlyDictionary<string, string>? values = null)
    {
        var document = await GetPageAsync(pageUrl);
        var form = document.QuerySelectorAll<IHtmlFormElement>(formSelector).FirstOrDefault()
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await SubmitAsync(pageUrl, form, values);
    }

    public Task<HttpResponseMessage> SubmitAsync(string pageUrl, IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts <paramref name="handler"/> of <paramref name="pageUrl"/> with the page's valid antiforgery token, as
    /// a forged form would, whether or not the page offers that handler's form. Redirects are not followed.</summary>
    public async Task<HttpResponseMessage> PostHandlerAsync(string pageUrl, string handler, IReadOnlyDictionary<string, string>? values = null)
    {
        var token = (await GetPageAsync(pageUrl)).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value
                    ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
        var fields = new Dictionary<string, string>(values ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        return await http.PostAsync($"{pageUrl}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    /// <summary>Like <see cref="SubmitAsync(string, string, IReadOnlyDictionary{string, string}?)"/> for a form with a file
    /// field: posts multipart/form-data with <paramref name="file"/> as <paramref name="fileField"/>.</summary>
    public async Task<HttpResponseMessage> SubmitWithFileAsync(string pageUrl, string formSelector, IReadOnlyDictionary<string, string> values,
        string fileField, string fileName, byte[] file)
    {
        var document = await GetPageAsync(pageUrl);
        var form = document.QuerySelectorAll<IHtmlFormElement>(formSelector).FirstOrDefault()
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var content = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && i.Name is { Length: > 0 }))
            if (!values.ContainsKey(input.Name!)) content.Add(new StringContent(input.Value), input.Name!);
        foreach (var (name, value) in values) content.Add(new StringContent(value), name);
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(bytes, fileField, fileName);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await http.PostAsync(action, content);
    }

    /// <summary>Posts without any antiforgery token, as a cross-site attacker would.</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string url, IReadOnlyDictionary<string, string> values) =>
        http.PostAsync(url, new FormUrlEncodedContent(values));

    public async Task SignInWithDemoAsync(string email)
    {
        var document = await GetPageAsync("/Account/Login");
        var form = document.QuerySelectorAll<IHtmlFormElement>("form")
            .Single(f => f.QuerySelector<IHtmlInputElement>("input[name=email]")?.Value == email);
        var response = await SubmitAsync("/Account/Login", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public async Task<HttpResponseMessage> SignInWithPasswordAsync(string email, string password) =>
        await SubmitAsync("/Account/Login", "main form:not([action*=Demo])", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Follows a redirect response with a GET and returns the page.</summary>
    /// <summary>Sets up TOTP on /Account/TwoFactor as a user with an authenticator app does; returns the shared key
    /// and the response to the confirming code (which re-issues the session with a second factor).</summary>
    public async Task<(string Key, HttpResponseMessage Enabled)> SetUpTwoFactorAsync(string page = "/Account/TwoFactor")
    {
        var key = (await GetPageAsync(page)).QuerySelector(".key")!.TextContent;
        var enabled = await SubmitAsync(page, "form[action*=Enable]", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        return (key, enabled);
    }

    /// <summary>Accepts a supplier invitation with a new password and sets up the two-factor every supplier user needs
    /// before anything else.</summary>
    public async Task AcceptSupplierInvitationAsync(string link, string password)
    {
        await SubmitAsync(link, "main form", new Dictionary<string, string> { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });
        await SetUpTwoFactorAsync();
    }

    public async Task<IHtmlDocument> FollowAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)response.StatusCode}: {Text(await ParseAsync(response), ".errors, .error")}");
        return await GetPageAsync(response.Headers.Location!.OriginalString);
    }

    public static string Text(IDocument document, string selector) =>
        string.Join(" | ", document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

    public void Dispose() => http.Dispose();
}

public static class PageExtensions
{
    /// <summary>The value of the start page figure with this label.</summary>
    public static string Figure(this IDocument page, string label) =>
        page.QuerySelectorAll(".figures div").Single(d => d.QuerySelector("dt")!.TextContent.Trim() == label).QuerySelector("dd")!.TextContent.Trim();

}
