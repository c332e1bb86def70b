using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Ensa.Web.Forms;

/// <summary>A request for which a page has no handler (a post with no or an unknown <c>handler</c>, or a GET naming one
/// that does not exist) answers 404, for every page. Without this Razor Pages renders the page without running any
/// handler, so nothing is loaded and the page fails with a 500. A page with no handler at all (a plain view) still renders
/// for GET and HEAD.</summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !RendersWithoutHandler(context))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }
        return next();
    }

    private static bool RendersWithoutHandler(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)) return false;
        // A GET with no handler to run: fine only if the page has no GET handler at all (it needs nothing loaded).
        return !context.ActionDescriptor.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase));
    }
}
