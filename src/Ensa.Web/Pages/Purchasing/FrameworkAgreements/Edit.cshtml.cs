using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Purchasing.FrameworkAgreements;

/// <summary>Adds a framework agreement (no id) or changes, ends or removes one.</summary>
public sealed class EditModel(EnsaDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(FrameworkAgreement.NameMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "FrameworkAgreements.Name")]
        public string Name { get; set; } = "";
        [StringLength(FrameworkAgreement.SupplierMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "FrameworkAgreements.Supplier")]
        public string? Supplier { get; set; }
        [StringLength(FrameworkAgreement.ReferenceMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "FrameworkAgreements.Reference")]
        public string? Reference { get; set; }
        [Display(Name = "FrameworkAgreements.ValidFrom")]
        public DateOnly? ValidFrom { get; set; }
        [Display(Name = "FrameworkAgreements.ValidTo")]
        public DateOnly? ValidTo { get; set; }

        public FrameworkAgreementTerms Terms => new(Name, Supplier, Reference, ValidFrom, ValidTo);

        public static InputModel From(FrameworkAgreement f) =>
            new() { Name = f.Name, Supplier = f.Supplier, Reference = f.Reference, ValidFrom = f.ValidFrom, ValidTo = f.ValidTo };
    }

    public enum Confirmation { End, Remove }

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>Null when adding.</summary>
    public FrameworkAgreement? Current { get; private set; }
    public int Purchases { get; private set; }
    public Confirmation? Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, Confirmation? confirm)
    {
        if (id is { } existing)
        {
            if (!await LoadAsync(existing)) return NotFound();
            Input = InputModel.From(Current!);
            Confirming = confirm;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        if (id is { } existing && !await LoadAsync(existing)) return NotFound();
        if (!ModelState.IsValid) return Page();
        Result result;
        if (Current is null)
        {
            result = FrameworkAgreement.Create(User.OrganizerId()!.Value, Input.Terms, out var created);
            if (created is not null) db.FrameworkAgreements.Add(created);
        }
        else result = Current.Change(Input.Terms);
        return await SavedAsync(result, Current is null ? "FrameworkAgreements.Added" : "FrameworkAgreements.Saved");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        UnchangedForm();
        return await SavedAsync(Current!.End(SwedishCalendar.Today(clock)), "FrameworkAgreements.EndedMessage");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        UnchangedForm();
        var result = FrameworkAgreement.CheckRemove(Purchases);
        if (result.Succeeded) db.FrameworkAgreements.Remove(Current!);
        return await SavedAsync(result, "FrameworkAgreements.Removed");
    }

    private async Task<IActionResult> SavedAsync(Result result, string message)
    {
        if (!result.Succeeded)
        {
            var error = result.Error!;
            ModelState.AddModelError(error.Code == "FrameworkAgreements.EndsBeforeStart" ? "Input.ValidTo" : "", l[error.Code, error.Args]);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l[message].Value;
        return RedirectToPage("/Purchasing/FrameworkAgreements/Index");
    }

    /// <summary>Ending and removing post no fields: a refusal shows the form as stored.</summary>
    private void UnchangedForm()
    {
        ModelState.Clear();
        Input = InputModel.From(Current!);
    }

    /// <summary>The query filter keeps to the user's organizer, so another organizer's agreement is not found.</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        Current = await db.FrameworkAgreements.SingleOrDefaultAsync(f => f.Id == id);
        if (Current is null) return false;
        Purchases = await db.Purchases.CountAsync(p => p.FrameworkAgreementId == id);
        return true;
    }
}
