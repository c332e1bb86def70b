using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Ensa.Agreements;
using Ensa.Data;
using Ensa.Mail;
using Ensa.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.SupplierPortal;

/// <summary>The supplier describes one of its resources once (the Instruktion appendix and the sub-processors), as a
/// versioned draft, and publishes it: every organizer starts from it, and agreements in force on an older version get
/// notice of the change. Lists are rows of fields, with empty rows to add to, so the form works without JavaScript.</summary>
public sealed class DescribeModel(EnsaDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int EmptyRows = 2;

    // List rows are kept in the description's JSON: their limits are what one row may hold.
    public sealed class PersonalDataRow
    {
        [StringLength(InstructionContent.ItemMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Document.Category")] public string? Name { get; set; }
        public bool Sensitive { get; set; }
        public bool PersonalIdentityNumber { get; set; }
        [StringLength(InstructionContent.ItemMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.Notes")] public string? Notes { get; set; }
    }
    public sealed class LocationRow
    {
        [StringLength(InstructionContent.ItemMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Document.Location")] public string? Description { get; set; }
        [StringLength(InstructionContent.CountryCodeMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.CountryCode")] public string? CountryCode { get; set; }
        public bool Processing { get; set; }
        public bool Storage { get; set; }
    }
    public sealed class TransferRow
    {
        [StringLength(InstructionContent.ItemMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Document.Recipient")] public string? Recipient { get; set; }
        [StringLength(InstructionContent.CountryCodeMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.CountryCode")] public string? CountryCode { get; set; }
        public TransferSafeguard Safeguard { get; set; }
        [StringLength(InstructionContent.ItemMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.Notes")] public string? Notes { get; set; }
    }
    public sealed class SubProcessorRow
    {
        [StringLength(InstructionContent.ItemMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.Name")] public string? Name { get; set; }
        [StringLength(InstructionContent.ItemMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.OrganisationNumber")] public string? OrganisationNumber { get; set; }
        [StringLength(InstructionContent.ItemMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.Address")] public string? Address { get; set; }
        [StringLength(InstructionContent.ItemMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.Activities")] public string? Activities { get; set; }
        [StringLength(InstructionContent.CountryCodeMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.CountryCode")] public string? CountryCode { get; set; }
        public TransferSafeguard? Safeguard { get; set; }
    }

    public sealed class InputModel
    {
        [StringLength(SupplierDescription.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.SubjectMatter")] public string? SubjectMatter { get; set; }
        [StringLength(SupplierDescription.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.Nature")] public string? Nature { get; set; }
        [StringLength(SupplierDescription.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.Purposes")] public string? Purposes { get; set; }
        public List<DataSubjectKind> DataSubjects { get; set; } = [];
        [StringLength(InstructionContent.ItemMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Describe.OtherSubjects")] public string? DataSubjectsOther { get; set; }
        public List<PersonalDataRow> PersonalData { get; set; } = [];
        [StringLength(InstructionContent.ListMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.ProcessingOperations")] public string? ProcessingOperations { get; set; }
        [StringLength(SupplierDescription.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.Retention")] public string? Retention { get; set; }
        [StringLength(SupplierDescription.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.Deletion")] public string? Deletion { get; set; }
        public List<LocationRow> Locations { get; set; } = [];
        public List<TransferRow> Transfers { get; set; } = [];
        [StringLength(InstructionContent.ListMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.SecurityMeasures")] public string? SecurityMeasures { get; set; }
        [StringLength(SupplierDescription.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.Logging")] public string? Logging { get; set; }
        [StringLength(SupplierDescription.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "DescField.LogAccess")] public string? LogAccess { get; set; }
        [StringLength(ContactPerson.NameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.AgreementContactName")] public string? AgreementContactName { get; set; }
        [StringLength(ContactPerson.EmailMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.AgreementContactEmail")] public string? AgreementContactEmail { get; set; }
        [StringLength(ContactPerson.PhoneMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.AgreementContactPhone")] public string? AgreementContactPhone { get; set; }
        [StringLength(ContactPerson.NameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.DataProtectionContactName")] public string? DataProtectionContactName { get; set; }
        [StringLength(ContactPerson.EmailMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.DataProtectionContactEmail")] public string? DataProtectionContactEmail { get; set; }
        [StringLength(ContactPerson.PhoneMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.DataProtectionContactPhone")] public string? DataProtectionContactPhone { get; set; }
        public List<SubProcessorRow> SubProcessors { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public LearningResource Resource { get; private set; } = null!;
    /// <summary>The draft the form edits: the saved one, or the next version started now and saved with the first post.</summary>
    public SupplierDescription Draft { get; private set; } = null!;
    public bool DraftSaved { get; private set; }
    public SupplierDescription? Latest { get; private set; }
    public IReadOnlySet<DescriptionStep> Allowed { get; private set; } = new HashSet<DescriptionStep>();
    public int OrganizersInForce { get; private set; }
    /// <summary>How organizers assessed each published version: counts, and objections' reasons shared with the supplier.</summary>
    public AssessmentsView Assessments { get; private set; } = new([], [], ForSupplier: true);
    /// <summary>The saved draft against the latest published version, field by field: what publishing will change.</summary>
    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = ToInput(Draft.Content());
        Pad();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id) => ActAsync(id, publish: false);

    public Task<IActionResult> OnPostPublishAsync(Guid id) => ActAsync(id, publish: true);

    private async Task<IActionResult> ActAsync(Guid id, bool publish)
    {
        if (!await LoadAsync(id)) return NotFound();
        CheckValues();
        if (!ModelState.IsValid)
        {
            Pad();
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = Actor();
        var draft = Draft;
        if (!DraftSaved) db.SupplierDescriptions.Add(draft);
        var result = draft.Edit(actor, ToContent(Input), now);
        if (result.Succeeded && publish)
        {
            result = await DescriptionPublishing.PublishAsync(db, actor, draft, now);
            // Organizers who asked this supplier for a description get it now.
            if (result.Succeeded)
            {
                var asking = await db.Agreements.IgnoreQueryFilters()
                    .Where(a => a.ResourceId == Resource.Id && a.SupplierId == actor.SupplierId && a.Status == AgreementStatus.SentToSupplier)
                    .ToListAsync();
                foreach (var agreement in asking) agreement.CompleteBySupplier(actor, draft, now);
            }
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args]);
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            Pad();
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l[publish ? "Describe.Published" : "Describe.Saved", draft.Version].Value;
        return RedirectToPage(new { id });
    }

    private Actor Actor() => Common.Actor.SupplierUser(User.UserId()!.Value,
        User.FindFirst(EnsaClaimTypes.DisplayName)?.Value ?? "", User.SupplierId()!.Value);

    /// <summary>Only the supplier's own resources: another supplier's answers 404.</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        if (User.SupplierId() is not { } supplierId) return false;
        if (await db.LearningResources.SingleOrDefaultAsync(r => r.Id == id && r.SupplierId == supplierId) is not { } resource) return false;
        Resource = resource;
        var versions = await db.SupplierDescriptions.Where(d => d.ResourceId == id && d.SupplierId == supplierId).OrderByDescending(d => d.Version).ToListAsync();
        Latest = versions.FirstOrDefault(d => d.IsPublished);
        var actor = Actor();
        var now = clock.GetUtcNow().UtcDateTime;
        SupplierDescription? draft = versions.FirstOrDefault(d => !d.IsPublished);
        DraftSaved = draft is not null;
        if (draft is null
            && !(Latest is null ? SupplierDescription.StartFirstDraft(actor, resource, now, out draft) : Latest.StartNextDraft(actor, now, out draft)).Succeeded)
            return false;
        Draft = draft!;
        Allowed = Draft.AllowedSteps(actor);
        Changes = DraftSaved && Latest is not null ? DescriptionComparison.Compare(Latest.Content(), Draft.Content()) : [];
        OrganizersInForce = await db.Agreements.IgnoreQueryFilters()
            .Where(a => a.ResourceId == id && a.SupplierId == supplierId && a.Status == AgreementStatus.InForce)
            .Select(a => a.OrganizerId).Distinct().CountAsync();
        Assessments = await new VersionAssessments(db).ForSupplierAsync(supplierId, id);
        return true;
    }

    /// <summary>What is filled in must be valid before it is saved, each error at its field: contact addresses by the
    /// parser that sends mail, countries from the list, registration numbers by their country's rules. Publishing
    /// checks the same again in the domain (<see cref="SupplierDescription.InvalidValue"/>).</summary>
    private void CheckValues()
    {
        Email(nameof(InputModel.AgreementContactEmail), Input.AgreementContactEmail, "Agreement.AgreementContactEmail");
        Email(nameof(InputModel.DataProtectionContactEmail), Input.DataProtectionContactEmail, "Agreement.DataProtectionContactEmail");
        for (var n = 0; n < Input.Locations.Count; n++)
            Country($"Locations[{n}]", Input.Locations[n].Description, Input.Locations[n].CountryCode);
        for (var n = 0; n < Input.Transfers.Count; n++)
            Country($"Transfers[{n}]", Input.Transfers[n].Recipient, Input.Transfers[n].CountryCode);
        for (var n = 0; n < Input.SubProcessors.Count; n++)
        {
            var sub = Input.SubProcessors[n];
            Country($"SubProcessors[{n}]", sub.Name, sub.CountryCode);
            if (Filled(sub.OrganisationNumber) && !RegistrationNumber.IsValid(sub.CountryCode, sub.OrganisationNumber))
                ModelState.AddModelError($"Input.SubProcessors[{n}].OrganisationNumber", l["Describe.OrganisationNumberInvalid", sub.Name ?? "",
                    Countries.Name(Normalized(sub.CountryCode) ?? Countries.Sweden, CultureInfo.CurrentUICulture), RegistrationNumber.Pattern(sub.CountryCode) ?? ""]);
        }

        void Email(string field, string? value, string label)
        {
            if (Filled(value) && !EmailAddresses.IsValid(value)) ModelState.AddModelError("Input." + field, l["Describe.EmailInvalid", l[label], value!.Trim()]);
        }

        // A named row needs a country from the list; an unnamed one is an empty row and is left out.
        void Country(string row, string? name, string? code)
        {
            if (Filled(code) && !Countries.IsKnown(code)) ModelState.AddModelError($"Input.{row}.CountryCode", l["Describe.CountryUnknown", code!.Trim()]);
            else if (Filled(name) && !Filled(code)) ModelState.AddModelError($"Input.{row}.CountryCode", l["Describe.CountryMissing", name!.Trim()]);
        }
    }

    private static string? Normalized(string? code) => Filled(code) ? code!.Trim().ToUpperInvariant() : null;

    private void Pad()
    {
        for (var i = 0; i < EmptyRows; i++)
        {
            Input.PersonalData.Add(new());
            Input.Locations.Add(new());
            Input.Transfers.Add(new());
            Input.SubProcessors.Add(new());
        }
    }

    private static bool Filled(string? s) => !string.IsNullOrWhiteSpace(s);

    private static InstructionContent ToContent(InputModel i) => new()
    {
        SubjectMatter = i.SubjectMatter ?? "",
        Nature = i.Nature ?? "",
        Purposes = i.Purposes ?? "",
        DataSubjects = [.. i.DataSubjects.Distinct().Select(k => new DataSubjectGroup(k, k == DataSubjectKind.Other && Filled(i.DataSubjectsOther) ? i.DataSubjectsOther!.Trim() : null))],
        PersonalData = [.. i.PersonalData.Where(p => Filled(p.Name)).Select(p => new PersonalDataCategory(p.Name!.Trim(), p.Sensitive, p.PersonalIdentityNumber, Filled(p.Notes) ? p.Notes!.Trim() : null))],
        ProcessingOperations = Common.TextLines.Of(i.ProcessingOperations),
        Retention = i.Retention ?? "",
        Deletion = i.Deletion ?? "",
        Locations = [.. i.Locations.Where(x => Filled(x.Description) && Filled(x.CountryCode)).Select(x => new ProcessingLocation(x.Description!.Trim(), Normalized(x.CountryCode)!,
            (x.Processing ? LocationUse.Processing : LocationUse.None) | (x.Storage ? LocationUse.Storage : LocationUse.None)))],
        Transfers = [.. i.Transfers.Where(t => Filled(t.Recipient) && Filled(t.CountryCode)).Select(t => new ThirdCountryTransfer(t.Recipient!.Trim(), Normalized(t.CountryCode)!, t.Safeguard, Filled(t.Notes) ? t.Notes!.Trim() : null))],
        SecurityMeasures = Common.TextLines.Of(i.SecurityMeasures),
        Logging = i.Logging ?? "",
        LogAccess = i.LogAccess ?? "",
        AgreementContact = new ContactPerson(i.AgreementContactName ?? "", i.AgreementContactEmail ?? "", i.AgreementContactPhone),
        DataProtectionContact = new ContactPerson(i.DataProtectionContactName ?? "", i.DataProtectionContactEmail ?? "", i.DataProtectionContactPhone),
        SubProcessors = [.. i.SubProcessors.Where(s => Filled(s.Name)).Select(s => new SubProcessor(s.Name!.Trim(), Filled(s.OrganisationNumber) ? s.OrganisationNumber!.Trim() : null,
            s.Address?.Trim() ?? "", s.Activities?.Trim() ?? "", Normalized(s.CountryCode) ?? "", s.Safeguard))],
    };

    private static InputModel ToInput(InstructionContent c) => new()
    {
        SubjectMatter = c.SubjectMatter, Nature = c.Nature, Purposes = c.Purposes,
        DataSubjects = [.. c.DataSubjects.Select(d => d.Kind)],
        DataSubjectsOther = c.DataSubjects.FirstOrDefault(d => d.Kind == DataSubjectKind.Other)?.Description,
        PersonalData = [.. c.PersonalData.Select(p => new PersonalDataRow { Name = p.Name, Sensitive = p.Sensitive, PersonalIdentityNumber = p.PersonalIdentityNumber, Notes = p.Notes })],
        ProcessingOperations = string.Join('\n', c.ProcessingOperations),
        Retention = c.Retention, Deletion = c.Deletion,
        Locations = [.. c.Locations.Select(x => new LocationRow { Description = x.Description, CountryCode = x.CountryCode, Processing = x.Use.HasFlag(LocationUse.Processing), Storage = x.Use.HasFlag(LocationUse.Storage) })],
        Transfers = [.. c.Transfers.Select(t => new TransferRow { Recipient = t.Recipient, CountryCode = t.CountryCode, Safeguard = t.Safeguard, Notes = t.Notes })],
        SecurityMeasures = string.Join('\n', c.SecurityMeasures),
        Logging = c.Logging, LogAccess = c.LogAccess,
        AgreementContactName = c.AgreementContact.Name, AgreementContactEmail = c.AgreementContact.Email, AgreementContactPhone = c.AgreementContact.Phone,
        DataProtectionContactName = c.DataProtectionContact.Name, DataProtectionContactEmail = c.DataProtectionContact.Email, DataProtectionContactPhone = c.DataProtectionContact.Phone,
        SubProcessors = [.. c.SubProcessors.Select(s => new SubProcessorRow { Name = s.Name, OrganisationNumber = s.OrganisationNumber, Address = s.Address, Activities = s.Activities, CountryCode = s.CountryCode, Safeguard = s.Safeguard })],
    };
}
