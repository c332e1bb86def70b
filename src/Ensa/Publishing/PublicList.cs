using System.Globalization;
using Ensa.Agreements;
using Ensa.Data;
using Ensa.Register;
using Ensa.Organizers;
using Ensa.Requests;
using Ensa.Resources;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Publishing;

/// <summary>One resource on an organizer's public list: what it is and the organizer's current decision, plus the review
/// fields the organizer chose to publish (null when not published).</summary>
public sealed record PublicEntry(
    Guid ResourceId, string Name, ResourceType Type, string Description, string? Supplier, string? SupplierCountry,
    string? WebAddress, IReadOnlyList<string> AppStoreLinks, string? Platforms, SchoolForms SchoolForms, string? Grades,
    string? Subjects, SignInMethods SignInMethods, bool ProcessesPersonalData,
    Decision Decision, string? Conditions, string? Reason, DateTime DecidedAt,
    string? PersonalDataCategories, bool? SensitiveData, bool? ThirdCountryTransfer, string? ThirdCountryNotes,
    AgreementCoverage? Agreement, string? PedagogicalAssessment, AccessibilityAssessment? Accessibility,
    string? HowToStart, string? Guidelines, IReadOnlyList<string> GuidelineLinks);

/// <summary>What a visitor searches the public list for. Text filters match parts of words, ignoring case.</summary>
public sealed record PublicSearch(string? Text = null, string? Subject = null, string? Grade = null, string? Platform = null,
    Decision? Status = null, bool AppsOnly = false)
{
    /// <summary>A search from a query string: blank means "any".</summary>
    public static PublicSearch From(string? text, string? subject, string? grade, string? platform, Decision? status, bool appsOnly) =>
        new(Blank(text), Blank(subject), Blank(grade), Blank(platform), status, appsOnly);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>An organizer's public list of decided resources, read without a signed-in user: every query names the
/// organizer itself (the tenant filter has no organizer here) and only published fields leave this class.</summary>
public sealed class PublicList(EnsaDbContext db)
{
    private static readonly CompareInfo Swedish = CultureInfo.GetCultureInfo("sv-SE").CompareInfo;

    /// <summary>The organizer with this short name (slugs are stored in lower case).</summary>
    public Task<Organizer?> OrganizerAsync(string slug)
    {
        var wanted = slug.ToLowerInvariant();
        return db.Organizers.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == wanted);
    }

    public async Task<PublicListSettings> SettingsAsync(Guid organizerId) =>
        await db.PublicListSettings.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.OrganizerId == organizerId)
        ?? new PublicListSettings(organizerId);

    /// <summary>The entries matching <paramref name="search"/>, sorted by name the Swedish way.</summary>
    public async Task<IReadOnlyList<PublicEntry>> SearchAsync(Guid organizerId, PublicSearch search)
    {
        var settings = await SettingsAsync(organizerId);
        var entries = await LoadAsync(organizerId, settings, resourceId: null, search.AppsOnly);
        return entries
            .Where(e => search.Status is null || e.Decision == search.Status)
            .Where(e => Contains(search.Text, e.Name, e.Supplier, e.Subjects, e.Description))
            .Where(e => Contains(search.Subject, e.Subjects) && Contains(search.Grade, e.Grades) && Contains(search.Platform, e.Platforms))
            .OrderBy(e => e.Name, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true))
            .ToList();
    }

    /// <summary>One entry, or null when the resource is not on the organizer's public list.</summary>
    public async Task<PublicEntry?> FindAsync(Guid organizerId, Guid resourceId)
    {
        var settings = await SettingsAsync(organizerId);
        return (await LoadAsync(organizerId, settings, resourceId, appsOnly: false)).SingleOrDefault();
    }

    private async Task<List<PublicEntry>> LoadAsync(Guid organizerId, PublicListSettings settings, Guid? resourceId, bool appsOnly)
    {
        var reviews = db.ResourceReviews.IgnoreQueryFilters().Where(r => r.OrganizerId == organizerId && r.DecidedAt != null);
        // The latest decision per resource is the one in force; older ones are history and never public.
        var current = reviews.Where(r => !reviews.Any(o => o.ResourceId == r.ResourceId && o.DecidedAt > r.DecidedAt));
        if (!settings.ShowNotApproved) current = current.Where(r => r.Decision != Decision.NotApproved);
        if (resourceId is { } id) current = current.Where(r => r.ResourceId == id);
        var rows = await current
            .Join(db.LearningResources, r => r.ResourceId, x => x.Id, (r, x) => new { Review = r, Resource = x })
            .Where(j => !appsOnly || j.Resource.Type == ResourceType.App)
            .Select(j => new
            {
                j.Review, j.Resource,
                Supplier = db.Suppliers.Where(s => s.Id == j.Resource.SupplierId).Select(s => new { s.Name, s.CountryCode }).FirstOrDefault(),
                Guidance = db.ResourceGuidance.IgnoreQueryFilters()
                    .FirstOrDefault(g => g.OrganizerId == organizerId && g.ResourceId == j.Resource.Id),
                AgreementInForce = db.Agreements.IgnoreQueryFilters().Where(a => a.OrganizerId == organizerId && a.ResourceId == j.Resource.Id)
                    .Select(a => (bool?)(a.Status == AgreementStatus.InForce)).OrderByDescending(inForce => inForce).FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync();
        // Two decisions at the same instant would both count as latest: keep one.
        return rows.DistinctBy(r => r.Resource.Id).Select(r =>
        {
            var (review, resource) = (r.Review, r.Resource);
            T? If<T>(PublicFields field, T value) => settings.Shows(field) ? value : default;
            return new PublicEntry(
                resource.Id, resource.Name, resource.Type, resource.Description, r.Supplier?.Name, r.Supplier?.CountryCode,
                resource.WebAddress, Lines(resource.AppStoreLinks), resource.Platforms, resource.SchoolForms, resource.Grades,
                resource.Subjects, resource.SignInMethods, resource.ProcessesPersonalData,
                review.Decision!.Value, review.Conditions, review.Reason, review.DecidedAt!.Value,
                If(PublicFields.PersonalData, review.PersonalDataCategories),
                settings.Shows(PublicFields.PersonalData) ? review.SensitiveData : null,
                settings.Shows(PublicFields.ThirdCountry) ? review.ThirdCountryTransfer : null,
                If(PublicFields.ThirdCountry, review.ThirdCountryNotes),
                settings.Shows(PublicFields.AgreementStatus) ? Coverage.Of(review.AgreementNeed, r.AgreementInForce) : null,
                If(PublicFields.PedagogicalAssessment, review.PedagogicalAssessment),
                settings.Shows(PublicFields.Accessibility) ? review.Accessibility : null,
                r.Guidance?.HowToStart, r.Guidance?.Guidelines, r.Guidance?.LinkList ?? []);
        }).ToList();
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static bool Contains(string? wanted, params string?[] texts) =>
        string.IsNullOrWhiteSpace(wanted) ||
        texts.Any(t => t is not null && Swedish.IndexOf(t, wanted.Trim(), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0);
}
