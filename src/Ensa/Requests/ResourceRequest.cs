using Ensa.Common;
using Ensa.Resources;

namespace Ensa.Requests;

public enum RequestStatus
{
    Draft,
    AwaitingPrincipal,
    SentBack,
    InReview,
    AwaitingAgreement,
    Approved,
    ApprovedWithConditions,
    NotApproved,
    InUse,
    /// <summary>Was in use at the unit; use has ended.</summary>
    UseEnded,
    /// <summary>The requester withdrew it before it was decided.</summary>
    Withdrawn,
}

/// <summary>The steps of a request, each one method of <see cref="ResourceRequest"/>.</summary>
public enum RequestStep
{
    Edit, Submit, ApproveAsPrincipal, SendBack, LinkResource, ApplyStandingDecision, RecordReview, RecordSecurityReview, WaiveSecurityReview, Decide, Reopen,
    RecordPurchase, NameResponsibles, ConfirmTraining, EndUse, HandOver, Withdraw,
}

[Flags]
public enum RequestUsers { None = 0, Staff = 1, Pupils = 2 }

public enum YesNoUnknown { Unknown, Yes, No }

/// <summary>What the requester fills in (step 0). Kept together so drafts and submissions share one shape.</summary>
public sealed record RequestDetails
{
    public Guid? ResourceId { get; init; }
    public string? ProposedName { get; init; }
    public string? ProposedSupplier { get; init; }
    public string? ProposedWebAddress { get; init; }
    public string Need { get; init; } = "";
    public RequestUsers Users { get; init; }
    public string? Grades { get; init; }
    public int? ApproxUsers { get; init; }
    public string? PersonalData { get; init; }
    public YesNoUnknown ProtectedIdentity { get; init; }
    public SignInMethods SignInMethod { get; init; }
    public bool Paid { get; init; }
    public decimal? Cost { get; init; }
    public string? LicencePeriod { get; init; }
    public bool IsBookWithDigitalPart { get; init; }
}

