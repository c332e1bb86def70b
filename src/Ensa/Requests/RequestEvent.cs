using Ensa.Common;

namespace Ensa.Requests;

public enum RequestEventKind
{
    Created,
    Submitted,
    PrincipalApproved,
    SentBack,
    ReviewRecorded,
    SecurityReviewRecorded,
    SecurityReviewWaived,
    ResourceLinked,
    WaitingForAgreement,
    Decided,
    /// <summary>Approved by the organizer's current decision on the resource, without a new review.</summary>
    ApprovedByStandingDecision,
    ReopenedForReview,
    PurchaseRecorded,
    ResponsiblesNamed,
    TrainingConfirmed,
    InUse,
    UseEnded,
    /// <summary>The request was given to another requester.</summary>
    HandedOver,
    Withdrawn,
}

/// <summary>One step in a request's timeline: what happened, who did it and when.</summary>
public sealed class RequestEvent : Common.IOrganizerOwned
{
    public const int CommentMaxLength = 4000;

    private RequestEvent() { }

    internal RequestEvent(Guid organizerId, Guid requestId, RequestEventKind kind, Actor actor, DateTime at, string? comment)
    {
        Id = Guid.NewGuid();
        OrganizerId = organizerId;
        RequestId = requestId;
        Kind = kind;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        At = at;
        Comment = comment;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid RequestId { get; private set; }
    public RequestEventKind Kind { get; private set; }
    public Guid ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? Comment { get; private set; }
}
