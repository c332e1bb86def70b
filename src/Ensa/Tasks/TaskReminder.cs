using Ensa.Common;

namespace Ensa.Tasks;

/// <summary>A task waited past its target: its people were reminded, or (past twice the target) the central department
/// was told. One row per task, waiting period and stage (a unique index), so each is sent once, whatever the number of
/// nodes; a task that starts waiting again (a re-review) is a new period.</summary>
public sealed class TaskReminder : IOrganizerOwned
{
    private TaskReminder() { }

    public TaskReminder(Guid organizerId, WaitingTask task, bool escalated, DateTime now)
    {
        Id = Guid.NewGuid();
        OrganizerId = organizerId;
        Kind = task.Kind;
        SubjectId = task.Id;
        WaitingSince = task.Since;
        Escalated = escalated;
        SentAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public TaskKind Kind { get; private set; }
    /// <summary>The request's, agreement's or rights case's id (<see cref="WaitingTask.Id"/>); for a rights task escalated
    /// past its case's legal deadline, the task's own.</summary>
    public Guid SubjectId { get; private set; }
    public DateTime WaitingSince { get; private set; }
    /// <summary>False: the task's people were reminded; true: the central department was told it is overdue.</summary>
    public bool Escalated { get; private set; }
    public DateTime SentAt { get; private set; }
}
