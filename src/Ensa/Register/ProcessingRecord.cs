using Ensa.Agreements;
using Ensa.Common;
using Ensa.Data;
using Ensa.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Register;

/// <summary>One processing activity in the record (Art. 30(1)): a resource in use, with what the supplier's description
/// (the version of the agreement in force, else its latest published one) says, or, without a description, what the
/// organizer's review recorded.</summary>
public sealed record ProcessingEntry(
    Guid ResourceId, string Resource, string? Supplier, string? SupplierCountry, IReadOnlyList<string> Units,
    int? DescriptionVersion, AgreementCoverage Agreement,
    string? Purposes, IReadOnlyList<DataSubjectGroup> DataSubjects, IReadOnlyList<PersonalDataCategory> PersonalData,
    IReadOnlyList<SubProcessor> SubProcessors, IReadOnlyList<ThirdCountryTransfer> Transfers, string? Retention, string? Deletion,
    IReadOnlyList<string> SecurityMeasures, string? ReviewedPersonalData, bool? ReviewedThirdCountry, string? ReviewedThirdCountryNotes);

/// <summary>The record of processing activities for the current organizer's controller, built from what Ensa knows: the
/// uses, the agreements, the supplier descriptions and the reviews.</summary>
public sealed class ProcessingRecord(EnsaDbContext db, UseRegister register)
{
    public async Task<IReadOnlyList<ProcessingEntry>> EntriesAsync()
    {
        var uses = (await register.UsesAsync()).Where(u => u.Status == RequestStatus.InUse).ToList();
        var resourceIds = uses.Select(u => u.ResourceId).Distinct().ToList();
        var resources = await db.LearningResources.AsNoTracking().Where(r => resourceIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, Supplier = db.Suppliers.Where(s => s.Id == r.SupplierId).Select(s => new { s.Name, s.CountryCode }).FirstOrDefault() })
            .ToDictionaryAsync(r => r.Id);
        // The description an agreement in force was made on wins over the supplier's latest (the tenant filter applies).
        var agreed = await db.Agreements.AsNoTracking().Where(a => a.Status == AgreementStatus.InForce && resourceIds.Contains(a.ResourceId) && a.DescriptionId != null)
            .Select(a => new { a.ResourceId, a.DescriptionId }).ToListAsync();
        var descriptions = (await db.SupplierDescriptions.AsNoTracking().Where(d => resourceIds.Contains(d.ResourceId) && d.PublishedAt != null).ToListAsync())
            .GroupBy(d => d.ResourceId)
            .ToDictionary(g => g.Key, g => agreed.FirstOrDefault(a => a.ResourceId == g.Key) is { } a
                ? g.FirstOrDefault(d => d.Id == a.DescriptionId) ?? g.MaxBy(d => d.Version)!
                : g.MaxBy(d => d.Version)!);
        // The review the organizer's current decision on each resource rests on.
        var reviews = await db.ResourceDecisions.AsNoTracking().Where(d => d.SupersededAt == null && resourceIds.Contains(d.ResourceId))
            .Join(db.ResourceReviews.AsNoTracking(), d => d.ReviewId, r => r.Id, (d, r) => new { d.ResourceId, Review = r })
            .ToDictionaryAsync(j => j.ResourceId, j => j.Review);

        return uses.GroupBy(u => u.ResourceId).Select(g =>
            {
                var resource = resources[g.Key];
                var d = descriptions.GetValueOrDefault(g.Key);
                var review = reviews.GetValueOrDefault(g.Key);
                return new ProcessingEntry(g.Key, resource.Name, resource.Supplier?.Name, resource.Supplier?.CountryCode,
                    g.Select(u => u.Unit).Distinct().Order(StringComparer.Ordinal).ToList(), d?.Version, g.First().Agreement,
                    d?.Purposes, d?.DataSubjects ?? [], d?.PersonalData ?? [], d?.SubProcessors ?? [], d?.Transfers ?? [], d?.Retention, d?.Deletion,
                    d?.SecurityMeasures ?? [], review?.PersonalDataCategories, review?.ThirdCountryTransfer, review?.ThirdCountryNotes);
            })
            .OrderBy(e => e.Resource, SwedishCalendar.Comparer)
            .ToList();
    }
}
