using Ensa.Common;

namespace Ensa.Requests;

public enum Decision { Approved, ApprovedWithConditions, NotApproved }

public enum AgreementNeed { NotNeeded, Needed, AlreadySigned }

public enum AccessibilityAssessment { NotAssessed, Good, Shortcomings, Inaccessible }

/// <summary>The central department's structured review of a resource for one request (step 2), with the
/// security coordinator's part. A re-review is a new review; old ones stay as history. An organizer may share
/// a decided review with other organizers (opt-in).</summary>
public sealed class ResourceReview : IOrganizerOwned, IAudited
{
    public const int TextMaxLength = 4000;

    private ResourceReview() { }

    public ResourceReview(ResourceRequest request, DateTime now)
    {
        Id = Guid.NewGuid();
        OrganizerId = request.OrganizerId;
        RequestId = request.Id;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid RequestId { get; private set; }
    /// <summary>Set when decided: the resource the decision is about.</summary>
    public Guid? ResourceId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    // Quality, pedagogy and accessibility.
    public string? PedagogicalAssessment { get; set; }
    public AccessibilityAssessment Accessibility { get; set; }
    public string? AccessibilityNotes { get; set; }

    // Information security and privacy.
    public string? PersonalDataCategories { get; set; }
    public bool SensitiveData { get; set; }
    public bool ThirdCountryTransfer { get; set; }
    public string? ThirdCountryNotes { get; set; }
    public YesNoUnknown SuitableForProtectedIdentity { get; set; }

    // DPIA screening (Art. 35): children and scale, or new technology, suggest a DPIA.
    public bool ScreeningChildren { get; set; }
    public bool ScreeningLargeScale { get; set; }
    public bool ScreeningNewTechnology { get; set; }
    public bool ScreeningSystematicMonitoring { get; set; }
    public bool DpiaNeeded { get; set; }

    public AgreementNeed AgreementNeed { get; set; }

    public Guid? ReviewerId { get; private set; }
    public string? ReviewerName { get; private set; }
    public DateTime? ReviewedAt { get; private set; }

    /// <summary>The supplier's description version the review's privacy fields were prefilled from, if any.</summary>
    public int? PrefilledFromDescriptionVersion { get; set; }

    public string? SecurityAssessment { get; private set; }
    public Guid? SecurityCoordinatorId { get; private set; }
    public string? SecurityCoordinatorName { get; private set; }
    public DateTime? SecurityAssessedAt { get; private set; }

    /// <summary>A central reviewer decided the security coordinator's part is not needed: who, when and why.</summary>
    public string? SecurityWaiverReason { get; private set; }
    public Guid? SecurityWaivedById { get; private set; }
    public string? SecurityWaivedByName { get; private set; }
    public DateTime? SecurityWaivedAt { get; private set; }

    /// <summary>An approval held until the organizer's agreement comes into force; applied then, so nobody decides twice.</summary>
    public Decision? PendingDecision { get; private set; }
    public string? PendingConditions { get; private set; }
    public Guid? PendingDecidedById { get; private set; }
    public string? PendingDecidedByName { get; private set; }
    public DateTime? PendingDecidedAt { get; private set; }

    public Decision? Decision { get; private set; }
    public string? Conditions { get; private set; }
    public string? Reason { get; private set; }
    public Guid? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    public bool Shared { get; set; }

    /// <summary>The organizer's decision on the resource this review's decision made (set when decided).</summary>
    public ResourceDecision? Outcome { get; private set; }

    /// <summary>What the screening answers suggest; the reviewer decides <see cref="DpiaNeeded"/>.</summary>
    public bool DpiaSuggested =>
        (ScreeningChildren && ScreeningLargeScale) || ScreeningNewTechnology || ScreeningSystematicMonitoring || SensitiveData;

    /// <summary>The review says personal data is processed: the reviewer named its categories or marked sensitive data.
    /// The agreement need is not the signal, since "already signed" and "not needed" say nothing of the data.</summary>
    public bool ProcessesPersonalData => !string.IsNullOrWhiteSpace(PersonalDataCategories) || SensitiveData;

    /// <summary>The security coordinator's part is done or waived.</summary>
    public bool SecurityPartSettled => SecurityAssessedAt is not null || SecurityWaivedAt is not null;

    /// <summary>Records who made the reviewer's assessment (the fields are set by the page).</summary>
    public void SignReview(Actor actor, DateTime now)
    {
        ReviewerId = actor.UserId;
        ReviewerName = actor.Name;
        ReviewedAt = now;
    }

    public void RecordSecurity(Actor actor, string assessment, DateTime now)
    {
        SecurityAssessment = assessment.Trim();
        SecurityCoordinatorId = actor.UserId;
        SecurityCoordinatorName = actor.Name;
        SecurityAssessedAt = now;
    }

    internal void WaiveSecurity(Actor actor, string reason, DateTime now) =>
        (SecurityWaiverReason, SecurityWaivedById, SecurityWaivedByName, SecurityWaivedAt) = (reason.Trim(), actor.UserId, actor.Name, now);

    internal void HoldDecision(Actor actor, Decision decision, string? conditions, DateTime now) =>
        (PendingDecision, PendingConditions, PendingDecidedById, PendingDecidedByName, PendingDecidedAt) =
        (decision, decision == Requests.Decision.ApprovedWithConditions ? conditions?.Trim() : null, actor.UserId, actor.Name, now);

    /// <summary>Who held the pending decision, to decide in their name when the agreement comes into force.</summary>
    internal Actor? PendingDecider => PendingDecidedById is { } id ? Actor.OrganizerStaff(id, PendingDecidedByName ?? "", new HashSet<Identity.Role>()) : null;

    internal void Decide(Actor actor, Decision decision, string? conditions, string? reason, Guid resourceId, DateTime now)
    {
        (PendingDecision, PendingConditions, PendingDecidedById, PendingDecidedByName, PendingDecidedAt) = (null, null, null, null, null);
        Decision = decision;
        Conditions = decision == Requests.Decision.ApprovedWithConditions ? conditions?.Trim() : null;
        Reason = decision == Requests.Decision.NotApproved ? reason?.Trim() : null;
        ResourceId = resourceId;
        DecidedById = actor.UserId;
        DecidedByName = actor.Name;
        DecidedAt = now;
        Outcome = new ResourceDecision(this, resourceId);
    }

    /// <summary>Starts a re-review from this one's assessment, to be changed where needed.</summary>
    public ResourceReview StartReReview(ResourceRequest request, DateTime now) => new(request, now)
    {
        PedagogicalAssessment = PedagogicalAssessment,
        Accessibility = Accessibility,
        AccessibilityNotes = AccessibilityNotes,
        PersonalDataCategories = PersonalDataCategories,
        SensitiveData = SensitiveData,
        ThirdCountryTransfer = ThirdCountryTransfer,
        ThirdCountryNotes = ThirdCountryNotes,
        SuitableForProtectedIdentity = SuitableForProtectedIdentity,
        ScreeningChildren = ScreeningChildren,
        ScreeningLargeScale = ScreeningLargeScale,
        ScreeningNewTechnology = ScreeningNewTechnology,
        ScreeningSystematicMonitoring = ScreeningSystematicMonitoring,
        DpiaNeeded = DpiaNeeded,
        AgreementNeed = AgreementNeed,
        PrefilledFromDescriptionVersion = PrefilledFromDescriptionVersion,
        Shared = Shared,
    };
}
