using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Ensa.Common;

namespace Ensa.Privacy;

/// <summary>Erasure (Art. 17, e.g. a pupil leaves) or access (Art. 15).</summary>
public enum RightsKind { Removal, Access }

/// <summary>A task's outcome. <see cref="SupplierMustAct"/>: the administrator could not remove the data and the supplier
/// must; the case shows it after it closes. New values go last: the column holds the number.</summary>
public enum RightsTaskStatus { Open, Done, NoDataHeld, SupplierMustAct, NotUsed }

/// <summary>The steps on one task of a rights request.</summary>
public enum RightsStep { Answer, IssueNewLink }

/// <summary>A resource in use at a school unit, with the local system administrator who answers for it there.</summary>
public sealed record UseAtUnit(Guid RequestId, Guid SchoolUnitId, Guid ResourceId, string AdministratorName, string AdministratorEmail);

/// <summary>A data subject's request acted on across the services in use at some school units: one task per resource in
/// use at each unit named, for that use's local system administrator, due within the legal month (Art. 12(3)). The
/// person is known only by a case reference: Ensa never holds their personal identity number.</summary>
public sealed partial class RightsRequest : IOrganizerOwned, IAudited, IVersioned
{
    public const int ReferenceMaxLength = 100;
    private readonly List<RightsTask> _tasks = [];
    private readonly List<RightsRequestUnit> _units = [];

