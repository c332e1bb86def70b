using System.Text.Json;
using Ensa.Common;
using Ensa.Data;
using Ensa.Organizers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ensa.Audit;

/// <summary>Writes an <see cref="AuditEntry"/> for every added, modified or deleted <see cref="IAudited"/> entity,
/// in the same transaction as the change, and refuses any change to the log itself.</summary>
public sealed class AuditInterceptor : SaveChangesInterceptor
{
    // Secrets and derived values that must never reach the log, and the concurrency version (bookkeeping).
    private static readonly HashSet<string> Hidden =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "TokenHash", "ProtectedToken", "ProtectedClientSecret",
        Data.Versions.Property,
    ];

    // Readable in the database: Swedish letters as they are, enums by name.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Record(DbContext? context)
    {
        if (context is not EnsaDbContext db) return;
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.Entity is AuditEntry && e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit log is append-only.");

        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var entry in entries)
        {
            if (entry.Entity is not IAudited || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var changes = Changes(entry);
            if (changes.Count == 0) continue;
            db.AuditEntries.Add(new AuditEntry(
                OrganizerOf(entry.Entity) ?? db.Session.OrganizerId,
                now,
                db.Session.UserId,
                db.Session.UserName,
                entry.Metadata.ClrType.Name,
                string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                entry.State.ToString(),
                JsonSerializer.Serialize(changes, Json)));
        }
    }

    private static Guid? OrganizerOf(object entity) => entity switch
    {
        IOrganizerOwned owned => owned.OrganizerId,
        Organizer organizer => organizer.Id,
        _ => null,
    };

    private static Dictionary<string, object?[]> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (Hidden.Contains(name)) continue;
            switch (entry.State)
            {
                case EntityState.Added when p.CurrentValue is not null:
                    changes[name] = [null, p.CurrentValue];
                    break;
                case EntityState.Deleted:
                    changes[name] = [p.OriginalValue, null];
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    changes[name] = [p.OriginalValue, p.CurrentValue];
                    break;
            }
        }
        return changes;
    }
}
