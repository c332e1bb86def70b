using Ensa.Data;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.Notifications;
using Ensa.Privacy;
using Ensa.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Jobs;

/// <summary>Reminds people of tasks that waited longer than their organizer's target (10 working days unless its admin
/// set another on /Admin/Organizer), and past twice the target tells the central department (its reviewers and the organizer's admins) once.
/// The tasks are each person's <see cref="TaskList"/>, so a reminder is about exactly what the inbox shows. Runs under a
/// database lease; each reminder is stored in the same save as its notices (a unique index), so it is sent once.
/// Rights tasks have their own reminders (<see cref="RightsReminderJob"/>), but past the case's legal deadline are told to
/// the central department and the case's owner once; suppliers have their organizer's reminders.</summary>
public sealed class TaskReminderJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<TaskReminderJob> logger, MailComposer mail) : LeasedJob<TaskReminderJob.RunResult>(scopes, clock, logger)
{
    public const string LeaseName = "task-reminders";

    public sealed record RunResult(int Reminded, int Escalated);

    private sealed record Person(Guid UserId, string? Email, Actor Actor);

    private static readonly Role[] TaskRoles = [Role.CentralReviewer, Role.SecurityCoordinator, Role.Principal, Role.OrganizerAdmin];

    public override string Name => LeaseName;
    protected override TimeSpan Interval => configuration.GetValue("Tasks:ReminderInterval", TimeSpan.FromHours(6));
    protected override TimeSpan FirstRun => configuration.GetValue("Tasks:ReminderFirstRun", TimeSpan.FromMinutes(2));
    protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(10);

