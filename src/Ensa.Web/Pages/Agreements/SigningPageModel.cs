using System.ComponentModel.DataAnnotations;
using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Agreements;

/// <summary>A signatory's page for one agreement, the organizer's and the supplier's alike (ADR 14): the document to read
/// (<c>?handler=Document</c>, the exact one signed), who has signed, and the signing form. The signatory signs with the
/// account they are signed in with, which must have shown a second factor in this session.</summary>
public abstract class SigningPageModel(EnsaDbContext db, AgreementSigning signing, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PageModel
{
    protected EnsaDbContext Db { get; } = db;

    [BindProperty, StringLength(AgreementSignatory.TitleMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.SignatoryTitle")]
    public string? Title { get; set; }
    [BindProperty] public string? DocumentSha256 { get; set; }
    [BindProperty, Display(Name = "Signing.Confirm")] public bool Confirmed { get; set; }

    public Agreement Current { get; private set; } = null!;
    public string ResourceName { get; private set; } = "";
    /// <summary>The organisation the signed-in user signs for.</summary>
    public string Organisation { get; private set; } = "";
    public string OtherParty { get; private set; } = "";
    public bool MaySign { get; private set; }
    /// <summary>Why the user may not sign now (a resx key), when <see cref="MaySign"/> is false.</summary>
    public string? Refusal { get; private set; }
    public bool HasSecondFactor => User.HasSecondFactor();
    /// <summary>The hash of the document the user reads now (the one fixed at the first signature, or rendered now).</summary>
    public string? Sha256 { get; private set; }
    /// <summary>The document to sign, read once per request (rendering the agreement is the page's costliest part).</summary>
    private AgreementSigningDocument? _document;
    /// <summary>For the organizer's signatory: other organizers' assessments of the version signed, an objection first.</summary>
    public AssessmentsView? Assessments { get; private set; }

    /// <summary>The agreement with its signatories and <see cref="Agreement.SigningDocument"/>, or null (404).</summary>
    protected abstract Task<Agreement?> LoadAgreementAsync(Guid id, IQueryable<Agreement> agreements);

    protected abstract Actor SignedInActor();

    /// <summary>Where the signatory goes after signing.</summary>
    protected abstract IActionResult AfterSigning(Guid id);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    /// <summary>The document to read before signing, as HTML: once someone has signed, exactly the bytes they signed.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var document = _document ?? await signing.DocumentAsync(this, Current, clock.GetUtcNow().UtcDateTime);
        return Content(document.Html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), l["Signing.NotConfirmed"]);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var signature = new ElectronicSignature(Title ?? "", Organisation, User.SignatureMethod(), HasSecondFactor, DocumentSha256 ?? "");
        var result = await signing.SignAsync(this, Current, _document ?? await signing.DocumentAsync(this, Current, now), SignedInActor(), signature, now);
        if (!result.Succeeded)
        {
            // The step may have got as far as the last signature before the PDF failed: show what is stored, not that.
            Db.ChangeTracker.Clear();
            await LoadAsync(id);
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args]);
            return Page();
        }
        await Db.SaveChangesAsync();
        TempData["Message"] = l[Current.SignedAt is not null ? "Signing.Completed" : "Signing.Signed"].Value;
        return AfterSigning(id);
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var agreement = await LoadAgreementAsync(id, Db.Agreements.Include(a => a.Signatories).Include(a => a.SigningDocument).AsSplitQuery());
        if (agreement is null) return false;
        Current = agreement;
        var actor = SignedInActor();
        var names = await Db.Agreements.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => new
        {
            Resource = Db.LearningResources.Where(r => r.Id == a.ResourceId).Select(r => r.Name).Single(),
            Organizer = Db.Organizers.Where(o => o.Id == a.OrganizerId).Select(o => o.Name).Single(),
            Supplier = Db.Suppliers.Where(s => s.Id == a.SupplierId).Select(s => s.Name).Single(),
        }).SingleAsync();
        ResourceName = names.Resource;
        (Organisation, OtherParty) = Agreement.PartyOf(actor) == AgreementParty.Organizer ? (names.Organizer, names.Supplier) : (names.Supplier, names.Organizer);
        var now = clock.GetUtcNow().UtcDateTime;
        var steps = agreement.AllowedSteps(actor, now);
        var allowed = steps.Contains(AgreementStep.SignInEnsa);
        if (Agreement.PartyOf(actor) == AgreementParty.Organizer) Assessments = await new VersionAssessments(Db).ForAgreementAsync(agreement, steps);
        (MaySign, Refusal) = (allowed && HasSecondFactor, allowed ? HasSecondFactor ? null : "Agreement.SecondFactorRequired" : null);
        _document = agreement.Status == AgreementStatus.ReadyToSign ? await signing.DocumentAsync(this, agreement, now) : null;
        Sha256 = _document?.Sha256;
        return true;
    }
}
