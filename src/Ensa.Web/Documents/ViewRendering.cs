using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Ensa.Web.Documents;

/// <summary>Renders a partial view of a page, with the page as its model, into a string: the same markup the page shows,
/// for printing to PDF.</summary>
public static class ViewRendering
{
    public static Task<string> RenderPartialAsync<TPage>(this TPage page, IRazorViewEngine views, string name) where TPage : PageModel =>
        page.RenderPartialAsync(views, name, page);

    /// <summary>The partial <paramref name="name"/> (a name or a path) with <paramref name="model"/> as its model, in the page's context.</summary>
    public static async Task<string> RenderPartialAsync<TModel>(this PageModel page, IRazorViewEngine views, string name, TModel model)
    {
        // A path ("/Pages/…/_X.cshtml") finds the partial from any page; a name, from the page's own folder up.
        var found = name.StartsWith('/') ? views.GetView(null, name, isMainPage: false) : views.FindView(page.PageContext, name, isMainPage: false);
        if (found.View is not { } view) throw new InvalidOperationException($"{name} not found.");
        await using var writer = new StringWriter();
        var context = new ViewContext(page.PageContext, view, new ViewDataDictionary<TModel>(page.ViewData, model), page.TempData, writer,
            new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
