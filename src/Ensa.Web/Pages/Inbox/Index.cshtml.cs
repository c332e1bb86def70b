using Ensa.Tasks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ensa.Web.Pages.Inbox;

/// <summary>Every open step that waits on the signed-in person, oldest first, with its age and where it is done.</summary>
public sealed class IndexModel(MyTasks tasks, TimeProvider clock) : PageModel
{
    public sealed record Row(WaitingTask Task, int AgeDays);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool MayOpenRightsCases { get; private set; }

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Rows = (await tasks.ListAsync()).Select(t => new Row(t, Math.Max(0, (int)(now - t.Since).TotalDays))).ToList();
        MayOpenRightsCases = await tasks.ActorAsync() is { } actor && (actor.IsReviewer || actor.IsSecurityCoordinator);
    }

    /// <summary>The page where the task is done, with its route id; null for a rights task the person answers by its
    /// e-mailed link.</summary>
    public (string Page, Guid Id)? Target(WaitingTask task) => task.Kind switch
    {
        TaskKind.PrincipalApproval => ("/Requests/Details", task.Id),
        TaskKind.Review or TaskKind.SecurityPart or TaskKind.Decision => ("/Review/Request", task.Id),
        TaskKind.NameResponsibles or TaskKind.ConfirmTraining => ("/Requests/Use", task.Id),
        TaskKind.RightsTask => MayOpenRightsCases ? ("/Privacy/Details", task.Id) : null,
        TaskKind.SupplierDescription => ("/Supplier/Describe", task.Id),
        TaskKind.SupplierOnboarding => ("/Platform/Suppliers/Details", task.Id),
        _ => ("/Agreements/Details", task.Id),
    };
}
