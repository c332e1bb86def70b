using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Ensa.Data;
using Ensa.Organizers;
using Ensa.Requests;
using Ensa.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Requests;

/// <summary>What the request form posts (partial _RequestForm), mapped to and from the domain's <see cref="RequestDetails"/>.
/// Only the shape is checked here; what a submission needs (the need, a resource) the domain decides.</summary>
public sealed class RequestInput
{
    /// <summary>Chosen on a new request only: the domain keeps a request at its unit.</summary>
    [Display(Name = "Request.Unit")]
    public Guid? SchoolUnitId { get; set; }

    /// <summary>A resource from the catalogue, or null when the user describes a new one.</summary>
    public Guid? ResourceId { get; set; }

    [Display(Name = "Request.ProposedName"), StringLength(ResourceRequest.NameMaxLength, ErrorMessage = "Validation.Length")]
    public string? ProposedName { get; set; }

    [Display(Name = "Request.ProposedSupplier"), StringLength(ResourceRequest.NameMaxLength, ErrorMessage = "Validation.Length")]
    public string? ProposedSupplier { get; set; }

    [Display(Name = "Request.ProposedWebAddress"), StringLength(ResourceRequest.WebAddressMaxLength, ErrorMessage = "Validation.Length")]
    public string? ProposedWebAddress { get; set; }

    [Display(Name = "Request.Need"), StringLength(ResourceRequest.TextMaxLength, ErrorMessage = "Validation.Length")]
    public string? Need { get; set; }

    public bool Staff { get; set; }
    public bool Pupils { get; set; }

    [Display(Name = "Request.Grades"), StringLength(ResourceRequest.GradesMaxLength, ErrorMessage = "Validation.Length")]
    public string? Grades { get; set; }

    [Display(Name = "Request.ApproxUsers"), Range(1, 1_000_000, ErrorMessage = "Validation.Range")]
    public int? ApproxUsers { get; set; }

    [Display(Name = "Request.PersonalData"), StringLength(ResourceRequest.TextMaxLength, ErrorMessage = "Validation.Length")]
    public string? PersonalData { get; set; }

    public YesNoUnknown ProtectedIdentity { get; set; }

    public List<SignInMethods> SignIn { get; set; } = [];

    public bool Paid { get; set; }

    /// <summary>Text, so that "12 000" and "1500,50" are understood (see <see cref="TryParseCost"/>).</summary>
    [Display(Name = "Request.Cost"), StringLength(20, ErrorMessage = "Validation.Length")]
    public string? Cost { get; set; }

    [Display(Name = "Request.LicencePeriod"), StringLength(ResourceRequest.ShortTextMaxLength, ErrorMessage = "Validation.Length")]
    public string? LicencePeriod { get; set; }

    public bool IsBookWithDigitalPart { get; set; }

    public bool Has(SignInMethods method) => SignIn.Contains(method);

    public static RequestInput From(RequestDetails d) => new()
    {
        ResourceId = d.ResourceId,
        ProposedName = d.ProposedName,
        ProposedSupplier = d.ProposedSupplier,
        ProposedWebAddress = d.ProposedWebAddress,
        Need = d.Need,
        Staff = d.Users.HasFlag(RequestUsers.Staff),
        Pupils = d.Users.HasFlag(RequestUsers.Pupils),
        Grades = d.Grades,
        ApproxUsers = d.ApproxUsers,
        PersonalData = d.PersonalData,
        ProtectedIdentity = d.ProtectedIdentity,
        SignIn = Format.Flags(d.SignInMethod).ToList(),
        Paid = d.Paid,
        Cost = d.Cost?.ToString("0.##", SwedishCalendar.Culture),
        LicencePeriod = d.LicencePeriod,
        IsBookWithDigitalPart = d.IsBookWithDigitalPart,
    };

    /// <summary>The details for the domain; call after <see cref="Validate"/> found no errors.</summary>
    public RequestDetails ToDetails() => new()
    {
        ResourceId = ResourceId,
        ProposedName = ProposedName,
        ProposedSupplier = ProposedSupplier,
        ProposedWebAddress = ProposedWebAddress,
        Need = Need ?? "",
        Users = (Staff ? RequestUsers.Staff : RequestUsers.None) | (Pupils ? RequestUsers.Pupils : RequestUsers.None),
        Grades = Grades,
        ApproxUsers = ApproxUsers,
        PersonalData = PersonalData,
        ProtectedIdentity = ProtectedIdentity,
        SignInMethod = SignIn.Aggregate(SignInMethods.None, (all, m) => all | m),
        Paid = Paid,
        Cost = Paid && TryParseCost(Cost, out var cost) ? cost : null,
        LicencePeriod = LicencePeriod,
        IsBookWithDigitalPart = IsBookWithDigitalPart,
    };

    /// <summary>The checks attributes cannot express, as error keys per field (prefix "Input.").</summary>
    public void Validate(ModelStateDictionary modelState, Func<string, string> text)
    {
        if (ProposedWebAddress is { Length: > 0 } web && ResourceId is null && !Format.IsWebAddress(web))
            modelState.AddModelError("Input.ProposedWebAddress", text("Request.WebAddressInvalid"));
        if (Paid && !string.IsNullOrWhiteSpace(Cost) && !TryParseCost(Cost, out _))
            modelState.AddModelError("Input.Cost", text("Request.CostInvalid"));
    }

