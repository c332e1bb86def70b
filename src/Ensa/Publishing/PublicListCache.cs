using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Ensa.Agreements;
using Ensa.Common;
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

    // What the list shows. Organizer-owned rows clear only their organizer's list; the shared ones (a resource, a supplier,
    // an organizer's name) clear every list.
    private static readonly HashSet<Type> Shown =
    [
        typeof(ResourceReview), typeof(ResourceDecision), typeof(ResourceGuidance), typeof(PublicListSettings), typeof(Agreement),
        typeof(LearningResource), typeof(Supplier), typeof(Organizer),
    ];

    private readonly ConcurrentDictionary<Guid, Snapshot> _lists = new();
    private readonly ConcurrentDictionary<string, (long Version, long LoadedAt, Organizer Organizer)> _organizers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, long> _organizerClearedAt = new();
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>?> _saving = [];
    private long _version;
    private long _allClearedAt;

    internal sealed class Snapshot(long version, PublicListSettings settings, IReadOnlyList<PublicEntry> entries,
        IReadOnlyList<PublicList.FoldedEntry> folded)
    {
        public long Version { get; } = version;
        public long LoadedAt { get; } = Stopwatch.GetTimestamp();
        public PublicListSettings Settings { get; } = settings;
        public IReadOnlyList<PublicEntry> Entries { get; } = entries;
        public IReadOnlyList<PublicList.FoldedEntry> Folded { get; } = folded;
        internal int Refreshing;
    }

    /// <summary>The kept list, or null when it must be read. When it has only aged (no change saved here), the first caller
    /// reads it again while the others keep using it, so a large list is not read by every waiting request at once.</summary>
    internal Snapshot? Get(Guid organizerId)
    {
        if (!_lists.TryGetValue(organizerId, out var s) || !Valid(s.Version, organizerId)) return null;
        var age = Stopwatch.GetElapsedTime(s.LoadedAt);
        if (age < MaxAge) return s;
        return age < 2 * MaxAge && Interlocked.Exchange(ref s.Refreshing, 1) == 1 ? s : null;
    }

    /// <summary>The version to load under: read before loading, so a change saved meanwhile makes the result stale at once.</summary>
    internal long Version => Interlocked.Read(ref _version);

    internal void Put(Guid organizerId, Snapshot snapshot) => _lists[organizerId] = snapshot;

    /// <summary>Organizers by slug (every public request names one); unknown slugs are not kept.</summary>
    internal Organizer? GetOrganizer(string slug) =>
        _organizers.TryGetValue(slug, out var o) && o.Version >= Interlocked.Read(ref _allClearedAt) && Stopwatch.GetElapsedTime(o.LoadedAt) < MaxAge
            ? o.Organizer : null;

    internal void PutOrganizer(string slug, long version, Organizer organizer) =>
        _organizers[slug] = (version, Stopwatch.GetTimestamp(), organizer);

    private bool Valid(long loadedUnder, Guid organizerId) =>
        loadedUnder >= Interlocked.Read(ref _allClearedAt) && loadedUnder >= _organizerClearedAt.GetValueOrDefault(organizerId);

    /// <summary>Clears every organizer's list.</summary>
    public void Clear() => Clear(null);

    private void Clear(HashSet<Guid>? organizers)
    {
        var now = Interlocked.Increment(ref _version);
        if (organizers is null)
        {
            for (var seen = Interlocked.Read(ref _allClearedAt); seen < now; seen = Interlocked.Read(ref _allClearedAt))
                if (Interlocked.CompareExchange(ref _allClearedAt, now, seen) == seen) break;
            _lists.Clear();
            _organizers.Clear();
            return;
        }
        foreach (var organizerId in organizers)
        {
            _organizerClearedAt.AddOrUpdate(organizerId, now, (_, old) => Math.Max(old, now));
            _lists.TryRemove(organizerId, out _);
        }
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
        if (context is null) return;
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Shown.Contains(e.Metadata.ClrType))
            .Select(e => e.Entity).ToList();
        if (changed.Count == 0) return;
        var organizers = changed.All(e => e is IOrganizerOwned) ? changed.Select(e => ((IOrganizerOwned)e).OrganizerId).ToHashSet() : null;
        _saving.AddOrUpdate(context, organizers);
        Clear(organizers);
    }

    private void Done(DbContext? context)
    {
        if (context is not null && _saving.TryGetValue(context, out var organizers))
        {
            _saving.Remove(context);
            Clear(organizers);
        }
    }
}
