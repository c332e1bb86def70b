using Ensa.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Forms;

/// <summary>Every post form carries the versions of the workflow entities its page was rendered from
/// (<see cref="Versions"/>), so a step taken on a page that someone else changed meanwhile is refused.</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class VersionStampTagHelper(EnsaDbContext db) : TagHelper
{
    public const string FieldName = "__versions";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase)) return;
        foreach (var entry in Versions.Tracked(db))
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{FieldName}\" value=\"{System.Net.WebUtility.HtmlEncode(Versions.Stamp(entry))}\">");
    }
}

/// <summary>Hands a post's version stamps to the context, and answers a refused save (<see cref="DbUpdateConcurrencyException"/>:
/// someone else saved the same entity first) with the page as it is now and who changed it when. Nothing of the post
/// was saved.</summary>
public sealed class StaleFormFilter(EnsaDbContext db, IStringLocalizer<SharedResource> l, ITempDataDictionaryFactory tempData) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType) db.SeenVersions = request.Form[VersionStampTagHelper.FieldName].OfType<string>().ToList();
        var executed = await next();
        if (executed.Exception is not DbUpdateConcurrencyException refused) return;

        executed.ExceptionHandled = true;
        var changed = refused.Entries.Select(e => Versions.Identify(e).Split(':', 2)).First();
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == changed[0] && a.EntityId == changed[1])
            .OrderByDescending(a => a.At).Select(a => new { a.ActorName, a.At }).FirstOrDefaultAsync();
        tempData.GetTempData(context.HttpContext)["Message"] = last is null
            ? l["Concurrency.ChangedMeanwhile"].Value
            : l["Concurrency.ChangedMeanwhileBy", last.ActorName ?? "Ensa", Format.DateTime(last.At)].Value;
        var query = request.Query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(q => q.Key, q => q.Value);
        executed.Result = new RedirectResult(request.PathBase + request.Path + Microsoft.AspNetCore.Http.QueryString.Create(query));
    }
}