    private RightsRequest() { }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public RightsKind Kind { get; private set; }
    /// <summary>The organizer's own case or registry reference, e.g. "BUN 2026/311".</summary>
    public string CaseReference { get; private set; } = "";
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly Deadline { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public IReadOnlyList<RightsTask> Tasks => _tasks;
    public IReadOnlyList<RightsRequestUnit> Units => _units;
    public bool IsClosed => ClosedAt is not null;

    /// <summary>Opens the case with its tasks; returns each task's one-time link token (only hashes are stored), to be
    /// e-mailed to the administrator.</summary>
    public static Result Open(Guid organizerId, RightsKind kind, string caseReference, DateOnly receivedOn, IReadOnlyCollection<Guid> unitIds,
        IReadOnlyCollection<UseAtUnit> usesAtUnits, Actor actor, DateTime now, out RightsRequest? request, out IReadOnlyList<(RightsTask Task, string Token)> tokens)
    {
        (request, tokens) = (null, []);
        if (!actor.IsReviewer && !actor.IsSecurityCoordinator) return new DomainError("Rights.NotCentral");
        var reference = caseReference?.Trim() ?? "";
        if (reference.Length == 0) return new DomainError("Rights.ReferenceMissing");
        if (reference.Length > ReferenceMaxLength) return new DomainError("Rights.ReferenceTooLong");
        if (LooksLikePersonalIdentityNumber(reference)) return new DomainError("Rights.NoPersonalIdentityNumber");
        if (unitIds.Count == 0) return new DomainError("Rights.UnitsMissing");
        if (receivedOn > SwedishCalendar.Today(now)) return new DomainError("Rights.ReceivedInFuture");

        var created = new RightsRequest
        {
            Id = Guid.NewGuid(), OrganizerId = organizerId, Kind = kind, CaseReference = reference, ReceivedOn = receivedOn,
            Deadline = receivedOn.AddMonths(1), CreatedByUserId = actor.UserId, CreatedByName = actor.Name, CreatedAt = now,
        };
        created._units.AddRange(unitIds.Distinct().Select(u => new RightsRequestUnit(created, u)));
        var issued = new List<(RightsTask, string)>();
        foreach (var use in usesAtUnits.Where(u => unitIds.Contains(u.SchoolUnitId)).DistinctBy(u => (u.SchoolUnitId, u.ResourceId)))
        {
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            var task = new RightsTask(created, use, Hash(token));
            created._tasks.Add(task);
            issued.Add((task, token));
        }
        // Nothing in use at the units: nothing to ask anyone; the case closes at once, and the report says so.
        if (created._tasks.Count == 0) created.ClosedAt = now;
        (request, tokens) = (created, issued);
        return Result.Ok;
    }

    /// <summary>The steps <paramref name="actor"/> may take now on the task <paramref name="taskId"/>.</summary>
    public IReadOnlySet<RightsStep> AllowedSteps(Actor actor, Guid taskId) => Steps.Allowed<RightsStep>(s => Check(actor, s, taskId));

    /// <summary>The task's administrator (by its link, as <see cref="RightsTask.LinkHolder"/>) or a central user (on their
    /// behalf, as <paramref name="answeredBy"/> says) answers a task; the case closes when the last one is answered.</summary>
    public Result Answer(Actor actor, Guid taskId, RightsTaskStatus status, string? answer, string answeredBy, DateTime now)
    {
        if (Check(actor, RightsStep.Answer, taskId) is { Succeeded: false } refused) return refused;
        if (answer?.Length > RightsTask.AnswerMaxLength) return new DomainError("Rights.AnswerTooLong");
        if (status == RightsTaskStatus.Open) return new DomainError("Rights.AnswerMissing");
        if (!Outcomes(Kind).Contains(status)) return new DomainError("Rights.OutcomeNotForKind");
        var task = TaskOf(taskId);
        if (Kind == RightsKind.Access && status == RightsTaskStatus.Done && string.IsNullOrWhiteSpace(answer))
            return new DomainError("Rights.AccessAnswerMissing");
        if (status == RightsTaskStatus.SupplierMustAct && string.IsNullOrWhiteSpace(answer))
            return new DomainError("Rights.SupplierActionMissing");
        task.Complete(status, answer, answeredBy, now);
        if (_tasks.All(t => t.Status != RightsTaskStatus.Open)) ClosedAt = now;
        return Result.Ok;
    }

    /// <summary>The outcomes a task of <paramref name="kind"/> may be answered with, in the order the forms offer them.</summary>
    public static IReadOnlyList<RightsTaskStatus> Outcomes(RightsKind kind) => kind == RightsKind.Removal
        ? [RightsTaskStatus.Done, RightsTaskStatus.SupplierMustAct, RightsTaskStatus.NotUsed, RightsTaskStatus.NoDataHeld]
        : [RightsTaskStatus.Done, RightsTaskStatus.NotUsed, RightsTaskStatus.NoDataHeld];

    public bool IsOverdue(DateOnly today) => !IsClosed && today > Deadline;

    /// <summary>A new link for an open task, at the administrator's request (e.g. the old one ended or was lost); the old
    /// link stops working at once. Returns the token to e-mail.</summary>
    public Result IssueNewLink(Actor actor, Guid taskId, DateTime now, out string? token)
    {
        token = null;
        if (Check(actor, RightsStep.IssueNewLink, taskId) is { Succeeded: false } refused) return refused;
        token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        TaskOf(taskId).Relink(Hash(token), now);
        return Result.Ok;
    }

    /// <summary>The central department takes both steps on any task; the holder of a task's link only answers that task
    /// (whether the link still works is checked where it is read, <see cref="RightsTask.LinkOpen"/>).</summary>
    private Result Check(Actor actor, RightsStep step, Guid taskId)
    {
        var task = TaskOf(taskId);
        var central = actor.IsReviewer || actor.IsSecurityCoordinator;
        if (!central && !(step == RightsStep.Answer && task.IsLinkHolder(actor))) return new DomainError("Rights.NotCentralOrLinkHolder");
        if (IsClosed) return new DomainError("Rights.Closed");
        if (task.Status != RightsTaskStatus.Open) return new DomainError("Rights.TaskAnswered");
        return Result.Ok;
    }

    private RightsTask TaskOf(Guid taskId) =>
        _tasks.SingleOrDefault(t => t.Id == taskId) ?? throw new ArgumentException("No such task.", nameof(taskId));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>YYMMDD-NNNN or YYYYMMDDNNNN, with or without a separator: refused so that no one stores one by habit.</summary>
    public static bool LooksLikePersonalIdentityNumber(string text) => PersonalIdentityNumber().IsMatch(text);

    [GeneratedRegex(@"(?<!\d)(\d{2})?\d{6}[-+ ]?\d{4}(?!\d)", RegexOptions.None, 1000)]
    private static partial Regex PersonalIdentityNumber();
}

/// <summary>A school unit a rights request names.</summary>
public sealed class RightsRequestUnit : IOrganizerOwned
{
    private RightsRequestUnit() { }

