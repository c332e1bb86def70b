using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Resources;
using Ensa.Suppliers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Resources;

/// <summary>Adds a resource to the shared catalogue or changes one. Reached from a review of a request for a resource
/// not yet in the catalogue (<c>?request=</c>): the form starts from what the requester proposed, and the new entry is
/// linked to that request. An entry whose facts are shared with other organizers is not changed here: the change is
/// proposed, shown on the resource's page to everyone, and applied by the platform admin or the resource's supplier.</summary>
[Authorize(Policy = Policies.CatalogueEditor)]
public sealed class EditModel(EnsaDbContext db, RequestAccess access, Catalogue catalogue, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(LearningResource.NameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Resources.Name")]
        public string Name { get; set; } = "";

        [Display(Name = "Resources.Supplier")]
        public Guid? SupplierId { get; set; }

        [Display(Name = "Resources.Type")]
        public ResourceType Type { get; set; }

        public NewSupplierInput NewSupplier { get; set; } = new();

        [Required(ErrorMessage = "Validation.Required"), StringLength(LearningResource.DescriptionMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Resources.Description")]
        public string Description { get; set; } = "";

        [StringLength(LearningResource.WebAddressMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Resources.WebAddress")]
        public string? WebAddress { get; set; }

        [StringLength(LearningResource.AppStoreLinksMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Resources.AppStoreLinks")]
        public string? AppStoreLinks { get; set; }

        [StringLength(LearningResource.PlatformsMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Resources.Platforms")]
        public string? Platforms { get; set; }

        public List<SchoolForms> SchoolForms { get; set; } = [];

        [StringLength(LearningResource.GradesMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Resources.Grades")]
        public string? Grades { get; set; }

        [StringLength(LearningResource.SubjectsMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Resources.Subjects")]
        public string? Subjects { get; set; }

        public List<SignInMethods> SignIn { get; set; } = [];

        public bool ProcessesPersonalData { get; set; }

        [Display(Name = "Resources.Pricing")]
        public Pricing Pricing { get; set; }
    }

    /// <summary>A supplier not yet in Ensa, described while describing the resource; used when no supplier is chosen above.</summary>
    public sealed class NewSupplierInput : SupplierInput
    {
        /// <summary>After "did you mean": the id of the similar supplier chosen, or <see cref="CreateAnyway"/>.</summary>
        public string? Choice { get; set; }

        public const string CreateAnyway = "new";

        public bool IsFilledIn => !string.IsNullOrWhiteSpace(Name);
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>Existing suppliers whose name is like the new one's, offered before a second one is created.</summary>
    public IReadOnlyList<Supplier> SimilarSuppliers { get; private set; } = [];
    private string? _supplierNote;
    /// <summary>The request being reviewed, when the entry is added from its review.</summary>
    [BindProperty(SupportsGet = true, Name = "request")] public Guid? RequestId { get; set; }
    public Guid? ResourceId { get; private set; }
    /// <summary>Whether saving changes the entry at once; otherwise it proposes the change.</summary>
    public bool ChangesDirectly { get; private set; } = true;
    public IReadOnlyList<(Guid Id, string Name)> Suppliers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is { } existing)
        {
            if (await db.LearningResources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == existing) is not { } resource) return NotFound();
            ResourceId = existing;
            ChangesDirectly = await catalogue.MayChangeDirectlyAsync(resource, User, User.OrganizerId());
            Input = From(resource);
        }
        else if (RequestId is { } requestId && await access.LoadAsync(requestId) is var (request, _))
        {
            Input.Name = request.ProposedName ?? "";
            Input.WebAddress = request.ProposedWebAddress;
            Input.ProcessesPersonalData = !string.IsNullOrWhiteSpace(request.PersonalData);
            Input.Pricing = request.Paid ? Pricing.Paid : Pricing.Free;
            Input.SignIn = [.. Format.Flags(request.SignInMethod)];
            Input.SupplierId = await SupplierByNameAsync(request.ProposedSupplier);
            // A supplier not in Ensa yet: the new-supplier section starts from the name the requester gave.
            if (Input.SupplierId is null) Input.NewSupplier.Name = Trim(request.ProposedSupplier);
        }
        await LoadSuppliersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        LearningResource? resource = null;
        if (id is { } existing && (resource = await db.LearningResources.SingleOrDefaultAsync(r => r.Id == existing)) is null) return NotFound();
        ResourceId = id;
        ChangesDirectly = resource is null || await catalogue.MayChangeDirectlyAsync(resource, User, User.OrganizerId());
        if (!string.IsNullOrWhiteSpace(Input.WebAddress) && !Format.IsWebAddress(Input.WebAddress))
            ModelState.AddModelError("Input.WebAddress", l["Request.WebAddressInvalid"].Value);
        var appLinks = Common.TextLines.Of(Input.AppStoreLinks);
        if (appLinks.Any(link => !Format.IsWebAddress(link)))
            ModelState.AddModelError("Input.AppStoreLinks", l["Resources.AppStoreLinksInvalid"].Value);
        if (Input.SupplierId is { } supplierId && !await db.Suppliers.AnyAsync(s => s.Id == supplierId))
            ModelState.AddModelError("Input.SupplierId", l["Resources.SupplierUnknown"].Value);
        if (Input.Name is { Length: > 0 } name &&
            await db.LearningResources.AnyAsync(r => r.Id != id && r.Name == name.Trim() && r.SupplierId == Input.SupplierId))
            ModelState.AddModelError("Input.Name", l["Resources.Duplicate"].Value);
        var now = clock.GetUtcNow().UtcDateTime;
        if (ModelState.IsValid && Input.SupplierId is null && Input.NewSupplier.IsFilledIn) await UseNewSupplierAsync(now);
        if (!ModelState.IsValid)
        {
            await LoadSuppliersAsync();
            return Page();
        }

        var facts = new ResourceFacts(Input.Name.Trim(), Input.SupplierId, Input.Type, Input.Description.Trim(), Trim(Input.WebAddress),
            appLinks.Length == 0 ? null : string.Join('\n', appLinks), Trim(Input.Platforms),
            Input.SchoolForms.Aggregate(SchoolForms.None, (all, f) => all | f), Trim(Input.Grades), Trim(Input.Subjects),
            Input.SignIn.Aggregate(SignInMethods.None, (all, m) => all | m), Input.ProcessesPersonalData, Input.Pricing);
        if (resource is null)
        {
            resource = LearningResource.AddedBy(User.OrganizerId(), facts, now);
            db.LearningResources.Add(resource);
        }
        else if (ChangesDirectly)
        {
            db.ResourceRevisions.AddRange(resource.Change(facts,
                new RevisionAuthor(User.UserId(), User.FindFirst(EnsaClaimTypes.DisplayName)?.Value ?? "", User.OrganizerId()), now));
        }
        else
        {
            var proposed = ResourceChangeProposal.Propose(resource, facts, User.OrganizerId()!.Value, User.UserId()!.Value,
                User.FindFirst(EnsaClaimTypes.DisplayName)?.Value ?? "", now, out var proposal);
            if (!proposed.Succeeded)
            {
                ModelState.AddModelError("", l[proposed.Error!.Code].Value);
                await LoadSuppliersAsync();
                return Page();
            }
            db.ResourceChangeProposals.Add(proposal!);
            await db.SaveChangesAsync();
            TempData["Message"] = WithSupplierNote(l["Catalogue.Proposed", resource.Name].Value);
            return RedirectToPage("/Resources/Details", new { id = resource.Id });
        }

        // Added from a review: link the new entry to the request in the same save, if the domain allows it now.
        if (id is null && RequestId is { } requestId && await access.LoadAsync(requestId) is var (request, actor)
            && request.LinkResource(actor, resource.Id, now).Succeeded)
        {
            await db.SaveChangesAsync();
            TempData["Message"] = WithSupplierNote(l["Resources.AddedAndLinked", resource.Name].Value);
            return RedirectToPage("/Review/Request", new { id = requestId });
        }
        await db.SaveChangesAsync();
        TempData["Message"] = WithSupplierNote(l[id is null ? "Resources.Added" : "Resources.Saved", resource.Name].Value);
        return RedirectToPage("/Resources/Details", new { id = resource.Id });
    }

    /// <summary>Sets the supplier from the new-supplier fields: an existing one with the same registration, the similar
    /// one chosen, or a new one (saved with the resource); otherwise a model error, "did you mean" included.</summary>
    private async Task UseNewSupplierAsync(DateTime now)
    {
        var input = Input.NewSupplier;
        if (Guid.TryParse(input.Choice, out var chosen))
        {
            if (!await db.Suppliers.AnyAsync(s => s.Id == chosen)) ModelState.AddModelError("Input.NewSupplier.Choice", l["Resources.SupplierUnknown"].Value);
            Input.SupplierId = chosen;
            return;
        }
        var added = await SupplierRegistry.AddAsync(db, input.Details(), input.Choice == NewSupplierInput.CreateAnyway, now);
        if (!added.Result.Succeeded)
        {
            ModelState.AddModelError("Input.NewSupplier", l[added.Result.Error!.Code, added.Result.Error.Args].Value);
        }
        else if (added.Similar is { } similar)
        {
            SimilarSuppliers = similar;
            ModelState.AddModelError("Input.NewSupplier.Choice", l["Supplier.DidYouMean", input.Name!.Trim()].Value);
        }
        else if (added.Existing is { } existing)
        {
            Input.SupplierId = existing.Id;
            _supplierNote = l["Supplier.ExistingUsed", existing.Name].Value;
        }
        else
        {
            Input.SupplierId = added.Created!.Id;
            _supplierNote = l["Supplier.Created", added.Created.Name].Value;
        }
    }

    private string WithSupplierNote(string message) => _supplierNote is null ? message : $"{_supplierNote} {message}";

    private static InputModel From(LearningResource r) => new()
    {
        Name = r.Name, SupplierId = r.SupplierId, Type = r.Type, Description = r.Description, WebAddress = r.WebAddress,
        AppStoreLinks = r.AppStoreLinks, Platforms = r.Platforms, SchoolForms = [.. Format.Flags(r.SchoolForms)], Grades = r.Grades,
        Subjects = r.Subjects, SignIn = [.. Format.Flags(r.SignInMethods)], ProcessesPersonalData = r.ProcessesPersonalData, Pricing = r.Pricing,
    };

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<Guid?> SupplierByNameAsync(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var all = await db.Suppliers.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync();
        return all.FirstOrDefault(s => SwedishCalendar.Comparer.Equals(s.Name, name.Trim()))?.Id;
    }

    private async Task LoadSuppliersAsync() =>
        Suppliers = (await db.Suppliers.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync())
            .OrderBy(s => s.Name, SwedishCalendar.Comparer).Select(s => (s.Id, s.Name)).ToList();
}
