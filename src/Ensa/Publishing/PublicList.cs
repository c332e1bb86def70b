using System.Globalization;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Data;
using Ensa.Organizers;
using Ensa.Register;
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
/// organizer itself (the tenant filter has no organizer here) and only published fields leave this class. The whole list
/// is read once per organizer and kept in <see cref="PublicListCache"/>; searches filter it in memory.</summary>
public sealed class PublicList(EnsaDbContext db, PublicListCache? cache = null)
{
    /// <summary>The organizer with this short name (slugs are stored in lower case). Anything that cannot be a slug (blank,
    /// too long, characters outside a–z, 0–9 and '-') is no organizer, without asking the database: a visitor's address
    /// may hold anything, and PostgreSQL refuses a NUL in a parameter.</summary>
    public async Task<Organizer?> OrganizerAsync(string? slug)
    {
        if (slug is null || slug.Length is 0 or > Organizer.SlugMaxLength || !slug.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            return null;
        var wanted = slug.ToLowerInvariant();
        if (cache?.GetOrganizer(wanted) is { } cached) return cached;
        var version = cache?.Version ?? 0;
        var organizer = await db.Organizers.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == wanted);
        if (organizer is not null) cache?.PutOrganizer(wanted, version, organizer);
        return organizer;
    }

    public async Task<PublicListSettings> SettingsAsync(Guid organizerId) => (await ListAsync(organizerId)).Settings;