    protected override async Task<RunResult> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<DbContextOptions<EnsaDbContext>>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var today = SwedishCalendar.Today(now);
        var organizers = await services.GetRequiredService<EnsaDbContext>().Organizers
            .Select(o => new { o.Id, o.TaskTargetWorkingDays }).ToListAsync(cancellationToken);
        var (reminded, escalated) = (0, 0);
        foreach (var (organizerId, target) in organizers.Select(o => (o.Id, o.TaskTargetWorkingDays)))
        {
            var remindBefore = StartOf(SwedishCalendar.WorkingDaysBefore(today, target));
            var escalateBefore = StartOf(SwedishCalendar.WorkingDaysBefore(today, 2 * target));
            // The organizer's own context: the task list's queries see this organizer's rows only.
            await using var db = new EnsaDbContext(options, new FixedSession(null, SystemSession.Instance.UserName, organizerId), Clock);
            var tasks = new TaskList(db);
            var people = await PeopleAsync(db, organizerId, cancellationToken);
            var sent = (await db.TaskReminders.Where(r => r.WaitingSince < remindBefore)
                    .Select(r => new { r.Kind, r.SubjectId, r.WaitingSince, r.Escalated }).ToListAsync(cancellationToken))
                .Select(r => (r.Kind, r.SubjectId, r.WaitingSince, r.Escalated)).ToHashSet();
            bool IsNew(WaitingTask t, bool escalation) => sent.Add((t.Kind, t.Id, t.Since, escalation));

            var due = new Dictionary<(TaskKind, Guid, DateTime), (WaitingTask Task, List<Person> People)>();
            foreach (var person in people)
            {
                foreach (var task in await tasks.ListAsync(person.Actor, person.Email))
                {
                    if (!Reminded(task.Kind) || task.Since >= remindBefore) continue;
                    var key = (task.Kind, task.Id, task.Since);
                    if (!due.TryGetValue(key, out var entry)) due[key] = entry = (task, []);
                    entry.People.Add(person);
                }
            }
            foreach (var (task, who) in due.Values.Where(d => IsNew(d.Task, escalation: false)))
            {
                db.TaskReminders.Add(new TaskReminder(organizerId, task, escalated: false, now));
                await NotifyAsync(db, organizerId, task, who, escalated: false, now, cancellationToken);
                reminded++;
            }

            // Escalation looks at every task of the organizer, also those nobody holds any longer (a principal who left).
            var everyone = new Actor(Guid.Empty, "Ensa", TaskRoles.ToHashSet(),
                await db.OrganisationUnits.Where(u => u.Kind == Organizers.UnitKind.SchoolUnit).Select(u => u.Id).ToHashSetAsync(cancellationToken));
            var central = people.Where(p => p.Actor.IsReviewer || p.Actor.Roles.Contains(Role.OrganizerAdmin)).ToList();
            foreach (var task in (await tasks.ListAsync(everyone, null))
                         .Where(t => Reminded(t.Kind) && t.Since < escalateBefore && IsNew(t, escalation: true)))
            {
                db.TaskReminders.Add(new TaskReminder(organizerId, task, escalated: true, now));
                await NotifyAsync(db, organizerId, task, central, escalated: true, now, cancellationToken);
                escalated++;
            }
            escalated += await EscalateRightsTasksAsync(db, organizerId, central, today, now, cancellationToken);
            // One save per organizer: a crash leaves the others to the next pass, never a notice without its record.
            await db.SaveChangesAsync(cancellationToken);
        }
        return new RunResult(reminded, escalated);
    }

    private const string RightsEscalatedKey = "Notify.RightsTaskEscalated";

    /// <summary>A rights task's target is the law's: an open task whose case passed its deadline (one month from receipt)
    /// is told once to the central department and the case's owner, each task in its own record (the task's id); the
    /// administrator's weekly reminders go on beside it (<see cref="RightsReminderJob"/>).</summary>
    private async Task<int> EscalateRightsTasksAsync(EnsaDbContext db, Guid organizerId, IReadOnlyList<Person> central, DateOnly today,
        DateTime now, CancellationToken cancellationToken)
    {
        var overdue = await db.RightsTasks
            .Where(t => t.Status == RightsTaskStatus.Open
                        && !db.TaskReminders.Any(r => r.Kind == TaskKind.RightsTask && r.SubjectId == t.Id && r.Escalated))
            .Join(db.RightsRequests.Where(c => c.ClosedAt == null && c.Deadline < today), t => t.RightsRequestId, c => c.Id, (t, c) => new
            {
                TaskId = t.Id, CaseId = c.Id, c.CaseReference, c.Deadline, c.CreatedAt, c.CreatedByUserId,
                Resource = db.LearningResources.Where(r => r.Id == t.ResourceId).Select(r => r.Name).First(),
                Unit = db.OrganisationUnits.Where(u => u.Id == t.SchoolUnitId).Select(u => u.Name).First(),
            })
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0) return 0;
        var ownerIds = overdue.Select(x => x.CreatedByUserId).Distinct().ToList();
        var owners = await db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        foreach (var x in overdue)
        {
            db.TaskReminders.Add(new TaskReminder(organizerId,
                new WaitingTask { Kind = TaskKind.RightsTask, Id = x.TaskId, Since = x.CreatedAt, About = x.Resource }, escalated: true, now));
            var told = central.Select(p => (p.UserId, p.Email)).ToList();
            if (owners.TryGetValue(x.CreatedByUserId, out var ownerEmail)) told.Add((x.CreatedByUserId, ownerEmail));
            told = told.DistinctBy(p => p.UserId).ToList();
            var about = $"{x.Resource}, {x.Unit} ({x.CaseReference}, {x.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)})";
            if (about.Length > 200) about = about[..200];
            var link = $"/Privacy/{x.CaseId}";
            foreach (var (userId, _) in told) db.Notifications.Add(new Notification(userId, organizerId, RightsEscalatedKey, about, link, now));
            await mail.QueueNoticeAsync(db, new TaskMail(RightsEscalatedKey, about, link), told.Select(p => p.Email), now, cancellationToken);
        }
        return overdue.Count;
    }

    private static bool Reminded(TaskKind kind) => kind is not (TaskKind.RightsTask or TaskKind.SupplierDescription);

    private static DateTime StartOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), SwedishCalendar.TimeZone);

    /// <summary>Everyone at the organizer whom a task can wait on, with the roles and units their task list needs.</summary>
    private static async Task<List<Person>> PeopleAsync(EnsaDbContext db, Guid organizerId, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.Where(m => m.OrganizerId == organizerId && TaskRoles.Contains(m.Role))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.Email, u.DisplayName, m.Role, m.OrganisationUnitId })
            .ToListAsync(cancellationToken);
        return memberships.GroupBy(m => m.UserId).Select(g => new Person(g.Key, g.First().Email,
            new Actor(g.Key, g.First().DisplayName, g.Select(m => m.Role).ToHashSet(),
                g.Where(m => m.Role == Role.Principal && m.OrganisationUnitId != null).Select(m => m.OrganisationUnitId!.Value).ToHashSet()))).ToList();
    }

    private async Task NotifyAsync(EnsaDbContext db, Guid organizerId, WaitingTask task, IReadOnlyList<Person> people, bool escalated,
        DateTime now, CancellationToken cancellationToken)
    {
        var key = escalated ? "Notify.TaskEscalated" : "Notify.TaskReminder";
        var about = task.About.Length > 150 ? task.About[..150] : task.About;
        foreach (var person in people) db.Notifications.Add(new Notification(person.UserId, organizerId, key, about, "/Inbox", now));
        await mail.QueueNoticeAsync(db, new TaskReminderMail(task.Kind, task.About, task.Since, escalated), people.Select(p => p.Email), now,
            cancellationToken);
    }
}
