using System.Text;
using Ensa.Data;
using Ensa.Organizers;
using Ensa.Register;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Privacy;

/// <summary>The record of processing activities (GDPR Art. 30) for the organizer's controller, from what Ensa knows:
/// a printable page and CSV.</summary>
public sealed class RecordModel(EnsaDbContext db, ProcessingRecord record, TimeProvider clock, ChromiumPdf chromium,
    IRazorViewEngine views, IWebHostEnvironment environment) : PageModel
{
    public Organizer Organizer { get; private set; } = null!;
    public IReadOnlyList<ProcessingEntry> Entries { get; private set; } = [];
    public DateTime Generated { get; private set; }
    /// <summary>Set when printing: the document must stand alone, so the stylesheet goes inside it.</summary>
    public string? InlineStylesheet { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>The same record as CSV (semicolon-separated UTF-8 with a byte order mark, as the public list).</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        var csv = new StringBuilder();
        string[] header = ["resource", "supplier", "supplierCountry", "units", "descriptionVersion", "agreement", "purposes", "dataSubjects",
            "personalData", "recipients", "thirdCountryTransfers", "retention", "securityMeasures"];
        csv.AppendJoin(';', header).Append("\r\n");
        foreach (var e in Entries)
        {
            string?[] row =
            [
                e.Resource, e.Supplier, e.SupplierCountry, string.Join(", ", e.Units), e.DescriptionVersion?.ToString(SwedishCalendar.Culture),
                e.Agreement.ToString(), e.Purposes, string.Join(", ", e.DataSubjects.Select(s => s.Kind.ToString())),
                PersonalData(e), string.Join(", ", Recipients(e)), string.Join(", ", Transfers(e)), Retention(e), string.Join(", ", e.SecurityMeasures),
            ];
            csv.AppendJoin(';', row.Select(Csv.Field)).Append("\r\n");
        }
        return File(Csv.Utf8WithBom(csv.ToString()), "text/csv; charset=utf-8", $"registerforteckning-{Organizer.Slug}.csv");
    }

    /// <summary>The same record printed to PDF by headless Chromium (503 when it is not installed).</summary>
    public async Task<IActionResult> OnGetPdfAsync()
    {
        await LoadAsync();
        InlineStylesheet = await System.IO.File.ReadAllTextAsync(Path.Combine(environment.WebRootPath, "css", "site.css"), HttpContext.RequestAborted);
        var pdf = await chromium.PrintAsync(await this.RenderPartialAsync(views, "_RecordDocument"), HttpContext.RequestAborted);
        if (pdf is null) return StatusCode(StatusCodes.Status503ServiceUnavailable);
        return File(pdf, "application/pdf", $"registerforteckning-{Organizer.Slug}.pdf");
    }

    public static string PersonalData(ProcessingEntry e) => e.PersonalData.Count > 0
        ? string.Join(", ", e.PersonalData.Select(p => p.Name + (p.Sensitive ? " (!)" : "") + (p.PersonalIdentityNumber ? " (pnr)" : "")))
        : e.ReviewedPersonalData ?? "";

    public static IEnumerable<string> Recipients(ProcessingEntry e) =>
        new[] { e.Supplier is null ? null : $"{e.Supplier} ({e.SupplierCountry})" }.Concat(e.SubProcessors.Select(s => $"{s.Name} ({s.CountryCode})")).OfType<string>();

    public static IEnumerable<string> Transfers(ProcessingEntry e) => e.Transfers.Count > 0
        ? e.Transfers.Select(t => $"{t.Recipient} ({t.CountryCode}, {t.Safeguard})")
        : e.ReviewedThirdCountry == true ? [e.ReviewedThirdCountryNotes ?? "yes"] : [];

    public static string? Retention(ProcessingEntry e) => string.Join(" ", new[] { e.Retention, e.Deletion }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private async Task LoadAsync()
    {
        var organizerId = User.OrganizerId()!.Value;
        Organizer = await db.Organizers.AsNoTracking().SingleAsync(o => o.Id == organizerId);
        Entries = await record.EntriesAsync();
        Generated = clock.GetUtcNow().UtcDateTime;
    }
}
