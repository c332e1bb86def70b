using Ensa.Data;
using Ensa.Suppliers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Platform.Suppliers;

/// <summary>The platform admin merges a duplicate supplier into the one kept: first chooses it, then sees what moves
/// and confirms.</summary>
public sealed class MergeModel(EnsaDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Moves(int Resources, int Agreements, int Descriptions, int People, int Invitations);

    /// <summary>The supplier to keep; chosen with the first (GET) form, confirmed with the second.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Into { get; set; }
    public Supplier Duplicate { get; private set; } = null!;
    public Supplier? Kept { get; private set; }
    public Moves? WhatMoves { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Into is { } into)
        {
            if (into == id) ModelState.AddModelError(nameof(Into), l["Supplier.MergeSelf"].Value);
            else if ((Kept = await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == into)) is null)
                ModelState.AddModelError(nameof(Into), l["Supplier.MergeUnknown"].Value);
            else WhatMoves = await MovesAsync(id);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var keptName = Into is { } into ? await db.Suppliers.Where(s => s.Id == into).Select(s => s.Name).SingleOrDefaultAsync() : null;
        var result = await SupplierRegistry.MergeAsync(db, id, Into ?? Guid.Empty);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Into), l[result.Error!.Code, result.Error.Args].Value);
            return Page();
        }
        TempData["Message"] = l["PlatformSuppliers.Merged", Duplicate.Name, keptName!].Value;
        return RedirectToPage("/Platform/Suppliers/Details", new { id = Into });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id) is not { } duplicate) return false;
        Duplicate = duplicate;
        Others = (await db.Suppliers.AsNoTracking().Where(s => s.Id != id).Select(s => new { s.Id, s.Name }).ToListAsync())
            .OrderBy(s => s.Name, SwedishCalendar.Comparer).Select(s => (s.Id, s.Name)).ToList();
        return true;
    }

    private async Task<Moves> MovesAsync(Guid id) => new(
        await db.LearningResources.CountAsync(r => r.SupplierId == id),
        await db.Agreements.IgnoreQueryFilters().CountAsync(a => a.SupplierId == id),
        await db.SupplierDescriptions.IgnoreQueryFilters().CountAsync(d => d.SupplierId == id),
        await db.Users.CountAsync(u => u.SupplierId == id),
        await db.SupplierInvitations.CountAsync(i => i.SupplierId == id));
}