/// <summary>A request to use a learning resource at a school unit, from request to use (the city's steps 0–4).
/// Every transition is a method that refuses an illegal step with a <see cref="DomainError"/>.</summary>
public sealed class ResourceRequest : IOrganizerOwned, IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int WebAddressMaxLength = 500;
    public const int TextMaxLength = 4000;
    public const int GradesMaxLength = 100;
    public const int ShortTextMaxLength = 200;

    private readonly List<RequestEvent> _events = [];

    private ResourceRequest() { }

    public static ResourceRequest CreateDraft(Guid organizerId, Guid schoolUnitId, Actor requester, RequestDetails details, DateTime now)
    {
        var request = new ResourceRequest
        {
            Id = Guid.NewGuid(),
            OrganizerId = organizerId,
            SchoolUnitId = schoolUnitId,
            RequesterId = requester.UserId,
            CreatedAt = now,
            UpdatedAt = now,
            Status = RequestStatus.Draft,
        };
        request.Apply(details);
        request.Log(RequestEventKind.Created, requester, now);
        return request;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid SchoolUnitId { get; private set; }
    public Guid RequesterId { get; private set; }
    public RequestStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    /// <summary>When the request reached the central department (the queue's age).</summary>
    public DateTime? ReviewQueuedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    /// <summary>The organizer's decision on the resource that approved this request without a new review, if any.</summary>
    public Guid? StandingDecisionId { get; private set; }

    public Guid? ResourceId { get; private set; }
    public string? ProposedName { get; private set; }
    public string? ProposedSupplier { get; private set; }
    public string? ProposedWebAddress { get; private set; }
    public string Need { get; private set; } = "";
    public RequestUsers Users { get; private set; }
    public string? Grades { get; private set; }
    public int? ApproxUsers { get; private set; }
    public string? PersonalData { get; private set; }
    public YesNoUnknown ProtectedIdentity { get; private set; }
    public SignInMethods SignInMethod { get; private set; }
    public bool Paid { get; private set; }
    public decimal? Cost { get; private set; }
    public string? LicencePeriod { get; private set; }
    public bool IsBookWithDigitalPart { get; private set; }

    public IReadOnlyList<RequestEvent> Events => _events;
    public Purchase? Purchase { get; private set; }
    public ResourceUse? Use { get; private set; }

    public bool IsDecided => Status is RequestStatus.Approved or RequestStatus.ApprovedWithConditions or RequestStatus.NotApproved or RequestStatus.InUse or RequestStatus.UseEnded;
    public bool IsApproved => Status is RequestStatus.Approved or RequestStatus.ApprovedWithConditions or RequestStatus.InUse;

    /// <summary>The steps <paramref name="actor"/> may take now; each step method refuses the others.</summary>
    public IReadOnlySet<RequestStep> AllowedSteps(Actor actor) => Steps.Allowed<RequestStep>(s => Check(actor, s));

    /// <summary>The requester changes a draft or a request sent back to them.</summary>
    public Result Edit(Actor actor, RequestDetails details, DateTime now)
    {
        if (Check(actor, RequestStep.Edit) is { Succeeded: false } refused) return refused;
        Apply(details);
        UpdatedAt = now;
        return Result.Ok;
    }

    /// <summary>Step 0 → 1: to the principal, or straight on when the requester is the unit's principal (see
    /// <see cref="ApproveAsPrincipal"/>).</summary>
    public Result Submit(Actor actor, DateTime now, ResourceDecision? standing = null)
    {
        if (Check(actor, RequestStep.Submit) is { Succeeded: false } refused) return refused;
        if (MissingForSubmission(Details()) is [var missing, ..]) return missing;
        SubmittedAt = now;
        Log(RequestEventKind.Submitted, actor, now);
        if (actor.IsPrincipalOf(SchoolUnitId)) ToReview(actor, standing, now);
        else Status = RequestStatus.AwaitingPrincipal;
        return Result.Ok;
    }

    /// <summary>Everything <paramref name="details"/> still lacks to be submitted, so a form can say it all at once.</summary>
    public static IReadOnlyList<DomainError> MissingForSubmission(RequestDetails details)
    {
        var missing = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(details.Need)) missing.Add(new DomainError("Request.NeedMissing"));
        if (details.ResourceId is null && string.IsNullOrWhiteSpace(details.ProposedName)) missing.Add(new DomainError("Request.ResourceMissing"));
        return missing;
    }

    /// <summary>Step 1 → 2: to the central department's review; or, when <paramref name="standing"/> (the organizer's
    /// current decision on the resource) approves it, approved at once, and the unit goes on to name its people.</summary>
    public Result ApproveAsPrincipal(Actor actor, DateTime now, ResourceDecision? standing = null)
    {
        if (Check(actor, RequestStep.ApproveAsPrincipal) is { Succeeded: false } refused) return refused;
        Log(RequestEventKind.PrincipalApproved, actor, now);
        ToReview(actor, standing, now);
        return Result.Ok;
    }

    /// <summary>A reviewer applies the organizer's current decision on the linked resource instead of a new review.</summary>
    public Result ApplyStandingDecision(Actor actor, ResourceDecision? standing, DateTime now)
    {
        if (Check(actor, RequestStep.ApplyStandingDecision) is { Succeeded: false } refused) return refused;
        if (!Fits(standing)) return new DomainError("Request.NoStandingDecision");
        ApproveBy(standing!, actor, now);
        return Result.Ok;
    }

    private bool Fits(ResourceDecision? standing) =>
        standing is { Approves: true, SupersededAt: null } && standing.OrganizerId == OrganizerId && standing.ResourceId == ResourceId;

    private void ApproveBy(ResourceDecision standing, Actor actor, DateTime now)
    {
        StandingDecisionId = standing.Id;
        Status = standing.Decision == Decision.ApprovedWithConditions ? RequestStatus.ApprovedWithConditions : RequestStatus.Approved;
        DecidedAt = now;
        Log(RequestEventKind.ApprovedByStandingDecision, actor, now, standing.Conditions);
    }

    public Result SendBack(Actor actor, string comment, DateTime now)
    {
        if (Check(actor, RequestStep.SendBack) is { Succeeded: false } refused) return refused;
        if (string.IsNullOrWhiteSpace(comment)) return new DomainError("Request.CommentMissing");
        Status = RequestStatus.SentBack;
        Log(RequestEventKind.SentBack, actor, now, comment.Trim());
        return Result.Ok;
    }

    /// <summary>The reviewer ties a request for a new resource to the catalogue entry describing it.</summary>
    public Result LinkResource(Actor actor, Guid resourceId, DateTime now)
    {
        if (Check(actor, RequestStep.LinkResource) is { Succeeded: false } refused) return refused;
        ResourceId = resourceId;
        Log(RequestEventKind.ResourceLinked, actor, now);
        return Result.Ok;
    }

    /// <summary>Checks that the reviewer's part of <paramref name="review"/> may be recorded now.</summary>
    public Result RecordReview(Actor actor, ResourceReview review, DateTime now)
    {
        if (Check(actor, RequestStep.RecordReview) is { Succeeded: false } refused) return refused;
        if (review.RequestId != Id) throw new ArgumentException("The review belongs to another request.", nameof(review));
        Log(RequestEventKind.ReviewRecorded, actor, now);
        return Result.Ok;
    }

    public Result RecordSecurityReview(Actor actor, ResourceReview review, DateTime now)
    {
        if (Check(actor, RequestStep.RecordSecurityReview) is { Succeeded: false } refused) return refused;
        if (review.RequestId != Id) throw new ArgumentException("The review belongs to another request.", nameof(review));
        Log(RequestEventKind.SecurityReviewRecorded, actor, now);
        return Result.Ok;
    }

    /// <summary>A central reviewer records that the security coordinator's part is not needed for this request, and why.</summary>
    public Result WaiveSecurityReview(Actor actor, ResourceReview review, string reason, DateTime now)
    {
        if (Check(actor, RequestStep.WaiveSecurityReview) is { Succeeded: false } refused) return refused;
        if (review.RequestId != Id) throw new ArgumentException("The review belongs to another request.", nameof(review));
        if (review.SecurityAssessedAt is not null) return new DomainError("Request.SecurityAlreadyRecorded");
        if (string.IsNullOrWhiteSpace(reason)) return new DomainError("Request.WaiverReasonMissing");
        review.WaiveSecurity(actor, reason, now);
        Log(RequestEventKind.SecurityReviewWaived, actor, now, review.SecurityWaiverReason);
        return Result.Ok;
    }

    /// <summary>Step 2 → 3. An approval waits when an agreement is needed and none is in force
    /// (<paramref name="agreementInForce"/>: the organizer has an agreement in force for the resource): the decision and
    /// its conditions are kept on the review and applied by <see cref="ApplyPendingDecision"/>.</summary>
    public Result Decide(Actor actor, ResourceReview review, Decision decision, string? conditions, string? reason, DateTime now,
        bool agreementInForce = false)
    {
        if (Check(actor, RequestStep.Decide) is { Succeeded: false } refused) return refused;
        if (review.RequestId != Id) throw new ArgumentException("The review belongs to another request.", nameof(review));
        if (review.ReviewedAt is null) return new DomainError("Request.ReviewMissing");
        if (review.ProcessesPersonalData && !review.SecurityPartSettled) return new DomainError("Request.SecurityPartMissing");
        if (decision == Decision.ApprovedWithConditions && string.IsNullOrWhiteSpace(conditions)) return new DomainError("Request.ConditionsMissing");
        if (decision == Decision.NotApproved && string.IsNullOrWhiteSpace(reason)) return new DomainError("Request.ReasonMissing");

        if (decision != Decision.NotApproved && review.AgreementNeed == AgreementNeed.Needed && !agreementInForce)
        {
            review.HoldDecision(actor, decision, conditions, now);
            if (Status != RequestStatus.AwaitingAgreement)
            {
                Status = RequestStatus.AwaitingAgreement;
                Log(RequestEventKind.WaitingForAgreement, actor, now, review.PendingConditions);
            }
            return Result.Ok;
        }
        Conclude(actor, review, decision, conditions, reason, now);
        return Result.Ok;
    }

    /// <summary>The organizer's agreement for the resource came into force: the decision held while waiting takes effect,
    /// in the name of the reviewer who made it. A request without one stays waiting for a reviewer.</summary>
    public Result ApplyPendingDecision(ResourceReview review, DateTime now)
    {
        if (review.RequestId != Id) throw new ArgumentException("The review belongs to another request.", nameof(review));
        if (Status != RequestStatus.AwaitingAgreement) return new DomainError("Request.NotAwaitingAgreement");
        if (review is not { PendingDecision: { } decision, PendingDecider: { } decider }) return new DomainError("Request.NoPendingDecision");
        Conclude(decider, review, decision, review.PendingConditions, null, now);
        return Result.Ok;
    }

    private void Conclude(Actor actor, ResourceReview review, Decision decision, string? conditions, string? reason, DateTime now)
    {
        review.Decide(actor, decision, conditions, reason, ResourceId!.Value, now);
        Status = decision switch
        {
            Decision.Approved => RequestStatus.Approved,
            Decision.ApprovedWithConditions => RequestStatus.ApprovedWithConditions,
            _ => RequestStatus.NotApproved,
        };
        DecidedAt = now;
        Log(RequestEventKind.Decided, actor, now, decision == Decision.NotApproved ? review.Reason : review.Conditions);
    }

    /// <summary>A decided request is reviewed again (the service or the law changed): the old review stays as history.</summary>
    public Result Reopen(Actor actor, string reason, DateTime now)
    {
        if (Check(actor, RequestStep.Reopen) is { Succeeded: false } refused) return refused;
        if (string.IsNullOrWhiteSpace(reason)) return new DomainError("Request.ReasonMissing");
        Status = RequestStatus.InReview;
        ReviewQueuedAt = now;
        DecidedAt = null;
        StandingDecisionId = null;
        Log(RequestEventKind.ReopenedForReview, actor, now, reason.Trim());
        return Result.Ok;
    }

    public Result RecordPurchase(Actor actor, Purchase purchase, DateTime now)
    {
        if (Check(actor, RequestStep.RecordPurchase) is { Succeeded: false } refused) return refused;
        if (Purchase is null) Purchase = purchase.For(this);
        else Purchase.CopyFrom(purchase);
        Log(RequestEventKind.PurchaseRecorded, actor, now);
        return Result.Ok;
    }

    /// <summary>Step 4: the unit names its registeransvarig and local system administrator for the service.</summary>
    public Result NameResponsibles(Actor actor, Guid registeransvarigUserId, string administratorName, string administratorEmail, DateTime now)
    {
        if (Check(actor, RequestStep.NameResponsibles) is { Succeeded: false } refused) return refused;
        if (string.IsNullOrWhiteSpace(administratorName) || string.IsNullOrWhiteSpace(administratorEmail))
            return new DomainError("Request.AdministratorMissing");
        Use ??= new ResourceUse(this);
        Use.Name(registeransvarigUserId, administratorName.Trim(), administratorEmail.Trim());
        Log(RequestEventKind.ResponsiblesNamed, actor, now);
        CompleteIfReady(actor, now);
        return Result.Ok;
    }

    public Result ConfirmTraining(Actor actor, DateTime now)
    {
        if (Check(actor, RequestStep.ConfirmTraining) is { Succeeded: false } refused) return refused;
        Use ??= new ResourceUse(this);
        Use.ConfirmTraining(now);
        Log(RequestEventKind.TrainingConfirmed, actor, now);
        CompleteIfReady(actor, now);
        return Result.Ok;
    }

    /// <summary>Use at the unit ends: the date, and whether the supplier's data for the unit was removed.</summary>
    public Result EndUse(Actor actor, DateOnly endedOn, bool supplierDataRemoved, string? note, DateTime now)
    {
        if (Check(actor, RequestStep.EndUse) is { Succeeded: false } refused) return refused;
        if (Use!.InUseSince is { } since && endedOn < SwedishCalendar.DateOf(since)) return new DomainError("Request.EndBeforeStart");
        Use.End(endedOn, supplierDataRemoved, note);
        Status = RequestStatus.UseEnded;
        Log(RequestEventKind.UseEnded, actor, now, note);
        return Result.Ok;
    }

    /// <summary>The central department gives an open request to another requester (the first one has left).</summary>
    public Result HandOver(Actor actor, Guid requesterId, DateTime now)
    {
        if (Check(actor, RequestStep.HandOver) is { Succeeded: false } refused) return refused;
        RequesterId = requesterId;
        UpdatedAt = now;
        Log(RequestEventKind.HandedOver, actor, now);
        return Result.Ok;
    }

    /// <summary>The requester takes back a submitted request that is not yet decided; it leaves every queue.</summary>
    public Result Withdraw(Actor actor, DateTime now)
    {
        if (Check(actor, RequestStep.Withdraw) is { Succeeded: false } refused) return refused;
        Status = RequestStatus.Withdrawn;
        Log(RequestEventKind.Withdrawn, actor, now);
        return Result.Ok;
    }

    /// <summary>Who may take <paramref name="step"/> in the current state; the step checks its own input.</summary>
    private Result Check(Actor actor, RequestStep step)
    {
        var requester = actor.UserId == RequesterId;
        var principal = actor.IsPrincipalOf(SchoolUnitId);
        return step switch
        {
            RequestStep.Edit => !requester ? new DomainError("Request.OnlyRequester")
                : Status is not (RequestStatus.Draft or RequestStatus.SentBack) ? new DomainError("Request.NotEditable") : Result.Ok,
            RequestStep.Submit => !requester ? new DomainError("Request.OnlyRequester")
                : Status is not (RequestStatus.Draft or RequestStatus.SentBack) ? new DomainError("Request.AlreadySubmitted") : Result.Ok,
            RequestStep.ApproveAsPrincipal or RequestStep.SendBack => !principal ? new DomainError("Request.NotPrincipalOfUnit")
                : Status != RequestStatus.AwaitingPrincipal ? new DomainError("Request.NotAwaitingPrincipal") : Result.Ok,
            RequestStep.LinkResource => !actor.IsReviewer ? new DomainError("Request.NotReviewer")
                : !InReviewStage ? new DomainError("Request.NotInReview") : Result.Ok,
            RequestStep.ApplyStandingDecision => !actor.IsReviewer ? new DomainError("Request.NotReviewer")
                : Status != RequestStatus.InReview ? new DomainError("Request.NotInReview")
                : ResourceId is null ? new DomainError("Request.ResourceNotLinked") : Result.Ok,
            RequestStep.RecordReview => !actor.IsReviewer ? new DomainError("Request.NotReviewer")
                : requester ? new DomainError("Request.OwnRequest")
                : !InReviewStage ? new DomainError("Request.NotInReview") : Result.Ok,
            RequestStep.WaiveSecurityReview => !actor.IsReviewer ? new DomainError("Request.NotReviewer")
                : requester ? new DomainError("Request.OwnRequest")
                : !InReviewStage ? new DomainError("Request.NotInReview") : Result.Ok,
            RequestStep.RecordSecurityReview => !actor.IsSecurityCoordinator ? new DomainError("Request.NotSecurityCoordinator")
                : !InReviewStage ? new DomainError("Request.NotInReview") : Result.Ok,
            RequestStep.Decide => !actor.IsReviewer ? new DomainError("Request.NotReviewer")
                : requester ? new DomainError("Request.OwnRequest")
                : IsDecided ? new DomainError("Request.AlreadyDecided")
                : !InReviewStage ? new DomainError("Request.NotInReview")
                : ResourceId is null ? new DomainError("Request.ResourceNotLinked") : Result.Ok,
            RequestStep.Reopen => !actor.IsReviewer ? new DomainError("Request.NotReviewer")
                : !IsDecided ? new DomainError("Request.NotDecided") : Result.Ok,
            RequestStep.RecordPurchase => !actor.IsReviewer ? new DomainError("Request.NotReviewer")
                : !IsApproved ? new DomainError("Request.NotApproved") : Result.Ok,
            RequestStep.NameResponsibles => !principal && !actor.IsReviewer ? new DomainError("Request.NotPrincipalOfUnit")
                : !IsApproved ? new DomainError("Request.NotApproved") : Result.Ok,
            RequestStep.ConfirmTraining => !principal ? new DomainError("Request.NotPrincipalOfUnit")
                : !IsApproved ? new DomainError("Request.NotApproved")
                : Use?.TrainingConfirmedAt is not null ? new DomainError("Request.TrainingAlreadyConfirmed") : Result.Ok,
            RequestStep.EndUse => !principal && !actor.IsReviewer ? new DomainError("Request.NotPrincipalOfUnit")
                : Status != RequestStatus.InUse || Use is null ? new DomainError("Request.NotInUse") : Result.Ok,
            RequestStep.HandOver => !actor.IsReviewer ? new DomainError("Request.NotReviewer")
                : IsDecided ? new DomainError("Request.AlreadyDecided")
                : Status == RequestStatus.Withdrawn ? new DomainError("Request.AlreadyWithdrawn") : Result.Ok,
            RequestStep.Withdraw => !requester ? new DomainError("Request.OnlyRequesterWithdraws")
                : Status == RequestStatus.Draft ? new DomainError("Request.DraftNotWithdrawable")
                : Status == RequestStatus.Withdrawn ? new DomainError("Request.AlreadyWithdrawn")
                : IsDecided ? new DomainError("Request.DecidedNotWithdrawable") : Result.Ok,
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }

    private bool InReviewStage => Status is RequestStatus.InReview or RequestStatus.AwaitingAgreement;

    private void CompleteIfReady(Actor actor, DateTime now)
    {
        if (Status == RequestStatus.InUse || Use is not { IsComplete: true }) return;
        Use.StartUse(now);
        Status = RequestStatus.InUse;
        Log(RequestEventKind.InUse, actor, now);
    }

    private void ToReview(Actor actor, ResourceDecision? standing, DateTime now)
    {
        Status = RequestStatus.InReview;
        ReviewQueuedAt = now;
        if (Fits(standing)) ApproveBy(standing!, actor, now);
    }

    private void Apply(RequestDetails d)
    {
        ResourceId = d.ResourceId;
        (ProposedName, ProposedSupplier, ProposedWebAddress) = d.ResourceId is null
            ? (Trim(d.ProposedName), Trim(d.ProposedSupplier), Trim(d.ProposedWebAddress))
            : (null, null, null);
        Need = d.Need.Trim();
        Users = d.Users;
        Grades = Trim(d.Grades);
        ApproxUsers = d.ApproxUsers;
        PersonalData = Trim(d.PersonalData);
        ProtectedIdentity = d.ProtectedIdentity;
        SignInMethod = d.SignInMethod;
        Paid = d.Paid;
        Cost = d.Paid ? d.Cost : null;
        LicencePeriod = Trim(d.LicencePeriod);
        IsBookWithDigitalPart = d.IsBookWithDigitalPart;
    }

    public RequestDetails Details() => new()
    {
        ResourceId = ResourceId,
        ProposedName = ProposedName,
        ProposedSupplier = ProposedSupplier,
        ProposedWebAddress = ProposedWebAddress,
        Need = Need,
        Users = Users,
        Grades = Grades,
        ApproxUsers = ApproxUsers,
        PersonalData = PersonalData,
        ProtectedIdentity = ProtectedIdentity,
        SignInMethod = SignInMethod,
        Paid = Paid,
        Cost = Cost,
        LicencePeriod = LicencePeriod,
        IsBookWithDigitalPart = IsBookWithDigitalPart,
    };

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private void Log(RequestEventKind kind, Actor actor, DateTime now, string? comment = null)
    {
        _events.Add(new RequestEvent(OrganizerId, Id, kind, actor, now, comment));
        UpdatedAt = now;
    }
}
