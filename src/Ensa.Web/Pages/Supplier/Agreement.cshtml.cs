using System.Security.Claims;
using Ensa.Agreements;
using Ensa.Data;
using Ensa.Web.Pages.Agreements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.SupplierPortal;

/// <summary>The supplier's side of one agreement it is party to, from the moment it is ready to sign: the document, the
/// signatures, the supplier's signatory's signing form (its admins sign), and the sealed PDF once signed. Read past the
/// tenant filter, but only this supplier's agreements (404 for any other).</summary>
public sealed class AgreementModel(EnsaDbContext context, AgreementSigning signing, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : SigningPageModel(context, signing, clock, l)
{
    private static readonly AgreementStatus[] Visible =
        [AgreementStatus.ReadyToSign, AgreementStatus.Signed, AgreementStatus.InForce, AgreementStatus.Terminated, AgreementStatus.Expired];

    private bool _signs;

    protected override async Task<Agreement?> LoadAgreementAsync(Guid id, IQueryable<Agreement> agreements)
    {
        if (User.SupplierId() is not { } supplierId || User.UserId() is not { } userId) return null;
        _signs = await Db.Users.AnyAsync(u => u.Id == userId && u.SupplierId == supplierId && u.IsSupplierAdmin);
        return await agreements.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == id && a.SupplierId == supplierId && Visible.Contains(a.Status));
    }

    protected override Actor SignedInActor() => Actor.SupplierUser(User.UserId()!.Value,
        User.FindFirstValue(EnsaClaimTypes.DisplayName) ?? "", User.SupplierId()!.Value, _signs);

    protected override IActionResult AfterSigning(Guid id) => RedirectToPage(new { id });

    /// <summary>The sealed PDF of an agreement signed in Ensa (or the copy the organizer uploaded).</summary>
    public async Task<IActionResult> OnGetSignedAsync(Guid id)
    {
        if (await LoadAgreementAsync(id, Db.Agreements.AsNoTracking()) is null) return NotFound();
        var document = await Db.SignedAgreementDocuments.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(d => d.AgreementId == id);
        return document is null ? NotFound() : File(document.Content, "application/pdf", document.FileName);
    }
}
