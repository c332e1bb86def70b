using System.Text.Json;
using Ensa.Common;

namespace Ensa.MasterData;

public enum ImportSource { Api, Files, Scheduled }

/// <summary>Queued and Reading: the preview in the background; ApplyQueued and Applying: the apply in the background.</summary>
public enum ImportRunStatus { Queued, Reading, Previewed, Applied, Discarded, Failed, ApplyQueued, Applying }

/// <summary>One line of a stored summary: a change or a skipped record, its message as a resource key and its arguments
/// (already text, so the stored run reads the same later).</summary>
public sealed record ImportRunLine(string Type, string Id, string Code, IReadOnlyList<string> Args);

/// <summary>A summary as stored with its run: counts created/updated/closed/skipped per kind, changes, skipped records.</summary>
public sealed record ImportRunSummary(int[] Organisations, int[] Persons, int[] Duties, IReadOnlyList<ImportRunLine> Changes,
    IReadOnlyList<ImportRunLine> Skipped)
{
    public static ImportRunSummary From(ImportSummary s) => new(Counts(s.Organisations), Counts(s.Persons), Counts(s.Duties),
        s.Changes.Select(c => Line(c.Type, c.Id, c.What)).ToList(), s.Skipped.Select(k => Line(k.Type, k.Id, k.Reason)).ToList());

    public static ImportRunSummary? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<ImportRunSummary>(json, ImportRun.Json);

    private static int[] Counts(ImportCounts c) => [c.Created, c.Updated, c.Closed, c.Skipped];

    private static ImportRunLine Line(string type, string id, DomainError e) =>
        new(type, id, e.Code, e.Args.Select(a => Convert.ToString(a, SwedishCalendar.Culture) ?? "").ToList());
}

/// <summary>One SS 12000 import: queued by the admin (or made by the daily sync), read and planned by the background
/// worker, which writes its progress here, then applied or discarded. Until then it keeps the snapshot it read (only the
/// fields <see cref="Ss12000Snapshot"/> declares), so applying does exactly what the preview showed.</summary>
public sealed class ImportRun : IOrganizerOwned
{
    public const int NameMaxLength = 200;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ImportRun() { }

    private ImportRun(Guid organizerId, ImportSource source, Guid? startedBy, string startedByName, DateTime now)
    {
        Id = Guid.NewGuid();
        OrganizerId = organizerId;
        Source = source;
        StartedBy = startedBy;
        StartedByName = startedByName.Length > NameMaxLength ? startedByName[..NameMaxLength] : startedByName;
        StartedAt = UpdatedAt = now;
    }

    /// <summary>A run that reads the organizer's API in the background.</summary>
    public static ImportRun FromApi(Guid organizerId, Guid? startedBy, string startedByName, DateTime now) =>
        new(organizerId, ImportSource.Api, startedBy, startedByName, now);

    /// <summary>A run of the daily sync: read, planned and applied at once (<see cref="Previewed"/> then <see cref="Applied"/>),
    /// without a preview.</summary>
    public static ImportRun FromSchedule(Guid organizerId, DateTime now) => new(organizerId, ImportSource.Scheduled, null, "", now);

    /// <summary>A run on a snapshot already read (uploaded files); only the planning is left to the worker.</summary>
    public static ImportRun FromFiles(Guid organizerId, Guid? startedBy, string startedByName, Ss12000Snapshot snapshot, DateTime now)
    {
        var run = new ImportRun(organizerId, ImportSource.Files, startedBy, startedByName, now);
        run.KeepSnapshot(snapshot);
        run.RecordsRead = snapshot.Organisations.Count + snapshot.Persons.Count + snapshot.Duties.Count;
        run.ListsRead = Ss12000Progress.Lists;
        return run;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public ImportSource Source { get; private set; }
    public ImportRunStatus Status { get; private set; }
    public Guid? StartedBy { get; private set; }
    public string StartedByName { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    /// <summary>The last sign of life from the worker (or the last step): a run in progress that has not moved for a while
    /// is shown as failed.</summary>
    public DateTime UpdatedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    public Guid? FinishedBy { get; private set; }
    public int ListsRead { get; private set; }
    public int RecordsRead { get; private set; }
    public string? ErrorCode { get; private set; }
    public IReadOnlyList<string> ErrorArgs { get; private set; } = [];
    public string? SummaryJson { get; private set; }
    public string? SnapshotJson { get; private set; }

    public bool InProgress => IsInProgress(Status);

    /// <summary>Waiting for or in the hands of the background worker.</summary>
    public static bool IsInProgress(ImportRunStatus status) =>
        status is ImportRunStatus.Queued or ImportRunStatus.Reading or ImportRunStatus.ApplyQueued or ImportRunStatus.Applying;

    public Ss12000Snapshot? Snapshot => SnapshotJson is null ? null : JsonSerializer.Deserialize<Ss12000Snapshot>(SnapshotJson, Json);

    /// <summary>The status as a reader should see it: a run in progress without a sign of life for <paramref name="staleAfter"/>
    /// has lost its worker.</summary>
    public static ImportRunStatus Shown(ImportRunStatus status, DateTime updatedAt, DateTime now, TimeSpan staleAfter) =>
        IsInProgress(status) && now - updatedAt > staleAfter ? ImportRunStatus.Failed : status;

    public void KeepSnapshot(Ss12000Snapshot snapshot) => SnapshotJson = JsonSerializer.Serialize(snapshot, Json);

    public void Previewed(ImportSummary summary, DateTime now)
    {
        Status = ImportRunStatus.Previewed;
        SummaryJson = JsonSerializer.Serialize(ImportRunSummary.From(summary), Json);
        ListsRead = Ss12000Progress.Lists;
        UpdatedAt = now;
    }

    public void Failed(DomainError error, DateTime now)
    {
        Status = ImportRunStatus.Failed;
        (ErrorCode, ErrorArgs) = (error.Code, error.Args.Select(a => Convert.ToString(a, SwedishCalendar.Culture) ?? "").ToList());
        SnapshotJson = null;
        FinishedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Applied by the worker that claimed it (Applying; the page claims a preview with a conditional update, see
    /// ImportRunWorker), or at once by the daily sync (Previewed); its snapshot goes with it.</summary>
    public Result Applied(ImportSummary summary, Guid? by, DateTime now)
    {
        if (Status is not (ImportRunStatus.Previewed or ImportRunStatus.Applying)) return new DomainError("MasterData.RunNotPreviewed");
        Status = ImportRunStatus.Applied;
        SummaryJson = JsonSerializer.Serialize(ImportRunSummary.From(summary), Json);
        SnapshotJson = null;
        (FinishedBy, FinishedAt) = (by, now);
        UpdatedAt = now;
        return Result.Ok;
    }

    /// <summary>Message of a failed run, as a resource key and arguments.</summary>
    public DomainError? Error => ErrorCode is null ? null : new DomainError(ErrorCode, ErrorArgs.Cast<object>().ToArray());
}