    internal RightsRequestUnit(RightsRequest request, Guid schoolUnitId)
    {
        Id = Guid.NewGuid();
        OrganizerId = request.OrganizerId;
        RightsRequestId = request.Id;
        SchoolUnitId = schoolUnitId;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid RightsRequestId { get; private set; }
    public Guid SchoolUnitId { get; private set; }
}

/// <summary>One service's administrator at one unit: confirm the person's data is removed (or none was held), or for an
/// access request, say what the supplier holds.</summary>
public sealed class RightsTask : IOrganizerOwned, IAudited
{
    public const int AnswerMaxLength = 4000;
    /// <summary>How long a link keeps working after the case's deadline (or after a new link was issued, if later).</summary>
    public const int LinkGraceDays = 14;

    private RightsTask() { }

    internal RightsTask(RightsRequest request, UseAtUnit use, string tokenHash)
    {
        Id = Guid.NewGuid();
        OrganizerId = request.OrganizerId;
        RightsRequestId = request.Id;
        ResourceRequestId = use.RequestId;
        SchoolUnitId = use.SchoolUnitId;
        ResourceId = use.ResourceId;
        AdministratorName = use.AdministratorName;
        AdministratorEmail = use.AdministratorEmail;
        TokenHash = tokenHash;
        Status = RightsTaskStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid RightsRequestId { get; private set; }
    public Guid ResourceRequestId { get; private set; }
    public Guid SchoolUnitId { get; private set; }
    public Guid ResourceId { get; private set; }
    public string AdministratorName { get; private set; } = "";
    public string AdministratorEmail { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public RightsTaskStatus Status { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public DateTime? RemindedAt { get; private set; }
    /// <summary>When the current link was issued, if not with the case.</summary>
    public DateTime? LinkIssuedAt { get; private set; }

    /// <summary>Whether the task's link still answers: only while the task is open and the case is not closed, and until
    /// <see cref="LinkGraceDays"/> days after the deadline (or after the current link was issued, if later).
    /// <paramref name="today"/> is the organizer's date.</summary>
    public bool LinkOpen(RightsRequest request, DateOnly today)
    {
        if (Status != RightsTaskStatus.Open || request.IsClosed) return false;
        var from = LinkIssuedAt is { } issued && SwedishCalendar.DateOf(issued) > request.Deadline ? SwedishCalendar.DateOf(issued) : request.Deadline;
        return today <= from.AddDays(LinkGraceDays);
    }

    /// <summary>Who answers by the task's link: no account, so the task's own id stands for theirs, and the link is the
    /// proof (only its hash is stored).</summary>
    public Actor LinkHolder => Actor.OrganizerStaff(Id, AdministratorName, new HashSet<Identity.Role>());

    internal bool IsLinkHolder(Actor actor) => actor.UserId == Id;

    internal void Relink(string tokenHash, DateTime now)
    {
        TokenHash = tokenHash;
        LinkIssuedAt = now;
    }

    internal void Complete(RightsTaskStatus status, string? answer, string answeredBy, DateTime now)
    {
        Status = status;
        Answer = string.IsNullOrWhiteSpace(answer) ? null : answer.Trim();
        AnsweredBy = answeredBy;
        AnsweredAt = now;
    }

    /// <summary>An overdue task reminds its administrator, at most once a week.</summary>
    public bool NeedsReminder(DateOnly deadline, DateTime now) =>
        Status == RightsTaskStatus.Open && SwedishCalendar.Today(now) > deadline && (RemindedAt is null || now - RemindedAt >= TimeSpan.FromDays(7));

    public void MarkReminded(DateTime now) => RemindedAt = now;
}
