using Ensa.Data;
using Ensa.Requests;
using Ensa.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Requests;

/// <summary>Step 0: a new request, saved as a draft or submitted to the principal.</summary>
public sealed class NewModel(EnsaDbContext db, RequestAccess access, Catalogue catalogue, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : RequestFormPage(db, access, catalogue, clock, l)
{
    public async Task OnGetAsync(string? q, Guid? resourceId)
    {
        var actor = await Access.ActorAsync();
        await LoadUnitsAsync(actor.UserId);
        if (Units.Count == 1) Input.SchoolUnitId = Units[0].Id;
        Input.ResourceId = resourceId;
        await PrepareAsync(q);
    }

    public Task<IActionResult> OnPostSaveAsync() => PostAsync(submit: false);

    public Task<IActionResult> OnPostSubmitAsync() => PostAsync(submit: true);

    private async Task<IActionResult> PostAsync(bool submit)
    {
        var actor = await Access.ActorAsync();
        await LoadUnitsAsync(actor.UserId);
        if (Input.SchoolUnitId is not { } unitId || Units.All(u => u.Id != unitId))
            ModelState.AddModelError("Input.SchoolUnitId", Texts["Request.UnitMissing"].Value);
        if (!await ValidateAsync(submit))
        {
            await PrepareAsync(null);
            return Page();
        }
        var organizerId = User.OrganizerId() ?? throw new InvalidOperationException("No organizer.");
        var request = ResourceRequest.CreateDraft(organizerId, Input.SchoolUnitId!.Value, actor, Input.ToDetails(), Now);
        Db.ResourceRequests.Add(request);
        return await FinishAsync(request, actor, submit);
    }
}
