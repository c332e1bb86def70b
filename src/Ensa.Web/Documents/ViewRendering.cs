using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Ensa.Web.Documents;

/// <summary>Renders a partial view of a page, with the page as its model, into a string: the same markup the page shows,
/// for printing to PDF.</summary>
public static class ViewRendering
{
    public static async Task<string> RenderPartialAsync<TPage>(this TPage page, IRazorViewEngine views, string name) where TPage : PageModel
    {
        var found = views.FindView(page.PageContext, name, isMainPage: false);
        if (found.View is not { } view) throw new InvalidOperationException($"{name} not found.");
        await using var writer = new StringWriter();
        var context = new ViewContext(page.PageContext, view, new ViewDataDictionary<TPage>(page.ViewData, page), page.TempData, writer,
            new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
