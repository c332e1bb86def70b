using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ensa.Web.Forms;

public static class InputRefusal
{
    /// <summary>True when some field did not bind or broke its limit. The fields' messages are copied to the page's
    /// summary (key ""), for pages whose summary shows only those.</summary>
    public static bool RefusedToSummary(this ModelStateDictionary state)
    {
        if (state.IsValid) return false;
        var messages = state.Where(e => e.Key.Length > 0).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage)
            .Where(m => m.Length > 0).Distinct().ToList();
        foreach (var message in messages) state.AddModelError("", message);
        return true;
    }
}
