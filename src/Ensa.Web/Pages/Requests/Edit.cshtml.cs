using Ensa.Data;
using Ensa.Requests;
using Ensa.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Requests;

/// <summary>The requester changes a draft, or a request the principal sent back, and submits it (again).</summary>
public sealed class EditModel(EnsaDbContext db, RequestAccess access, Catalogue catalogue, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : RequestFormPage(db, access, catalogue, clock, l)
{
    public RequestStatus Status { get; private set; }

    /// <summary>The principal's comment when the request was sent back.</summary>
    public string? SentBackComment { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? q, Guid? resourceId, bool change)
    {
        if (await LoadAsync(id) is not var (request, _)) return NotFound();
        Input = RequestInput.From(request.Details());
        if (resourceId is not null) Input.ResourceId = resourceId;
        else if (change) Input.ResourceId = null;
        if (!Editable) ModelState.AddModelError("", Texts["Request.NotEditable"].Value);
        await PrepareAsync(q);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id) => PostAsync(id, submit: false);

    public Task<IActionResult> OnPostSubmitAsync(Guid id) => PostAsync(id, submit: true);

    private async Task<IActionResult> PostAsync(Guid id, bool submit)
    {
        if (await LoadAsync(id) is not var (request, actor)) return NotFound();
        if (!await ValidateAsync(submit))
        {
            await PrepareAsync(null);
            return Page();
        }
        var edited = request.Edit(actor, Input.ToDetails(), Now);
        if (!edited.Succeeded)
        {
            AddError(edited.Error!);
            await PrepareAsync(null);
            return Page();
        }
        return await FinishAsync(request, actor, submit);
    }

    /// <summary>Only the requester edits: for anyone else the request does not exist here.</summary>
    private async Task<(ResourceRequest, Actor)?> LoadAsync(Guid id)
    {
        if (await Access.LoadAsync(id) is not var (request, actor) || actor.UserId != request.RequesterId) return null;
        RequestId = request.Id;
        Status = request.Status;
        Editable = request.AllowedSteps(actor).Contains(RequestStep.Edit);
        FixedUnitName = await Db.OrganisationUnits.Where(u => u.Id == request.SchoolUnitId).Select(u => u.Name).SingleAsync();
        SentBackComment = request.Status == RequestStatus.SentBack
            ? request.Events.Where(e => e.Kind == RequestEventKind.SentBack).OrderBy(e => e.At).LastOrDefault()?.Comment
            : null;
        return (request, actor);
    }
}
