using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Ensa.Agreements;
using Ensa.Organizers;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ensa.Publishing;

/// <summary>Each organizer's public list as last read, per app node. A change saved through this node's DbContexts to
/// anything the list shows clears it at once (this class is also their SaveChanges interceptor); a change saved by
/// another node shows within <see cref="MaxAge"/>. Public data only, derived from the database: nothing here is state.</summary>
public sealed class PublicListCache : SaveChangesInterceptor
{
    /// <summary>How stale another node's change may be here. The JSON is cached by its readers for five minutes anyway.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private static readonly HashSet<Type> Shown =
    [
        typeof(ResourceReview), typeof(LearningResource), typeof(Supplier), typeof(ResourceGuidance), typeof(PublicListSettings),
        typeof(Agreement), typeof(Organizer),
    ];

    private readonly ConcurrentDictionary<Guid, Snapshot> _lists = new();
    private readonly ConcurrentDictionary<string, (long Version, long LoadedAt, Organizer Organizer)> _organizers = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];
    private long _version;

    internal sealed record Snapshot(long Version, long LoadedAt, PublicListSettings Settings, IReadOnlyList<PublicEntry> Entries,
        IReadOnlyList<PublicList.FoldedEntry> Folded);

    internal Snapshot? Get(Guid organizerId) =>
        _lists.TryGetValue(organizerId, out var s) && s.Version == Interlocked.Read(ref _version)
            && Stopwatch.GetElapsedTime(s.LoadedAt) < MaxAge ? s : null;

    /// <summary>The version to load under: read before loading, so a change saved meanwhile makes the result stale at once.</summary>
    internal long Version => Interlocked.Read(ref _version);

    internal void Put(Guid organizerId, Snapshot snapshot) => _lists[organizerId] = snapshot;

    /// <summary>Organizers by slug (every public request names one); unknown slugs are not kept.</summary>
    internal Organizer? GetOrganizer(string slug) =>
        _organizers.TryGetValue(slug, out var o) && o.Version == Interlocked.Read(ref _version) && Stopwatch.GetElapsedTime(o.LoadedAt) < MaxAge
            ? o.Organizer : null;

    internal void PutOrganizer(string slug, long version, Organizer organizer) =>
        _organizers[slug] = (version, Stopwatch.GetTimestamp(), organizer);

    public void Clear()
    {
        Interlocked.Increment(ref _version);
        _lists.Clear();
        _organizers.Clear();
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    // Cleared before the save (so nothing read from now on is kept under the old version) and again after it (so nothing
    // read while it was being committed is kept).
    private void Note(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Shown.Contains(e.Metadata.ClrType)))
            return;
        _saving.AddOrUpdate(context, this);
        Clear();
    }

    private void Done(DbContext? context)
    {
        if (context is not null && _saving.Remove(context)) Clear();
    }
}
