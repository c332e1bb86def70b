using System.Globalization;
using Ensa.Agreements;
using Ensa.Data;
using Ensa.Web.Pages.Agreements;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Documents;

/// <summary>Signing inside Ensa (ADR 14), for the organizer's and the supplier's signing pages alike: the document a
/// signatory reads and signs (fixed at the first signature), the signature itself, and at the last signature the final
/// PDF — the signed document with a page listing each signature — sealed by <see cref="AgreementSeal"/>.</summary>
public sealed class AgreementSigning(EnsaDbContext db, ChromiumPdf chromium, AgreementSeal seal, IWebHostEnvironment environment,
    IRazorViewEngine views, ILogger<AgreementSigning> logger)
{
    /// <summary>The agreement is written in Swedish whoever reads it: the signed document is the Swedish one.</summary>
    private static readonly CultureInfo DocumentCulture = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The document to sign: the one fixed at the first signature, or the agreement rendered now.
    /// <paramref name="agreement"/> needs <see cref="Agreement.SigningDocument"/> and its signatories loaded.</summary>
    public async Task<AgreementSigningDocument> DocumentAsync(PageModel page, Agreement agreement, DateTime now)
    {
        if (agreement.SigningDocument is { } fixedDocument) return fixedDocument;
        var view = await AgreementDocumentView.LoadAsync(db, agreement, page.HttpContext.RequestAborted);
        view.ForSigning = true;
        return new AgreementSigningDocument(agreement, await InSwedishAsync(() => page.RenderPartialAsync(views, "/Pages/Agreements/_AgreementDocument.cshtml", view)), now);
    }

    /// <summary>Signs <paramref name="document"/> (from <see cref="DocumentAsync"/>) for <paramref name="actor"/>'s party and,
    /// when it was the last signature, seals the final PDF. Nothing
    /// is added to the context when refused — the final PDF failing included (Chromium missing): then no signature is
    /// kept, and the signatory may try again.</summary>
    public async Task<Result> SignAsync(PageModel page, Agreement agreement, AgreementSigningDocument document, Actor actor,
        ElectronicSignature signature, DateTime now)
    {
        var isNew = agreement.SigningDocument is null;
        var offer = agreement.StandingOfferId is { } offerId
            ? await db.StandingOffers.SingleOrDefaultAsync(o => o.Id == offerId, page.HttpContext.RequestAborted) : null;
        var result = agreement.SignInEnsa(actor, signature, document, now, offer);
        if (!result.Succeeded) return result;
        if (agreement.SignedAt is not null)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var pdf = await FinalPdfAsync(page, agreement, document);
            if (pdf is null) return new DomainError("Agreement.SealUnavailable");
            var name = await db.LearningResources.Where(r => r.Id == agreement.ResourceId).Select(r => r.Name).SingleAsync(page.HttpContext.RequestAborted);
            if (agreement.AttachSealedDocument($"PUB-avtal {name} (undertecknat).pdf", pdf, now) is { Succeeded: false } sealRefused) return sealRefused;
            db.SignedAgreementDocuments.Add(agreement.SignedDocument!);
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("Agreement {AgreementId} sealed in {Milliseconds} ms ({Bytes} bytes)", agreement.Id,
                    (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, pdf.Length);
        }
        if (isNew) db.AgreementSigningDocuments.Add(document);
        // Signed on a standing offer, it is in force at once: the requests that waited for it go on.
        if (agreement.Status == AgreementStatus.InForce)
            await AgreementEntry.ApplyHeldDecisionsAsync(db, agreement, now, page.HttpContext.RequestAborted);
        return result;
    }

    /// <summary>The document a supplier admin signs as a standing offer: the agreement document of the offer's template and
    /// description versions, without an organizer's parts, rendered in Swedish.</summary>
    public async Task<string> OfferDocumentAsync(PageModel page, AgreementTemplate template, SupplierDescription description)
    {
        var view = await AgreementDocumentView.ForOfferAsync(db, template, description, page.HttpContext.RequestAborted);
        return await InSwedishAsync(() => page.RenderPartialAsync(views, "/Pages/Agreements/_AgreementDocument.cshtml", view));
    }

    /// <summary>The signed document with the signature page, printed and sealed; null when it cannot be printed.</summary>
    private async Task<byte[]?> FinalPdfAsync(PageModel page, Agreement agreement, AgreementSigningDocument document)
    {
        var signatures = await InSwedishAsync(() => page.RenderPartialAsync(views, "/Pages/Agreements/_SignaturePage.cshtml", new SignaturePageView(agreement, document.Sha256)));
        var css = await StylesheetAsync(environment, page.HttpContext.RequestAborted);
        var html = document.Html;
        var end = html.LastIndexOf("</main>", StringComparison.Ordinal);
        html = end < 0 ? html + signatures : html[..end] + signatures + html[end..];
        var head = html.IndexOf("</head>", StringComparison.Ordinal);
        if (head >= 0) html = html[..head] + "<style>" + css + "</style>" + html[head..];
        var pdf = await chromium.PrintAsync(html, page.HttpContext.RequestAborted);
        return pdf is null ? null : await seal.SealAsync(pdf, "PUB-avtal undertecknat i Ensa");
    }

    /// <summary>The agreement's print stylesheet, put inside a document that must stand alone.</summary>
    public static Task<string> StylesheetAsync(IWebHostEnvironment environment, CancellationToken cancellationToken) =>
        File.ReadAllTextAsync(Path.Combine(environment.WebRootPath, "css", "agreement.css"), cancellationToken);

    private static async Task<string> InSwedishAsync(Func<Task<string>> render)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (DocumentCulture, DocumentCulture);
        try
        {
            return await render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}

/// <summary>The signature page of the final PDF: each signature and the hash of the document signed.</summary>
public sealed record SignaturePageView(Agreement Agreement, string DocumentSha256);
