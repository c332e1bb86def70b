using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Admin;

/// <summary>The organizer admin chooses what the public list shows beside each decision and its conditions, and finds
/// the addresses and the snippet to put on the organizer's own web site.</summary>
public sealed class PublicListModel(EnsaDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The fields an organizer may publish, in the order shown.</summary>
    public static readonly PublicFields[] Choices =
        [PublicFields.PersonalData, PublicFields.ThirdCountry, PublicFields.AgreementStatus, PublicFields.PedagogicalAssessment, PublicFields.Accessibility];

    public sealed class InputModel
    {
        public List<PublicFields> Fields { get; set; } = [];
        public bool ShowNotApproved { get; set; }

        [StringLength(PublicListSettings.IntroMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "PublicList.Intro")]
        public string? Intro { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var settings = await LoadAsync();
        Input = new InputModel { Fields = Choices.Where(settings.Shows).ToList(), ShowNotApproved = settings.ShowNotApproved, Intro = settings.Intro };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var settings = await LoadAsync();
        if (!ModelState.IsValid) return Page();
        settings.Change(Input.Fields.Where(Choices.Contains).Aggregate(PublicFields.None, (all, f) => all | f), Input.ShowNotApproved, Input.Intro);
        await db.SaveChangesAsync();
        TempData["Message"] = l["PublicList.Saved"].Value;
        return RedirectToPage();
    }

    /// <summary>The settings of the organizer the admin acts for (created with the defaults on first save).</summary>
    private async Task<PublicListSettings> LoadAsync()
    {
        var organizerId = User.OrganizerId()!.Value;
        (Slug, Name) = await db.Organizers.Where(o => o.Id == organizerId).Select(o => ValueTuple.Create(o.Slug, o.Name)).SingleAsync();
        var settings = await db.PublicListSettings.SingleOrDefaultAsync();
        if (settings is null)
        {
            settings = new PublicListSettings(organizerId);
            db.PublicListSettings.Add(settings);
        }
        return settings;
    }
}
