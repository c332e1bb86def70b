using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Review;

/// <summary>Step 2 for one request: the reviewer's structured review, the security coordinator's part, the link to
/// the catalogue, what other organizers shared, the decision, and a later re-review.</summary>
public sealed class RequestModel(EnsaDbContext db, RequestAccess access, AgreementAccess agreements, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ReviewInput
    {
        [StringLength(ResourceReview.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Review.Pedagogical")]
        public string? PedagogicalAssessment { get; set; }
        // Choices are nullable and empty on a new review: a post without one is refused (OnPostSaveAsync).
        [Display(Name = "Review.Accessibility")]
        public AccessibilityAssessment? Accessibility { get; set; }
        [StringLength(ResourceReview.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Review.AccessibilityNotes")]
        public string? AccessibilityNotes { get; set; }
        [StringLength(ResourceReview.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Review.DataCategories")]
        public string? PersonalDataCategories { get; set; }
        public bool SensitiveData { get; set; }
        public bool ThirdCountryTransfer { get; set; }
        [StringLength(ResourceReview.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Review.ThirdCountryNotes")]
        public string? ThirdCountryNotes { get; set; }
        [Display(Name = "Review.ProtectedSuitable")]
        public YesNoUnknown? SuitableForProtectedIdentity { get; set; }
        public bool ScreeningChildren { get; set; }
        public bool ScreeningLargeScale { get; set; }
        public bool ScreeningNewTechnology { get; set; }
        public bool ScreeningSystematicMonitoring { get; set; }
        public bool DpiaNeeded { get; set; }
        [Display(Name = "Review.AgreementLegend")]
        public AgreementNeed? AgreementNeed { get; set; }
        public bool Shared { get; set; }
        /// <summary>The supplier description version the form was prefilled from; kept only if it is still the current one.</summary>
        public int? PrefilledFromDescriptionVersion { get; set; }
    }

    public sealed record SharedReview(string Organizer, DateTime DecidedAt, Decision Decision, string? Conditions);

    [BindProperty] public ReviewInput Input { get; set; } = new();
    [BindProperty, StringLength(ResourceReview.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Review.SecurityAssessment")]
    public string? SecurityAssessment { get; set; }
    /// <summary>Nullable: a decision post without a choice is refused, not taken as an approval.</summary>
    [BindProperty] public Decision? DecisionChoice { get; set; }
    [BindProperty, StringLength(ResourceReview.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Review.Conditions")]
    public string? Conditions { get; set; }
    [BindProperty, StringLength(ResourceReview.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Review.Reason")]
    public string? Reason { get; set; }
    [BindProperty, StringLength(RequestEvent.CommentMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Review.ReopenReason")]
    public string? ReopenReason { get; set; }
    [BindProperty] public Guid? ResourceId { get; set; }
    [BindProperty, StringLength(ResourceReview.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Review.WaiverReason")]
    public string? WaiverReason { get; set; }

    public ResourceRequest Current { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;
    public IReadOnlySet<RequestStep> Allowed { get; private set; } = new HashSet<RequestStep>();
    public ResourceReview? Review { get; private set; }
    public IReadOnlyList<ResourceReview> EarlierReviews { get; private set; } = [];
    public string ResourceName { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public string RequesterName { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Name)> Catalogue { get; private set; } = [];
    public IReadOnlyList<SharedReview> OtherOrganizers { get; private set; } = [];
    /// <summary>The organizer's agreement for the linked resource, if any.</summary>
    public (Guid Id, Ensa.Agreements.AgreementStatus Status)? Agreement { get; private set; }
    /// <summary>The supplier's current published description of the linked resource, if any.</summary>
    public Ensa.Agreements.SupplierDescription? Description { get; private set; }
    /// <summary>The organizer's current decision on the linked resource, if any: a new decision here replaces it.</summary>
    public ResourceDecision? OrganizerDecision { get; private set; }
    /// <summary>Whether <see cref="OrganizerDecision"/> approves this request without a new review (an approval, and an
    /// agreement in force where one is needed).</summary>
    public bool OrganizerDecisionApplies { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        // A review not yet saved preselects no choice (one click must not approve without an agreement), but starts from
        // what the supplier described.
        Input = Review is not null ? ToInput(Review) : Description is not null ? FromDescription(Description) : new ReviewInput();
        // A decision held while waiting for the agreement is shown as it was made.
        (DecisionChoice, Conditions) = (Review?.PendingDecision, Review?.PendingConditions);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id)
    {
        RequireChoice(Input.Accessibility, "Input.Accessibility", "Review.AccessibilityMissing");
        RequireChoice(Input.SuitableForProtectedIdentity, "Input.SuitableForProtectedIdentity", "Review.ProtectedSuitableMissing");
        RequireChoice(Input.AgreementNeed, "Input.AgreementNeed", "Review.AgreementNeedMissing");
        return ActAsync(id, now => Task.FromResult(Save(now)), "Review.Saved");
    }

    private Common.Result Save(DateTime now)
    {
        var review = Review ?? db.ResourceReviews.Add(new ResourceReview(Current, now)).Entity;
        var result = Current.RecordReview(Actor, review, now);
        if (!result.Succeeded) return result;
        Apply(Input, review);
        if (Input.PrefilledFromDescriptionVersion is { } version && version == Description?.Version) review.PrefilledFromDescriptionVersion = version;
        review.SignReview(Actor, now);
        return result;
    }

    public Task<IActionResult> OnPostSecurityAsync(Guid id) => ActAsync(id, now =>
    {
        if (string.IsNullOrWhiteSpace(SecurityAssessment)) return Task.FromResult<Common.Result>(new Common.DomainError("Review.SecurityMissing"));
        var review = Review ?? db.ResourceReviews.Add(new ResourceReview(Current, now)).Entity;
        var result = Current.RecordSecurityReview(Actor, review, now);
        if (result.Succeeded) review.RecordSecurity(Actor, SecurityAssessment, now);
        return Task.FromResult(result);
    }, "Review.SecuritySaved");

    public Task<IActionResult> OnPostWaiveAsync(Guid id) => ActAsync(id, now =>
        Task.FromResult(Current.WaiveSecurityReview(Actor, Review ?? db.ResourceReviews.Add(new ResourceReview(Current, now)).Entity,
            WaiverReason ?? "", now)), "Review.WaiverSaved");

    public Task<IActionResult> OnPostLinkAsync(Guid id) => ActAsync(id, async now =>
    {
        if (ResourceId is not { } resourceId || !await db.LearningResources.AnyAsync(r => r.Id == resourceId))
            return new Common.DomainError("Review.ChooseResource");
        return Current.LinkResource(Actor, resourceId, now);
    }, "Review.Linked");

    public Task<IActionResult> OnPostDecideAsync(Guid id)
    {
        RequireChoice(DecisionChoice, nameof(DecisionChoice), "Review.DecisionMissing");
        return ActAsync(id, now =>
            // Without a review yet, an empty one: the domain refuses the step, or says the review is missing.
            Task.FromResult(Current.Decide(Actor, Review ?? new ResourceReview(Current, now), DecisionChoice!.Value, Conditions, Reason, now,
                agreementInForce: Agreement?.Status == Ensa.Agreements.AgreementStatus.InForce)), "Review.DecisionSaved");
    }

    /// <summary>A choice left empty is refused next to its field (ActAsync then changes nothing), never read as a default.</summary>
    private void RequireChoice<T>(T? choice, string field, string messageKey) where T : struct
    {
        if (choice is null) ModelState.AddModelError(field, l[messageKey]);
    }

    /// <summary>The organizer's current decision on the resource approves the request: no new review.</summary>
    public Task<IActionResult> OnPostApplyStandingAsync(Guid id) => ActAsync(id, now =>
        Task.FromResult(Current.ApplyStandingDecision(Actor, OrganizerDecisionApplies ? OrganizerDecision : null, now)),
        "Review.StandingApplied");

    /// <summary>A re-review starts from the request's own latest review or, for a request approved by the organizer's
    /// decision, from the review that decision rests on.</summary>
    public Task<IActionResult> OnPostReopenAsync(Guid id) => ActAsync(id, async now =>
    {
        var standingId = Current.StandingDecisionId;
        var result = Current.Reopen(Actor, ReopenReason ?? "", now);
        if (!result.Succeeded) return result;
        var from = Review ?? (standingId is { } decisionId
            ? await db.ResourceDecisions.Where(d => d.Id == decisionId).Join(db.ResourceReviews, d => d.ReviewId, r => r.Id, (d, r) => r)
                .SingleOrDefaultAsync()
            : null);
        if (from is not null) db.ResourceReviews.Add(from.StartReReview(Current, now));
        return result;
    }, "Review.Reopened");

    /// <summary>Load, let the domain decide, save, redirect; or show the refusal on the page.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<DateTime, Task<Common.Result>> action, string doneKey)
    {
        if (!await LoadAsync(id)) return NotFound();
        // Every bound field is validated on every post; only what this handler reads can be refused here.
        if (!ModelState.IsValid) return Page();
        var result = await action(clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code]);
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l[doneKey].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        // Only the central department reaches this page (the folder's policy).
        if (await access.LoadAsync(id) is not var (request, actor)) return false;
        (Current, Actor, Allowed) = (request, actor, request.AllowedSteps(actor));
        var reviews = await db.ResourceReviews.Where(r => r.RequestId == id).OrderByDescending(r => r.CreatedAt).ToListAsync();
        Review = reviews.FirstOrDefault();
        EarlierReviews = reviews.Skip(1).ToList();
        ResourceName = request.ResourceId is { } rid
            ? await db.LearningResources.Where(r => r.Id == rid).Select(r => r.Name).SingleAsync()
            : request.ProposedName ?? "";
        UnitName = await db.OrganisationUnits.Where(u => u.Id == request.SchoolUnitId).Select(u => u.Name).SingleAsync();
        RequesterName = await db.Users.Where(u => u.Id == request.RequesterId).Select(u => u.DisplayName).SingleAsync();
        Catalogue = (await db.LearningResources.Select(r => new { r.Id, r.Name }).ToListAsync())
            .OrderBy(r => r.Name, SwedishCalendar.Comparer).Select(r => (r.Id, r.Name)).ToList();
        Agreement = request.ResourceId is { } linked ? await agreements.ForResourceAsync(linked) : null;
        Description = request.ResourceId is { } described
            ? await db.LearningResources.Where(r => r.Id == described)
                .SelectMany(r => db.SupplierDescriptions.Where(d => d.ResourceId == r.Id && d.SupplierId == r.SupplierId && d.PublishedAt != null))
                .OrderByDescending(d => d.Version).FirstOrDefaultAsync()
            : null;
        if (request.ResourceId is { } resourceId)
        {
            OrganizerDecision = await ResourceDecision.CurrentAsync(db, request.OrganizerId, resourceId);
            OrganizerDecisionApplies = await ResourceDecision.StandsAsync(db, OrganizerDecision);
            // Only what other organizers chose to share, and only decided reviews.
            OtherOrganizers = (await db.ResourceReviews.IgnoreQueryFilters()
                    .Where(r => r.ResourceId == resourceId && r.Shared && r.Decision != null && r.OrganizerId != request.OrganizerId)
                    .Join(db.Organizers, r => r.OrganizerId, o => o.Id, (r, o) => new { o.Name, r.DecidedAt, r.Decision, r.Conditions })
                    .ToListAsync())
                .Select(r => new SharedReview(r.Name, r.DecidedAt!.Value, r.Decision!.Value, r.Conditions))
                .OrderByDescending(r => r.DecidedAt).ToList();
        }
        return true;
    }

    private static ReviewInput ToInput(ResourceReview r) => new()
    {
        PedagogicalAssessment = r.PedagogicalAssessment, Accessibility = r.Accessibility, AccessibilityNotes = r.AccessibilityNotes,
        PersonalDataCategories = r.PersonalDataCategories, SensitiveData = r.SensitiveData, ThirdCountryTransfer = r.ThirdCountryTransfer,
        ThirdCountryNotes = r.ThirdCountryNotes, SuitableForProtectedIdentity = r.SuitableForProtectedIdentity,
        ScreeningChildren = r.ScreeningChildren, ScreeningLargeScale = r.ScreeningLargeScale, ScreeningNewTechnology = r.ScreeningNewTechnology,
        ScreeningSystematicMonitoring = r.ScreeningSystematicMonitoring, DpiaNeeded = r.DpiaNeeded, AgreementNeed = r.AgreementNeed, Shared = r.Shared,
        PrefilledFromDescriptionVersion = r.PrefilledFromDescriptionVersion,
    };

    /// <summary>The privacy fields from the supplier's description (categories, sensitive data, where the data is processed,
    /// transfers and sub-processors), to be checked and changed by the reviewer; the choices stay empty.</summary>
    private ReviewInput FromDescription(Ensa.Agreements.SupplierDescription d)
    {
        var content = d.Content();
        var places = new[]
        {
            (Key: "Review.FromLocations", Items: content.Locations.Select(x => $"{x.Description} ({Format.Country(x.CountryCode)})")),
            (Key: "Review.FromTransfers", Items: content.Transfers.Select(x => $"{x.Recipient} ({Format.Country(x.CountryCode)}, {l["Safeguard." + x.Safeguard]})")),
            (Key: "Review.FromSubProcessors", Items: content.SubProcessors.Select(x => $"{x.Name} ({Format.Country(x.CountryCode)}): {x.Activities}")),
        }.Select(p => (p.Key, Items: p.Items.ToList())).Where(p => p.Items.Count > 0)
            .Select(p => $"{l[p.Key]}: {string.Join("; ", p.Items)}");
        return new ReviewInput
        {
            PersonalDataCategories = string.Join(", ", content.PersonalData.Select(c => c.Name)),
            SensitiveData = d.HasSensitiveData,
            ThirdCountryTransfer = d.HasThirdCountryTransfer,
            ThirdCountryNotes = string.Join("\n", places),
            PrefilledFromDescriptionVersion = d.Version,
        };
    }

    private static void Apply(ReviewInput i, ResourceReview r)
    {
        r.PedagogicalAssessment = i.PedagogicalAssessment?.Trim();
        r.Accessibility = i.Accessibility!.Value;
        r.AccessibilityNotes = i.AccessibilityNotes?.Trim();
        r.PersonalDataCategories = i.PersonalDataCategories?.Trim();
        r.SensitiveData = i.SensitiveData;
        r.ThirdCountryTransfer = i.ThirdCountryTransfer;
        r.ThirdCountryNotes = i.ThirdCountryNotes?.Trim();
        r.SuitableForProtectedIdentity = i.SuitableForProtectedIdentity!.Value;
        r.ScreeningChildren = i.ScreeningChildren;
        r.ScreeningLargeScale = i.ScreeningLargeScale;
        r.ScreeningNewTechnology = i.ScreeningNewTechnology;
        r.ScreeningSystematicMonitoring = i.ScreeningSystematicMonitoring;
        r.DpiaNeeded = i.DpiaNeeded;
        r.AgreementNeed = i.AgreementNeed!.Value;
        r.Shared = i.Shared;
    }
}
