using Ensa.Agreements;
using Ensa.Data;
using Ensa.MasterData;
using Ensa.Organizers;
using Ensa.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Agreements;

/// <summary>What the agreement document (_AgreementDocument) shows: the agreement, its template version, the supplier's
/// description version and both parties. Read for the document page, its PDF and the document a signatory signs.</summary>
public sealed class AgreementDocumentView
{
    public Agreement Current { get; private init; } = null!;
    public AgreementTemplate Template { get; private init; } = null!;
    public SupplierDescription? Description { get; private init; }
    /// <summary>Null for a standing offer's document: any organizer that joins it.</summary>
    public Organizer? Organizer { get; private init; }
    public Supplier Supplier { get; private init; } = null!;
    public string ResourceName { get; private init; } = "";
    /// <summary>The organizer's agreement contact is a protected person (marked after being named): the document, which
    /// goes to the supplier, shows a neutral text instead.</summary>
    public bool ContactIsProtected { get; private init; }
    /// <summary>Set when printing: the document must stand alone, so the stylesheet goes inside it.</summary>
    public string? InlineStylesheet { get; set; }
    /// <summary>The document signatories sign: without its state, the way back to the page, or lines to sign on (the
    /// signatures are listed on a page of their own in the final PDF).</summary>
    public bool ForSigning { get; set; }

    /// <summary>A standing offer's document (<see cref="Agreement.OfferText"/>): no organizer yet, for signing.</summary>
    public static async Task<AgreementDocumentView> ForOfferAsync(EnsaDbContext db, AgreementTemplate template, SupplierDescription description,
        CancellationToken cancellationToken = default)
    {
        return new AgreementDocumentView
        {
            Current = Agreement.OfferText(template, description),
            Template = template,
            Description = description,
            Supplier = await db.Suppliers.SingleAsync(s => s.Id == description.SupplierId, cancellationToken),
            ResourceName = await db.LearningResources.Where(r => r.Id == description.ResourceId).Select(r => r.Name).SingleAsync(cancellationToken),
            ForSigning = true,
        };
    }

    /// <summary><paramref name="agreement"/> needs its signatories loaded (the signature block lists them).</summary>
    public static async Task<AgreementDocumentView> LoadAsync(EnsaDbContext db, Agreement agreement, CancellationToken cancellationToken = default)
    {
        var contactEmail = agreement.AgreementContactEmail.ToUpperInvariant();
        return new AgreementDocumentView
        {
            Current = agreement,
            Template = await db.AgreementTemplates.SingleAsync(t => t.Id == agreement.TemplateId, cancellationToken),
            Description = agreement.DescriptionId is { } descriptionId
                ? await db.SupplierDescriptions.SingleAsync(d => d.Id == descriptionId, cancellationToken) : null,
            Organizer = await db.Organizers.SingleAsync(o => o.Id == agreement.OrganizerId, cancellationToken),
            Supplier = await db.Suppliers.SingleAsync(s => s.Id == agreement.SupplierId, cancellationToken),
            ResourceName = await db.LearningResources.Where(r => r.Id == agreement.ResourceId).Select(r => r.Name).SingleAsync(cancellationToken),
            ContactIsProtected = contactEmail.Length > 0 && await db.Users.AnyAsync(
                u => db.ProtectedUserIds(agreement.OrganizerId).Contains(u.Id) && u.NormalizedEmail == contactEmail, cancellationToken),
        };
    }
}