    private async Task<PublicListSettings> ReadSettingsAsync(Guid organizerId) =>
        await db.PublicListSettings.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.OrganizerId == organizerId)
        ?? new PublicListSettings(organizerId);

    /// <summary>The entries matching <paramref name="search"/>, sorted by name the Swedish way.</summary>
    public async Task<IReadOnlyList<PublicEntry>> SearchAsync(Guid organizerId, PublicSearch search)
    {
        var list = await ListAsync(organizerId);
        var (text, subject, grade, platform) = (Fold(search.Text), Fold(search.Subject), Fold(search.Grade), Fold(search.Platform));
        var found = new List<PublicEntry>();
        for (var i = 0; i < list.Entries.Count; i++)
        {
            var (e, f) = (list.Entries[i], list.Folded[i]);
            if (search.AppsOnly && e.Type != ResourceType.App) continue;
            if (search.Status is { } status && e.Decision != status) continue;
            if (Contains(f.Text, text) && Contains(f.Subjects, subject) && Contains(f.Grades, grade) && Contains(f.Platforms, platform)) found.Add(e);
        }
        return found; // the cached list is already in Swedish order
    }

    /// <summary>One entry, or null when the resource is not on the organizer's public list.</summary>
    public async Task<PublicEntry?> FindAsync(Guid organizerId, Guid resourceId) =>
        (await ListAsync(organizerId)).Entries.FirstOrDefault(e => e.ResourceId == resourceId);

    private async Task<PublicListCache.Snapshot> ListAsync(Guid organizerId)
    {
        if (cache?.Get(organizerId) is { } cached) return cached;
        var version = cache?.Version ?? 0;
        var settings = await ReadSettingsAsync(organizerId);
        var entries = (await LoadAsync(organizerId, settings)).OrderBy(e => e.Name, SwedishCalendar.Comparer).ToList();
        var snapshot = new PublicListCache.Snapshot(version, settings, entries,
            entries.Select(e => new FoldedEntry(
                // Name, supplier, subjects and description are searched as one text: one comparison, not four.
                Fold(string.Join(" | ", e.Name, e.Supplier, e.Subjects, e.Description))!, Fold(e.Subjects), Fold(e.Grades), Fold(e.Platforms))).ToList());
        cache?.Put(organizerId, snapshot);
        return snapshot;
    }

    private async Task<List<PublicEntry>> LoadAsync(Guid organizerId, PublicListSettings settings)
    {
        // The organizer's current decision per resource; superseded ones are history and never public.
        var current = db.ResourceDecisions.IgnoreQueryFilters().Where(d => d.OrganizerId == organizerId && d.SupersededAt == null);
        if (!settings.ShowNotApproved) current = current.Where(d => d.Decision != Decision.NotApproved);
        // Only the columns shown; agreements and guidance are read per organizer, not per row.
        var rows = await current
            .Join(db.ResourceReviews.IgnoreQueryFilters(), d => d.ReviewId, r => r.Id, (d, r) => new { Decision = d, Review = r })
            .Join(db.LearningResources, j => j.Decision.ResourceId, x => x.Id, (j, x) => new { j.Decision, j.Review, Resource = x })
            .Select(j => new
            {
                j.Resource.Id, j.Resource.Name, j.Resource.Type, j.Resource.Description, j.Resource.SupplierId, j.Resource.WebAddress,
                j.Resource.AppStoreLinks, j.Resource.Platforms, j.Resource.SchoolForms, j.Resource.Grades, j.Resource.Subjects,
                j.Resource.SignInMethods, j.Resource.ProcessesPersonalData,
                j.Decision.Decision, j.Decision.Conditions, j.Decision.Reason, j.Decision.DecidedAt,
                j.Review.PersonalDataCategories, j.Review.SensitiveData, j.Review.ThirdCountryTransfer, j.Review.ThirdCountryNotes,
                j.Review.AgreementNeed, j.Review.PedagogicalAssessment, j.Review.Accessibility,
            })
            .AsNoTracking()
            .ToListAsync();
        var supplierIds = rows.Where(r => r.SupplierId != null).Select(r => r.SupplierId!.Value).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.CountryCode }).ToDictionaryAsync(s => s.Id);
        var guidance = await db.ResourceGuidance.IgnoreQueryFilters().AsNoTracking().Where(g => g.OrganizerId == organizerId)
            .ToDictionaryAsync(g => g.ResourceId);
        // Per resource: whether any of the organizer's agreements for it is in force (null: none kept in Ensa).
        var agreements = (await db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => a.OrganizerId == organizerId)
                .Select(a => new { a.ResourceId, a.Status }).ToListAsync())
            .GroupBy(a => a.ResourceId).ToDictionary(g => g.Key, g => g.Any(a => a.Status == AgreementStatus.InForce));
        return rows.Select(r =>
        {
            T? If<T>(PublicFields field, T value) => settings.Shows(field) ? value : default;
            var supplier = r.SupplierId is { } sid && suppliers.TryGetValue(sid, out var found) ? found : null;
            var guide = guidance.GetValueOrDefault(r.Id);
            bool? inForce = agreements.TryGetValue(r.Id, out var a) ? a : null;
            return new PublicEntry(
                r.Id, r.Name, r.Type, r.Description, supplier?.Name, supplier?.CountryCode,
                r.WebAddress, TextLines.Of(r.AppStoreLinks), r.Platforms, r.SchoolForms, r.Grades,
                r.Subjects, r.SignInMethods, r.ProcessesPersonalData,
                r.Decision, r.Conditions, r.Reason, r.DecidedAt,
                If(PublicFields.PersonalData, r.PersonalDataCategories),
                settings.Shows(PublicFields.PersonalData) ? r.SensitiveData : null,
                settings.Shows(PublicFields.ThirdCountry) ? r.ThirdCountryTransfer : null,
                If(PublicFields.ThirdCountry, r.ThirdCountryNotes),
                settings.Shows(PublicFields.AgreementStatus) ? Coverage.Of(r.AgreementNeed, inForce) : null,
                If(PublicFields.PedagogicalAssessment, r.PedagogicalAssessment),
                settings.Shows(PublicFields.Accessibility) ? r.Accessibility : null,
                guide?.HowToStart, guide?.Guidelines, guide?.LinkList ?? []);
        }).ToList();
    }


    /// <summary>An entry's searchable texts, folded.</summary>
    internal sealed record FoldedEntry(string Text, string? Subjects, string? Grades, string? Platforms);

    private static bool Contains(string? text, string? wanted) =>
        wanted is null || (text is not null && text.Contains(wanted, StringComparison.Ordinal));

    /// <summary>Text folded for searching the Swedish way, so that an ordinal comparison does the work of a culture-aware one
    /// (a culture-aware IndexOf per entry costs microseconds; with thousands of entries per search that was most of the
    /// time): lower case, accents dropped (é → e, ü → y as in Swedish order), but å, ä and ö kept as the letters they are
    /// (æ and ø read as ä and ö). Characters outside the Basic Multilingual Plane (emoji, surrogate pairs) and unpaired
    /// surrogates are kept as they are: they have no accents to drop, and a lone surrogate cannot be normalised. Blank is
    /// null: "any".</summary>
    internal static string? Fold(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var folded = new System.Text.StringBuilder(s.Length);
        var trimmed = s.Trim();
        // Normalize throws on an unpaired surrogate; such text is folded character by character without it.
        var text = HasLoneSurrogate(trimmed) ? trimmed : trimmed.Normalize();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsSurrogate(c))
            {
                folded.Append(c);
                continue;
            }
            switch (c)
            {
                case 'å' or 'ä' or 'ö': folded.Append(c); continue;
                case 'æ': folded.Append('ä'); continue;
                case 'ø': folded.Append('ö'); continue;
                case 'ü': folded.Append('y'); continue;
                case < '\u0080': folded.Append(c); continue;
            }
            foreach (var d in c.ToString().Normalize(System.Text.NormalizationForm.FormD))
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) folded.Append(d);
        }
        return folded.ToString();
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }
}
