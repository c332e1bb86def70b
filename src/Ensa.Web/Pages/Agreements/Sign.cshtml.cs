using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Agreements;

/// <summary>The organizer's signatory signs an agreement inside Ensa.</summary>
public sealed class SignModel(EnsaDbContext db, AgreementAccess access, AgreementSigning signing, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : SigningPageModel(db, signing, clock, l)
{
    protected override async Task<Agreement?> LoadAgreementAsync(Guid id, IQueryable<Agreement> agreements) =>
        await access.AuthorizedAsync(agreements, id);

    protected override Actor SignedInActor() => access.Actor();

    protected override IActionResult AfterSigning(Guid id) => RedirectToPage("/Agreements/Details", new { id });
}
