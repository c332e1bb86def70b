using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Jobs;

/// <summary>Takes and gives back <see cref="JobLease"/>s with single conditional UPDATEs, which the database
/// makes atomic: of two nodes asking at once, exactly one gets the lease.</summary>
public sealed class LeaseStore(EnsaDbContext db, TimeProvider clock)
{
    /// <summary>This process's name as a lease holder.</summary>
    public static readonly string NodeName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken,
        string? holder = null)
    {
        holder ??= NodeName;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            db.JobLeases.Add(new JobLease(name));
            try { await db.SaveChangesAsync(cancellationToken); }
            catch (DbUpdateException) { /* another node created it first */ }
            db.ChangeTracker.Clear();
        }
        var until = now + duration;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.ExpiresAt < now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        return taken == 1;
    }

    /// <summary>Extends a lease this holder still has to <paramref name="duration"/> from now; false when it has lost it.</summary>
    public async Task<bool> RenewAsync(string name, TimeSpan duration, CancellationToken cancellationToken, string? holder = null)
    {
        holder ??= NodeName;
        var until = clock.GetUtcNow().UtcDateTime + duration;
        return await db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, until), cancellationToken) == 1;
    }

    public Task ReleaseAsync(string name, CancellationToken cancellationToken, string? holder = null)
    {
        holder ??= NodeName;
        return db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), cancellationToken);
    }
}
