using System.ComponentModel.DataAnnotations;
using System.Text;
using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Platform.Templates;

/// <summary>A platform admin publishes a new version of the main text, edited here (starting from the latest) or uploaded
/// as a UTF-8 text file in the same form. Agreements already made keep the version they were made on.</summary>
public sealed class NewModel(EnsaDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxUploadBytes = 512 * 1024;

    public sealed class InputModel
    {
        [Display(Name = "Templates.TitleColumn"), StringLength(AgreementTemplate.TitleMaxLength, ErrorMessage = "Validation.Length")]
        public string? Title { get; set; }

        [Display(Name = "Templates.Text"), StringLength(AgreementTemplate.TextMaxLength, ErrorMessage = "Validation.Length")]
        public string? Text { get; set; }

        public bool IsPlaceholder { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public int LatestVersion { get; private set; }

    public async Task OnGetAsync()
    {
        var latest = await LatestAsync();
        Input = new InputModel { Title = latest?.Title, Text = latest is null ? "" : TemplateText.Write(latest.Sections), IsPlaceholder = latest?.IsPlaceholder ?? true };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var latest = await LatestAsync();
        if (Upload is { } file)
        {
            if (await ReadTextFileAsync(file) is { } uploaded) Input.Text = uploaded;
            else ModelState.AddModelError("Upload", l["Templates.UploadInvalid", MaxUploadBytes / 1024].Value);
        }
        if (!ModelState.IsValid) return Page();
        var (sections, parseError) = TemplateText.Parse(Input.Text);
        if (parseError is not null) return Refuse("Input.Text", parseError);

        var actor = Actor.PlatformAdmin(User.UserId()!.Value, User.FindFirst(EnsaClaimTypes.DisplayName)?.Value ?? "");
        var result = AgreementTemplate.Publish(actor, latest?.Version ?? 0, Input.Title ?? "", sections, Input.IsPlaceholder,
            clock.GetUtcNow().UtcDateTime, out var template);
        if (!result.Succeeded) return Refuse(result.Error!.Code == "Template.SectionsMissing" && string.IsNullOrWhiteSpace(Input.Title) ? "Input.Title" : "Input.Text", result.Error.Code);
        db.AgreementTemplates.Add(template!);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Templates.PublishedDone", template!.Version].Value;
        return RedirectToPage("/Platform/Templates/Version", new { version = template.Version });
    }

    private PageResult Refuse(string field, string key)
    {
        ModelState.AddModelError(field, l[key].Value);
        return Page();
    }

    private async Task<AgreementTemplate?> LatestAsync()
    {
        var latest = await db.AgreementTemplates.AsNoTracking().OrderByDescending(t => t.Version).FirstOrDefaultAsync();
        LatestVersion = latest?.Version ?? 0;
        return latest;
    }

    /// <summary>The file's text, or null unless it is small, valid UTF-8 and plain text (no NUL or other control bytes).</summary>
    private static async Task<string?> ReadTextFileAsync(IFormFile file)
    {
        if (file.Length is 0 or > MaxUploadBytes) return null;
        using var memory = new MemoryStream();
        await file.CopyToAsync(memory);
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(memory.ToArray()).TrimStart('\uFEFF');
            return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