    /// <summary>Kronor as people write them: spaces between thousands, a decimal comma (or point).</summary>
    public static bool TryParseCost(string? text, out decimal cost)
    {
        cost = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var cleaned = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray())
            .Replace("kr", "", StringComparison.OrdinalIgnoreCase).Replace(".", ",", StringComparison.Ordinal).Replace(":-", "", StringComparison.Ordinal);
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, SwedishCalendar.Culture, out cost) && cost is >= 0 and <= 100_000_000;
    }
}

/// <summary>What New and Edit share: the form partial's model (units, the catalogue search, the chosen resource) and
/// the save-then-submit step.</summary>
public abstract class RequestFormPage(EnsaDbContext db, RequestAccess access, Catalogue catalogue, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public const int MaxMatches = 10;

    [BindProperty] public RequestInput Input { get; set; } = new();

    /// <summary>The school units the user may request for (a new request only).</summary>
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];
    /// <summary>The unit of a saved request: it stays at its unit.</summary>
    public string? FixedUnitName { get; protected set; }
    /// <summary>The saved request, once there is one.</summary>
    public Guid? RequestId { get; protected set; }
    public string? Q { get; private set; }
    public IReadOnlyList<CatalogueItem> Matches { get; private set; } = [];
    public CatalogueItem? Chosen { get; private set; }
    /// <summary>False when the domain would refuse an edit: the page shows the refusal instead of the form.</summary>
    public bool Editable { get; protected set; } = true;

    /// <summary>Where the form and the catalogue search go: this page, or the saved draft's edit page.</summary>
    public string FormAction => Url.Page(RequestId is null ? "/Requests/New" : "/Requests/Edit", new { id = RequestId })!;

    protected EnsaDbContext Db => db;
    protected RequestAccess Access => access;
    protected DateTime Now => clock.GetUtcNow().UtcDateTime;
    protected IStringLocalizer<SharedResource> Texts => l;

    /// <summary>Units where the user holds a role, and the school units below them (a role at a school covers its units).</summary>
    protected async Task LoadUnitsAsync(Guid userId)
    {
        var mine = await db.Memberships.Where(m => m.UserId == userId && m.OrganisationUnitId != null)
            .Select(m => m.OrganisationUnitId!.Value).ToListAsync();
        var all = await db.OrganisationUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Kind, u.Name, u.ClosedOn }).ToListAsync();
        var today = SwedishCalendar.DateOf(Now);
        var children = all.ToLookup(u => u.ParentId);
        var seen = new HashSet<Guid>();
        var queue = new Queue<Guid>(mine);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id)) continue;
            foreach (var child in children[id]) queue.Enqueue(child.Id);
        }
        // A closed unit keeps its requests but takes no new ones.
        Units = all.Where(u => seen.Contains(u.Id) && u.Kind == UnitKind.SchoolUnit && !(u.ClosedOn <= today))
            .OrderBy(u => u.Name, SwedishCalendar.Comparer).Select(u => (u.Id, u.Name)).ToList();
    }

    /// <summary>The catalogue search ("check the approved list first") and the chosen resource.</summary>
    protected async Task PrepareAsync(string? q)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (Q is not null) Matches = await catalogue.DescribeAsync((await catalogue.SearchAsync(Q)).Take(MaxMatches).ToList());
        Chosen = Input.ResourceId is { } chosen ? (await catalogue.DescribeAsync([chosen])).SingleOrDefault() : null;
        if (Chosen is null) Input.ResourceId = null;
    }

    /// <summary>Field checks beyond the attributes and, for <paramref name="submit"/>, all a submission still lacks:
    /// every problem at once. False when the form must be shown again.</summary>
    protected async Task<bool> ValidateAsync(bool submit)
    {
        Input.Validate(ModelState, key => l[key].Value);
        if (Input.ResourceId is { } resourceId && !await db.LearningResources.AnyAsync(r => r.Id == resourceId))
            ModelState.AddModelError("", l["Request.ResourceUnknown"].Value);
        if (submit)
        {
            foreach (var missing in ResourceRequest.MissingForSubmission(Input.ToDetails())) AddError(missing);
        }
        return ModelState.IsValid;
    }

    /// <summary>Saves the draft; with <paramref name="submit"/> submits it, or saves nothing and shows the refusal:
    /// only "Save draft" makes a draft.</summary>
    protected async Task<IActionResult> FinishAsync(ResourceRequest request, Actor actor, bool submit)
    {
        if (submit && request.Submit(actor, Now, await ResourceDecision.StandingApprovalAsync(db, request.OrganizerId, request.ResourceId))
                is { Succeeded: false } refused)
        {
            AddError(refused.Error!);
            await PrepareAsync(null);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l[submit ? DetailsModel.SubmittedKey(request) : "Request.DraftSaved"].Value;
        return RedirectToPage("/Requests/Details", new { id = request.Id });
    }

    /// <summary>A refusal in the summary, and beside the field it is about.</summary>
    protected void AddError(DomainError error)
    {
        var text = l[error.Code, error.Args].Value;
        ModelState.AddModelError("", text);
        var field = error.Code switch
        {
            "Request.NeedMissing" => "Input.Need",
            "Request.ResourceMissing" => "Input.ProposedName",
            _ => null,
        };
        if (field is not null) ModelState.AddModelError(field, text);
    }
}
