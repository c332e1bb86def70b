using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Requests;

/// <summary>The one record of a request: what was asked, where it stands, every step so far, and what the viewer may
/// do next (the requester submits, the unit's principal approves or sends back).</summary>
public sealed class DetailsModel(EnsaDbContext db, RequestAccess access, AgreementAccess agreements, IAuthorizationService authorization,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, StringLength(RequestEvent.CommentMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Request.SendBackComment")]
    public string? Comment { get; set; }

    /// <summary>The requester ticks this to confirm a withdrawal, so one stray click cannot take a request back.</summary>
    [BindProperty]
    public bool ConfirmWithdraw { get; set; }

    public ResourceRequest Current { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;
    public string ResourceName { get; private set; } = "";
    public string? ResourceSupplier { get; private set; }
    public string UnitName { get; private set; } = "";
    public string RequesterName { get; private set; } = "";
    public IReadOnlyList<RequestEvent> Timeline { get; private set; } = [];
    /// <summary>The principal's comment when the request is sent back.</summary>
    public string? SentBackComment { get; private set; }
    public ResourceReview? Review { get; private set; }
    public string? FrameworkAgreementName { get; private set; }
    public string? RegisteransvarigName { get; private set; }
    /// <summary>While the request waits for an agreement: the organizer's agreement for the resource, if any.</summary>
    public (Guid Id, Ensa.Agreements.AgreementStatus Status)? Agreement { get; private set; }

    /// <summary>What the viewer may do now: the domain's own rules, so no button is shown that would be refused.</summary>
    public IReadOnlySet<RequestStep> Allowed { get; private set; } = new HashSet<RequestStep>();
    /// <summary>The review page is the central department's (its folder's policy), in every state.</summary>
    public bool SeesReview { get; private set; }
    /// <summary>The organizer's decision on the resource this request was approved by; or, before the central department,
    /// the decision that will approve it without a new review.</summary>
    public ResourceDecision? Standing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(Guid id) => ActAsync(id, (request, actor, now) => request.Submit(actor, now, Standing),
        SubmittedKey);

    public Task<IActionResult> OnPostApproveAsync(Guid id) => ActAsync(id, (request, actor, now) => request.ApproveAsPrincipal(actor, now, Standing),
        request => request.StandingDecisionId is not null ? "Request.ApprovedByStandingDecisionDone" : "Request.PrincipalApprovedDone");

    /// <summary>What a submission led to: the principal, the central department, or approval by the organizer's decision.</summary>
    internal static string SubmittedKey(ResourceRequest request) =>
        request.StandingDecisionId is not null ? "Request.ApprovedByStandingDecisionDone"
        : request.Status == RequestStatus.InReview ? "Request.SubmittedToReview" : "Request.SubmittedToPrincipal";

    public Task<IActionResult> OnPostSendBackAsync(Guid id) => ActAsync(id, (request, actor, now) => request.SendBack(actor, Comment ?? "", now),
        _ => "Request.WasSentBack");

    public Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        if (!ConfirmWithdraw) ModelState.AddModelError(nameof(ConfirmWithdraw), l["Request.WithdrawNotConfirmed"].Value);
        return ActAsync(id, (request, actor, now) => request.Withdraw(actor, now), _ => "Request.WithdrawnDone");
    }

    /// <summary>Load, let the domain decide, save, redirect; or show the refusal on the page.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<ResourceRequest, Actor, DateTime, Result> action, Func<ResourceRequest, string> doneKey)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (ModelState.RefusedToSummary()) return Page();
        var result = action(Current, Actor, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            var text = l[result.Error!.Code, result.Error.Args].Value;
            ModelState.AddModelError("", text);
            if (result.Error.Code == "Request.CommentMissing") ModelState.AddModelError(nameof(Comment), text);
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l[doneKey(Current)].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.LoadAsync(id) is not var (request, actor)) return false;
        (Current, Actor, Allowed) = (request, actor, request.AllowedSteps(actor));
        SeesReview = (await authorization.AuthorizeAsync(User, Policies.Reviewer)).Succeeded;
        Agreement = request.Status == RequestStatus.AwaitingAgreement && request.ResourceId is { } forResource
            ? await agreements.ForResourceAsync(forResource)
            : null;
        if (request.ResourceId is { } resourceId)
        {
            var resource = await db.LearningResources.AsNoTracking().Where(r => r.Id == resourceId)
                .Select(r => new { r.Name, Supplier = db.Suppliers.Where(s => s.Id == r.SupplierId).Select(s => s.Name).FirstOrDefault() })
                .SingleAsync();
            (ResourceName, ResourceSupplier) = (resource.Name, resource.Supplier);
        }
        else
        {
            (ResourceName, ResourceSupplier) = (request.ProposedName ?? "", request.ProposedSupplier);
        }
        UnitName = await db.OrganisationUnits.Where(u => u.Id == request.SchoolUnitId).Select(u => u.Name).SingleAsync();
        RequesterName = await db.Users.Where(u => u.Id == request.RequesterId).Select(u => u.DisplayName).SingleAsync();
        Timeline = request.Events.OrderBy(e => e.At).ThenBy(e => e.Kind).ToList();
        SentBackComment = request.Status == RequestStatus.SentBack
            ? Timeline.LastOrDefault(e => e.Kind == RequestEventKind.SentBack)?.Comment
            : null;
        Review = await access.CurrentReviewAsync(id);
        Standing = request.StandingDecisionId is { } standingId
            ? await db.ResourceDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == standingId)
            : request.Status is RequestStatus.Draft or RequestStatus.SentBack or RequestStatus.AwaitingPrincipal
                ? await ResourceDecision.StandingApprovalAsync(db, request.OrganizerId, request.ResourceId)
                : null;
        if (request.Purchase?.FrameworkAgreementId is { } agreementId)
            FrameworkAgreementName = await db.FrameworkAgreements.Where(f => f.Id == agreementId).Select(f => f.Name).SingleOrDefaultAsync();
        if (request.Use?.RegisteransvarigUserId is { } registeransvarig)
            RegisteransvarigName = await db.Users.Where(u => u.Id == registeransvarig).Select(u => u.DisplayName).SingleOrDefaultAsync();
        return true;
    }
}
