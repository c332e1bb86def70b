using Ensa.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ensa.Data;

/// <summary>Optimistic concurrency for <see cref="IVersioned"/> entities. Each has a <c>RowVersion</c> column (a
/// concurrency token, so an UPDATE matches only the version it read); every save that changes one advances it. A form
/// carries the versions the page was rendered from (a stamp per entity); a post that saves an entity checks it against
/// the version in its stamp, not the one just loaded, so a decision taken on a page someone else changed meanwhile is
/// refused with <see cref="DbUpdateConcurrencyException"/> and nothing is saved.</summary>
public static class Versions
{
    public const string Property = "RowVersion";

    /// <summary>"Type:key:version" for an entity the context tracks.</summary>
    public static string Stamp(EntityEntry entry) => $"{Identify(entry)}:{entry.Property(Property).CurrentValue}";

    /// <summary>"Type:key", as the audit log names an entity.</summary>
    public static string Identify(EntityEntry entry) =>
        $"{entry.Metadata.ClrType.Name}:{string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue))}";

    public static IEnumerable<EntityEntry> Tracked(DbContext db) =>
        db.ChangeTracker.Entries().Where(e => e.Entity is IVersioned && e.State != EntityState.Detached);

    /// <summary>Before a save: a changed versioned entity is checked against the version its stamp names (if the post
    /// carried one) and advanced. An entity a stamp names is saved (and so checked) whenever anything else is.</summary>
    internal static void Advance(DbContext db, IReadOnlyCollection<string> stamps)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var stamp in stamps)
        {
            var cut = stamp.LastIndexOf(':');
            if (cut > 0 && int.TryParse(stamp.AsSpan(cut + 1), out var version)) seen[stamp[..cut]] = version;
        }
        var anyChange = db.ChangeTracker.HasChanges();
        foreach (var entry in Tracked(db).ToList())
        {
            var stamped = seen.TryGetValue(Identify(entry), out var version);
            if (entry.State != EntityState.Modified && !(stamped && anyChange && entry.State == EntityState.Unchanged)) continue;
            var property = entry.Property(Property);
            if (stamped) property.OriginalValue = version;
            property.CurrentValue = (int)property.OriginalValue! + 1;
            property.IsModified = true;
        }
    }
}
