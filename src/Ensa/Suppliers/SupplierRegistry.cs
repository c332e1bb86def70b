using System.Text.Json;
using Ensa.Audit;
using Ensa.Common;
using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Suppliers;

/// <summary>What adding a supplier came to: refused, an existing supplier with the same registration (used instead),
/// suppliers with a similar name to choose from (nothing created), or a new supplier (added to the context, not saved).</summary>
public sealed record SupplierAddition(Result Result, Supplier? Existing = null, IReadOnlyList<Supplier>? Similar = null, Supplier? Created = null);

/// <summary>The shared list of suppliers: adding one without making a second of the same company, correcting one, and
/// merging a duplicate into the one kept.</summary>
public static class SupplierRegistry
{
    /// <summary>Adds a supplier unless one with the same organisation number (or foreign registration and country)
    /// exists, which is returned instead; unless <paramref name="createAnyway"/>, suppliers with a similar name are
    /// returned for the person to choose from and nothing is added.</summary>
    public static async Task<SupplierAddition> AddAsync(EnsaDbContext db, SupplierDetails input, bool createAnyway, DateTime now)
    {
        var (result, details) = input.Check();
        if (details is null) return new(result);
        if (await SameRegistrationAsync(db, details, null) is { } existing) return new(Result.Ok, Existing: existing);
        if (!createAnyway)
        {
            var similar = await SimilarAsync(db, details.Name);
            if (similar.Count > 0) return new(Result.Ok, Similar: similar);
        }
        var created = Supplier.From(details, now);
        db.Suppliers.Add(created);
        return new(Result.Ok, Created: created);
    }

    /// <summary>Suppliers whose name is like <paramref name="name"/> (see <see cref="SupplierName"/>).</summary>
    public static async Task<IReadOnlyList<Supplier>> SimilarAsync(EnsaDbContext db, string name) =>
        (await db.Suppliers.ToListAsync()).Where(s => SupplierName.AreSimilar(s.Name, name))
        .OrderBy(s => s.Name, SwedishCalendar.Comparer).ToList();

    /// <summary>Corrects a supplier's facts; refuses a registration another supplier already has (merge them instead).</summary>
    public static async Task<Result> ChangeAsync(EnsaDbContext db, Supplier supplier, SupplierDetails input)
    {
        var (result, details) = input.Check();
        if (details is null) return result;
        if (await SameRegistrationAsync(db, details, supplier.Id) is { } other) return new DomainError("Supplier.RegistrationTaken", other.Name);
        return supplier.Change(details);
    }

    /// <summary>Points everything that refers to <paramref name="duplicateId"/> at <paramref name="keptId"/>, deletes the
    /// duplicate and audits the merge, in one transaction (saved). Every foreign key to suppliers in the model is followed,
    /// across all organizers, so one added later is merged too.</summary>
    public static async Task<Result> MergeAsync(EnsaDbContext db, Guid duplicateId, Guid keptId)
    {
        if (duplicateId == keptId) return new DomainError("Supplier.MergeSelf");
        var duplicate = await db.Suppliers.SingleOrDefaultAsync(s => s.Id == duplicateId);
        var kept = await db.Suppliers.SingleOrDefaultAsync(s => s.Id == keptId);
        if (duplicate is null || kept is null) return new DomainError("Supplier.MergeUnknown");
        // One description per resource, supplier and version: two that would collide are for a person to sort out first.
        if (await db.SupplierDescriptions.IgnoreQueryFilters().AnyAsync(d => d.SupplierId == duplicateId && db.SupplierDescriptions
                .IgnoreQueryFilters().Any(k => k.SupplierId == keptId && k.ResourceId == d.ResourceId && k.Version == d.Version)))
            return new DomainError("Supplier.MergeConflict", duplicate.Name, kept.Name);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var moved = new Dictionary<string, int>();
        var foreignKeys = db.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredForeignKeys())
            .Where(fk => fk.PrincipalEntityType.ClrType == typeof(Supplier));
        foreach (var fk in foreignKeys)
        {
            var table = fk.DeclaringEntityType.GetTableName()!;
            var column = fk.Properties.Single().GetColumnName();
            // Raw SQL: past the organizers' query filters, and for rows no entity class here can set (users).
            // Names from the model, values as parameters.
            var sql = $"UPDATE \"{table}\" SET \"{column}\" = {{0}} WHERE \"{column}\" = {{1}}";
            moved[fk.DeclaringEntityType.ClrType.Name] = await db.Database.ExecuteSqlRawAsync(sql, keptId, duplicateId);
        }
        db.Suppliers.Remove(duplicate);
        db.AuditEntries.Add(new AuditEntry(null, db.Clock.GetUtcNow().UtcDateTime, db.Session.UserId, db.Session.UserName,
            nameof(Supplier), duplicateId.ToString(), "Merged", JsonSerializer.Serialize(new
            {
                MergedInto = new object?[] { duplicateId, keptId }, DuplicateName = duplicate.Name, KeptName = kept.Name, Moved = moved,
            })));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Result.Ok;
    }

    private static Task<Supplier?> SameRegistrationAsync(EnsaDbContext db, SupplierDetails d, Guid? except) => d.OrganisationNumber is { } number
        ? db.Suppliers.FirstOrDefaultAsync(s => s.Id != except && s.OrganisationNumber == number)
        : db.Suppliers.FirstOrDefaultAsync(s => s.Id != except && s.ForeignRegistration == d.ForeignRegistration && s.CountryCode == d.CountryCode);
}
