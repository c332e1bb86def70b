using System.ComponentModel.DataAnnotations;
using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Platform.Templates;

/// <summary>A platform admin imports the official main text from its Word file: the upload is read into sections and
/// shown as a preview, with what changed against the latest version; nothing is stored until the admin publishes it.
/// Between the two the sections travel in the preview's form (no file is kept on the node that read it), and publishing
/// checks them again, as it checks text typed on the other page.</summary>
public sealed class ImportModel(EnsaDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class SectionInput
    {
        [StringLength(AgreementTemplate.SectionNumberMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Templates.SectionNumber")]
        public string? Number { get; set; }
        [StringLength(AgreementTemplate.SectionHeadingMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Templates.SectionHeading")]
        public string? Heading { get; set; }
        [StringLength(AgreementTemplate.TextMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Templates.Text")]
        public string? Text { get; set; }
    }

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty, StringLength(AgreementTemplate.TitleMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Templates.TitleColumn")]
    public string? Title { get; set; }
    [BindProperty] public bool IsPlaceholder { get; set; }
    [BindProperty] public List<SectionInput> Sections { get; set; } = [];
    /// <summary>The version the preview was compared with: publishing refuses when another has been published since.</summary>
    [BindProperty] public int PreviewedAgainst { get; set; }

    public int LatestVersion { get; private set; }
    /// <summary>Set once a file has been read: the page shows the preview and the publish form.</summary>
    public bool Previewing { get; private set; }
    public IReadOnlyList<string> Preamble { get; private set; } = [];
    public TemplateChanges? Changes { get; private set; }
    /// <summary>Why the preview cannot be published as it stands (a section without text, say); null when it can.</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync() => await LatestAsync();

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        var latest = await LatestAsync();
        // A post that carries more than the file is read for the file alone.
        ModelState.Clear();
        if (Upload is not { Length: > 0 } file) return Refuse("Templates.ImportFileMissing");
        if (file.Length > DocxTemplateReader.MaxBytes) return Refuse("Templates.ImportTooLarge");
        using var memory = new MemoryStream();
        await file.CopyToAsync(memory);
        var (template, error) = DocxTemplateReader.Read(memory.ToArray());
        if (error is not null) return Refuse(error);
        Title = template!.Title.Length > AgreementTemplate.TitleMaxLength ? template.Title[..AgreementTemplate.TitleMaxLength] : template.Title;
        IsPlaceholder = false;
        Sections = template.Sections.Select(s => new SectionInput { Number = s.Number, Heading = s.Heading, Text = s.Text }).ToList();
        Preamble = template.Preamble;
        PreviewedAgainst = latest?.Version ?? 0;
        ShowPreview(latest);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        var latest = await LatestAsync();
        if (Sections.Count is 0 or > DocxTemplateReader.MaxSections) return Refuse("Templates.ImportFileMissing");
        if (!ModelState.IsValid)
        {
            ShowPreview(latest);
            return Page();
        }
        if (PreviewedAgainst != (latest?.Version ?? 0))
        {
            ModelState.AddModelError("", l["Templates.ImportStale", latest!.Version].Value);
            PreviewedAgainst = latest.Version;
            ShowPreview(latest);
            return Page();
        }
        var actor = Actor.PlatformAdmin(User.UserId()!.Value, User.FindFirst(EnsaClaimTypes.DisplayName)?.Value ?? "");
        var result = AgreementTemplate.Publish(actor, latest?.Version ?? 0, Title ?? "", Read(), IsPlaceholder, clock.GetUtcNow().UtcDateTime,
            out var template);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args].Value);
            ShowPreview(latest);
            return Page();
        }
        db.AgreementTemplates.Add(template!);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Templates.PublishedDone", template!.Version].Value;
        return RedirectToPage("/Platform/Templates/Version", new { version = template.Version });
    }

    private List<TemplateSection> Read() =>
        Sections.Select(s => new TemplateSection(s.Number ?? "", s.Heading ?? "", (s.Text ?? "").ReplaceLineEndings("\n"))).ToList();

    private void ShowPreview(AgreementTemplate? latest)
    {
        Previewing = true;
        var sections = Read();
        Changes = TemplateChanges.Between(latest, (latest?.Version ?? 0) + 1, sections);
        // A missing title is typed on the preview itself; what else is wrong needs another file.
        Problem = AgreementTemplate.Check(string.IsNullOrWhiteSpace(Title) ? "–" : Title, sections).Error is { } e ? l[e.Code, e.Args].Value : null;
    }

    private PageResult Refuse(string key)
    {
        ModelState.AddModelError(nameof(Upload), l[key, DocxTemplateReader.MaxBytes / (1024 * 1024), DocxTemplateReader.MaxSections].Value);
        Previewing = false;
        return Page();
    }

    private async Task<AgreementTemplate?> LatestAsync()
    {
        var latest = await db.AgreementTemplates.AsNoTracking().OrderByDescending(t => t.Version).FirstOrDefaultAsync();
        LatestVersion = latest?.Version ?? 0;
        return latest;
    }
}
