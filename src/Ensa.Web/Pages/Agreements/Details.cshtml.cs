using System.ComponentModel.DataAnnotations;
using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Agreements;

/// <summary>One agreement: its state and timeline, the organizer's parts, the supplier's description with the
/// organizer's deviations field by field, the review, signing, entry into force, a supplier's version change and
/// termination. The page shows the forms of the steps the domain allows the user now; each step's handler loads only
/// what that step reads, calls the domain, saves and redirects.</summary>
public sealed class DetailsModel(EnsaDbContext db, AgreementAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class SigningInput
    {
        [StringLength(AgreementSignatory.NameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.SignatoryName")]
        public string? OrganizerName { get; set; }
        [StringLength(AgreementSignatory.TitleMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.SignatoryTitle")]
        public string? OrganizerTitle { get; set; }
        [Display(Name = "Agreement.SignedOn")]
        public DateOnly? OrganizerSignedOn { get; set; }
        [StringLength(AgreementSignatory.NameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.SignatoryName")]
        public string? SupplierName { get; set; }
        [StringLength(AgreementSignatory.TitleMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.SignatoryTitle")]
        public string? SupplierTitle { get; set; }
        [Display(Name = "Agreement.SignedOn")]
        public DateOnly? SupplierSignedOn { get; set; }
        public IFormFile? Document { get; set; }
    }

    public sealed class DeviationInput
    {
        public string? Field { get; set; }
        [StringLength(AgreementDeviation.ValueMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.OrganizerValue")]
        public string? OrganizerValue { get; set; }
        [StringLength(AgreementDeviation.ReasonMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.DeviationReasonLabel")]
        public string? Reason { get; set; }
    }

    [BindProperty] public PartsInput Parts { get; set; } = new();
    [BindProperty, StringLength(Agreement.NotesMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.Notes")]
    public string? Notes { get; set; }
    [BindProperty, StringLength(AgreementEvent.CommentMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.ReturnComment")]
    public string? Comment { get; set; }
    [BindProperty] public SigningInput Signing { get; set; } = new();
    [BindProperty, Display(Name = "Agreement.InForceFrom")] public DateOnly? InForceFrom { get; set; }
    [BindProperty, Display(Name = "Agreements.ReviewDate")] public DateOnly? ReviewDate { get; set; }
    [BindProperty, Display(Name = "Agreements.EndDate")] public DateOnly? EndDate { get; set; }
    [BindProperty, Display(Name = "Agreement.TerminatedOn")] public DateOnly? TerminatedOn { get; set; }
    /// <summary>Nullable so that a post without a choice is refused rather than read as the first value.</summary>
    [BindProperty, Display(Name = "Agreement.DispositionLegend")] public DataDisposition? Disposition { get; set; }
    [BindProperty, StringLength(Agreement.DispositionConfirmationMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.Confirmation")]
    public string? Confirmation { get; set; }
    [BindProperty, StringLength(Agreement.ObjectionReasonMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.ObjectionReason")]
    public string? ObjectionReason { get; set; }
    [BindProperty, StringLength(Agreement.RegistryNumberMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.RegistryNumber")]
    public string? RegistryNumber { get; set; }
    [BindProperty] public DeviationInput Deviation { get; set; } = new();
    [BindProperty] public Guid? DeviationId { get; set; }
    [BindProperty] public bool ShareReason { get; set; }
    /// <summary>The reviewer's choice to share the review with other organizers; absent, the organizer's default applies.</summary>
    [BindProperty] public bool? ShareReview { get; set; }
    /// <summary>Whether the review form's share box starts ticked: the agreement's choice once a review is recorded, else the organizer's default.</summary>
    public bool ShareReviewChecked { get; private set; }
    /// <summary>Other organizers' assessments of the agreement's version and pending version (counts and shared texts).</summary>
    public AssessmentsView Assessments { get; private set; } = new([], [], ForSupplier: false);
    /// <summary>A copy of the signed agreement someone wants to check against the one kept.</summary>
    [BindProperty] public IFormFile? VerifyFile { get; set; }
    /// <summary>How many people act for the supplier in Ensa (none: the platform admin is asked to onboard it).</summary>
    public int SupplierUsers { get; private set; }

    public Agreement Current { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;
    /// <summary>The time the page was shown at, which steps that depend on time were judged by.</summary>
    public DateTime Now { get; private set; }
    /// <summary>The steps of the page's "next step" section (the others sit beside what they change).</summary>
    public static readonly AgreementStep[] NextSteps =
    [
        AgreementStep.StartReview, AgreementStep.SendToSupplier, AgreementStep.RemindSupplier, AgreementStep.RecordReview,
        AgreementStep.RecordSecurityReview, AgreementStep.ApproveForSigning, AgreementStep.ReturnToSupplier, AgreementStep.RecordSigning,
        AgreementStep.PutInForce, AgreementStep.SetDates, AgreementStep.Terminate,
    ];
    /// <summary>What the signed-in user may do now: the page shows a step's form only when it is here.</summary>
    public IReadOnlySet<AgreementStep> Allowed { get; private set; } = new HashSet<AgreementStep>();
    public string ResourceName { get; private set; } = "";
    public string SupplierName { get; private set; } = "";
    public SupplierDescription? Description { get; private set; }
    public SupplierDescription? Pending { get; private set; }
    public IReadOnlyDictionary<string, string> DescriptionFields { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<FieldChange> PendingChanges { get; private set; } = [];
    /// <summary>Other organizers that have signed on the same description version: a count, never their documents.</summary>
    public int OthersSigned { get; private set; }
    public int? LatestPublishedVersion { get; private set; }
    /// <summary>The supplier's latest published version when it is newer than the agreement's and the user may take it.</summary>
    public int? UsableNewerVersion => Allowed.Contains(AgreementStep.UseDescription) && LatestPublishedVersion is { } latest
        && Current.IsNewerDescription(latest) ? latest : null;
    /// <summary>The latest version of the main text (the agreement page says when it is newer than the agreement's).</summary>
    public int? LatestTemplateVersion { get; private set; }
    /// <summary>That version when the agreement may still move to it (before signing) and the user may move it.</summary>
    public int? UsableNewerTemplate => Allowed.Contains(AgreementStep.UseTemplate) && LatestTemplateVersion is { } latest
        && Current.IsNewerTemplate(latest) ? latest : null;
    /// <summary>Signed agreements other organizers have chosen to share for the same resource and supplier.</summary>
    public IReadOnlyList<SharedAgreement> SharedByOthers { get; private set; } = [];

    public sealed record SharedAgreement(Guid Id, string Organizer, DateTime SignedAt, int? DescriptionVersion, string? RegistryNumber);
    public string? SignedFileName { get; private set; }
    public int? SignedFileSize { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Parts = PartsInput.From(Current.Parts);
        (InForceFrom, ReviewDate, EndDate) = (Current.InForceFrom, Current.ReviewDate, Current.EndDate);
        RegistryNumber = Current.RegistryNumber;
        return Page();
    }

    /// <summary>The signed copy as it was uploaded.</summary>
    public async Task<IActionResult> OnGetSignedAsync(Guid id)
    {
        if (await access.FindAsync(id) is null
            || await db.SignedAgreementDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.AgreementId == id) is not { } document) return NotFound();
        return File(document.Content, "application/pdf", document.FileName);
    }

    /// <summary>Another organizer's signed copy, only when that organizer shares it (else 404, as for any other record).</summary>
    public async Task<IActionResult> OnGetSharedCopyAsync(Guid id, Guid shared)
    {
        if (await access.FindAsync(id) is not { } agreement
            || !await SharedByOthersQuery(agreement).AnyAsync(a => a.Id == shared)) return NotFound();
        var document = await db.SignedAgreementDocuments.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(d => d.AgreementId == shared);
        return document is null ? NotFound() : File(document.Content, "application/pdf", document.FileName);
    }

    public Task<IActionResult> OnPostPartsAsync(Guid id) => ActAsync(id, AgreementStep.EditParts,
        (a, now) => a.EditOrganizerParts(Actor, Parts.ToParts(), now), "Agreement.PartsSaved");

    public Task<IActionResult> OnPostShareAsync(Guid id, bool share) => ActAsync(id, AgreementStep.Share,
        (a, now) => a.ShareWithOtherOrganizers(Actor, share, now), share ? "Agreement.Shared" : "Agreement.Unshared");

    public Task<IActionResult> OnPostRegistryAsync(Guid id) => ActAsync(id, AgreementStep.SetRegistryNumber,
        (a, now) => a.SetRegistryNumber(Actor, RegistryNumber ?? "", now), "Agreement.RegistrySaved");

    public Task<IActionResult> OnPostSendAsync(Guid id) => ActAsync(id, AgreementStep.SendToSupplier,
        (a, now) => a.SendToSupplier(Actor, now), "Agreement.Sent");

    public Task<IActionResult> OnPostStartReviewAsync(Guid id) => ActAsync(id, AgreementStep.StartReview,
        (a, now) => a.StartReview(Actor, now), "Agreement.ReviewStarted");

    public Task<IActionResult> OnPostUseLatestAsync(Guid id) => ActAsync(id, AgreementStep.UseDescription, async (a, now) =>
        await PublishedDescriptions(a).OrderByDescending(d => d.Version).FirstOrDefaultAsync() is { } latest
            ? a.UseDescription(Actor, latest, now)
            : new DomainError("Agreement.DescriptionMissing"), "Agreement.DescriptionUsed");

    public Task<IActionResult> OnPostUseTemplateAsync(Guid id) => ActAsync(id, AgreementStep.UseTemplate, async (a, now) =>
        a.UseTemplate(Actor, await db.AgreementTemplates.OrderByDescending(t => t.Version).FirstAsync(), now), "Agreement.TemplateUsed");

    public Task<IActionResult> OnPostReviewAsync(Guid id) => ActAsync(id, AgreementStep.RecordReview,
        async (a, now) => a.RecordReview(Actor, Notes, now, ShareReview ?? await SharesReviewsByDefaultAsync(a)), "Agreement.ReviewSaved");

    public Task<IActionResult> OnPostSecurityAsync(Guid id) => ActAsync(id, AgreementStep.RecordSecurityReview,
        async (a, now) => a.RecordSecurityReview(Actor, Notes, now, ShareReview ?? await SharesReviewsByDefaultAsync(a)), "Agreement.SecuritySaved");

    public Task<IActionResult> OnPostShareReviewAsync(Guid id, bool share) => ActAsync(id, AgreementStep.ShareReview,
        (a, now) => a.ShareReview(Actor, share, now), share ? "Shared.ReviewShared" : "Shared.ReviewUnshared");

    private Task<bool> SharesReviewsByDefaultAsync(Agreement agreement) =>
        db.Organizers.Where(o => o.Id == agreement.OrganizerId).Select(o => o.ShareReviewsByDefault).SingleAsync();

    public Task<IActionResult> OnPostReturnAsync(Guid id) => ActAsync(id, AgreementStep.ReturnToSupplier,
        (a, now) => a.ReturnToSupplier(Actor, Comment ?? "", now), "Agreement.Returned");

    public Task<IActionResult> OnPostApproveAsync(Guid id) => ActAsync(id, AgreementStep.ApproveForSigning,
        (a, now) => a.ApproveForSigning(Actor, now), "Agreement.Approved");

    public Task<IActionResult> OnPostSignAsync(Guid id) => ActAsync(id, AgreementStep.RecordSigning, async (a, now) =>
    {
        // Refused before it is read: the size the client declares is checked again on the bytes by the domain, which also
        // refuses a missing file (as empty).
        var file = Signing.Document;
        if (file?.Length > SignedAgreementDocument.MaxBytes) return new DomainError("SignedPdf.TooLarge", SignedAgreementDocument.MaxBytes / (1024 * 1024));
        if (file?.FileName.Length > SignedAgreementDocument.FileNameMaxLength)
            return new DomainError("SignedPdf.FileNameTooLong", SignedAgreementDocument.FileNameMaxLength);
        using var buffer = new MemoryStream();
        if (file is not null) await file.CopyToAsync(buffer);
        var today = SwedishCalendar.Today(now);
        SignatoryInput[] signatories =
        [
            new(AgreementParty.Organizer, Signing.OrganizerName ?? "", Signing.OrganizerTitle ?? "", Signing.OrganizerSignedOn ?? today),
            new(AgreementParty.Supplier, Signing.SupplierName ?? "", Signing.SupplierTitle ?? "", Signing.SupplierSignedOn ?? today),
        ];
        var result = a.RecordSigning(Actor, signatories, file?.FileName ?? "", buffer.ToArray(), now);
        if (result.Succeeded) db.SignedAgreementDocuments.Add(a.SignedDocument!);
        return result;
    }, "Agreement.SigningSaved");

    /// <summary>Says whether an uploaded PDF is, byte for byte, the signed copy Ensa keeps (a sealed copy changed after
    /// sealing is told apart). Changes nothing.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(Guid id)
    {
        if (await access.FindAsync(id) is not { SignedDocumentSha256: { } kept, SignedAt: { } signedAt }) return NotFound();
        string key;
        if (VerifyFile is not { Length: > 0 and <= SignedAgreementDocument.MaxBytes } file) key = "Signing.VerifyNoFile";
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            var bytes = buffer.ToArray();
            key = SignedAgreementDocument.Hash(bytes) == kept ? "Signing.VerifyMatch"
                : Documents.AgreementSeal.Verify(bytes) is { Sealed: true, Intact: false } ? "Signing.VerifyChanged"
                : "Signing.VerifyNoMatch";
        }
        TempData["Message"] = l[key, Format.Date(signedAt)].Value;
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostInForceAsync(Guid id) => ActAsync(id, AgreementStep.PutInForce,
        (a, now) => AgreementEntry.PutInForceAsync(db, Actor, a, InForceFrom, ReviewDate, EndDate, now), "Agreement.PutInForce");

    public Task<IActionResult> OnPostDatesAsync(Guid id) => ActAsync(id, AgreementStep.SetDates,
        (a, now) => a.SetDates(Actor, ReviewDate, EndDate, now), "Agreement.DatesSaved");

    public Task<IActionResult> OnPostTerminateAsync(Guid id) => ActAsync(id, AgreementStep.Terminate,
        (a, now) => a.Terminate(Actor, TerminatedOn, Disposition, Confirmation ?? "", now), "Agreement.Terminated");

    public Task<IActionResult> OnPostAcceptAsync(Guid id) => ActAsync(id, AgreementStep.AcceptVersionChange, async (a, now) =>
        a.PendingDescriptionId is { } pendingId && await db.SupplierDescriptions.SingleOrDefaultAsync(d => d.Id == pendingId) is { } pending
            ? a.AcceptVersionChange(Actor, pending, now)
            : new DomainError("Agreement.NoVersionChange"), "Agreement.VersionAccepted");

    public Task<IActionResult> OnPostObjectAsync(Guid id) => ActAsync(id, AgreementStep.ObjectToVersionChange,
        (a, now) => a.ObjectToVersionChange(Actor, ObjectionReason ?? "", now, ShareReason), "Agreement.VersionObjected");

    public Task<IActionResult> OnPostDeviationAsync(Guid id) => ActAsync(id, AgreementStep.RecordDeviation, async (a, now) =>
        a.DescriptionId is { } descriptionId && await db.SupplierDescriptions.SingleOrDefaultAsync(d => d.Id == descriptionId) is { } description
            ? a.RecordDeviation(Actor, description, Deviation.Field ?? "", Deviation.OrganizerValue ?? "", Deviation.Reason ?? "", now)
            : new DomainError("Agreement.DescriptionMissing"), "Agreement.DeviationSaved");

    public Task<IActionResult> OnPostRemoveDeviationAsync(Guid id) => ActAsync(id, AgreementStep.RemoveDeviation,
        (a, now) => a.RemoveDeviation(Actor, DeviationId ?? Guid.Empty, now), "Agreement.DeviationRemoved");

    /// <summary>Tells the supplier's users again (or, for a supplier without users, the platform admins who onboard it).
    /// An organizer never invites anyone to act for a supplier.</summary>
    public Task<IActionResult> OnPostRemindAsync(Guid id) => ActAsync(id, AgreementStep.RemindSupplier,
        (a, now) => a.RemindSupplier(Actor, now), "Agreement.SupplierReminded");

    private Task<IActionResult> ActAsync(Guid id, AgreementStep step, Func<Agreement, DateTime, Result> action, string doneKey) =>
        ActAsync(id, step, (a, now) => Task.FromResult(action(a, now)), doneKey);

    /// <summary>Load what the step needs, let the domain decide, save, redirect; or show the refusal on the whole page.</summary>
    private async Task<IActionResult> ActAsync(Guid id, AgreementStep step, Func<Agreement, DateTime, Task<Result>> action, string doneKey)
    {
        if (await access.LoadForStepAsync(id, step) is not { } agreement) return NotFound();
        Actor = access.Actor();
        // Input that did not bind (an unreadable date, an unknown choice) or is too long is refused before the domain
        // sees it: a missing value must never stand in for what was typed.
        if (!ModelState.IsValid) return await ShowAsync(id);
        var result = await action(agreement, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args]);
            return await ShowAsync(id);
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l[doneKey].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>The page again, as stored: what a refused step changed in memory is dropped.</summary>
    private async Task<IActionResult> ShowAsync(Guid id)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return Page();
    }

    private IQueryable<SupplierDescription> PublishedDescriptions(Agreement agreement) => db.SupplierDescriptions
        .Where(d => d.ResourceId == agreement.ResourceId && d.SupplierId == agreement.SupplierId && d.PublishedAt != null);

    /// <summary>Across organizers on purpose: only the signed agreements their organizer shares for the same resource and supplier.</summary>
    private IQueryable<Agreement> SharedByOthersQuery(Agreement agreement) => db.Agreements.IgnoreQueryFilters()
        .Where(a => a.ResourceId == agreement.ResourceId && a.SupplierId == agreement.SupplierId && a.OrganizerId != agreement.OrganizerId
                    && a.SharedWithOtherOrganizers && a.SignedAt != null);

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.LoadAsync(id) is not { } agreement) return false;
        (Current, Actor) = (agreement, access.Actor());
        Now = clock.GetUtcNow().UtcDateTime;
        Allowed = agreement.AllowedSteps(Actor, Now);
        ResourceName = await db.LearningResources.Where(r => r.Id == agreement.ResourceId).Select(r => r.Name).SingleAsync();
        SupplierName = await db.Suppliers.Where(s => s.Id == agreement.SupplierId).Select(s => s.Name).SingleAsync();
        SupplierUsers = await db.Users.CountAsync(u => u.SupplierId == agreement.SupplierId);
        Description = agreement.DescriptionId is { } descriptionId ? await db.SupplierDescriptions.SingleAsync(d => d.Id == descriptionId) : null;
        Pending = agreement.PendingDescriptionId is { } pendingId ? await db.SupplierDescriptions.SingleAsync(d => d.Id == pendingId) : null;
        DescriptionFields = Description is null ? new Dictionary<string, string>() : DescriptionComparison.Fields(Description.Content());
        PendingChanges = Description is not null && Pending is not null ? DescriptionComparison.Compare(Description.Content(), Pending.Content()) : [];
        LatestPublishedVersion = await PublishedDescriptions(agreement).MaxAsync(d => (int?)d.Version);
        LatestTemplateVersion = await db.AgreementTemplates.MaxAsync(t => (int?)t.Version);
        if (agreement.DescriptionId is { } signedOn)
        {
            OthersSigned = await db.Agreements.IgnoreQueryFilters()
                .Where(a => a.DescriptionId == signedOn && a.OrganizerId != agreement.OrganizerId && a.SignedAt != null)
                .Select(a => a.OrganizerId).Distinct().CountAsync();
        }
        SharedByOthers = (await SharedByOthersQuery(agreement)
                .Join(db.Organizers, a => a.OrganizerId, o => o.Id, (a, o) => new SharedAgreement(a.Id, o.Name, a.SignedAt!.Value, a.DescriptionVersion, a.RegistryNumber))
                .ToListAsync())
            .OrderByDescending(a => a.SignedAt).ToList();
        Assessments = await new VersionAssessments(db).ForAgreementAsync(agreement, Allowed);
        ShareReviewChecked = agreement.ReviewedAt is not null || agreement.SecurityReviewedAt is not null
            ? agreement.ReviewShared : await SharesReviewsByDefaultAsync(agreement);
        var signed = await db.SignedAgreementDocuments.Where(d => d.AgreementId == id).Select(d => new { d.FileName, d.Size }).SingleOrDefaultAsync();
        (SignedFileName, SignedFileSize) = (signed?.FileName, signed?.Size);
        return true;
    }
}
