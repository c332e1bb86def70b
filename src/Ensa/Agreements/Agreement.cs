using System.Linq.Expressions;
using Ensa.Common;
using Ensa.Resources;

namespace Ensa.Agreements;

public enum AgreementStatus
{
    Draft,
    SentToSupplier,
    SupplierCompleted,
    UnderReview,
    ReadyToSign,
#pragma warning disable CA1720 // "Signed" is the legal step, not a type name.
    Signed,
#pragma warning restore CA1720
    InForce,
    Terminated,
    Expired,
}

/// <summary>A step a person takes on an agreement (what Ensa itself does, noticing a version change, reminding and
/// expiring, is not one). <see cref="Agreement.AllowedSteps"/> says which an actor may take now.</summary>
public enum AgreementStep
{
    EditParts,
    SetRegistryNumber,
    Share,
    SendToSupplier,
    RemindSupplier,
    CompleteBySupplier,
    StartReview,
    UseDescription,
    RecordReview,
    RecordSecurityReview,
    ReturnToSupplier,
    ApproveForSigning,
    RecordSigning,
    /// <summary>A signatory of either party signs the agreement inside Ensa (account and two-factor).</summary>
    SignInEnsa,
    PutInForce,
    SetDates,
    RecordDeviation,
    RemoveDeviation,
    AcceptVersionChange,
    ObjectToVersionChange,
    Terminate,
    /// <summary>Shares the organizer's review (its notes, under the organizer's name) with other organizers, or stops.</summary>
    ShareReview,
    UseTemplate,
}

/// <summary>A date of an agreement in force that someone must act on before it comes.</summary>
public enum AgreementReminder { ReviewDate, EndDate }

/// <summary>How the supplier confirmed what became of the data when the agreement ended.</summary>
public enum DataDisposition { Returned, Deleted, ReturnedThenDeleted }

/// <summary>What the organizer adds to the common package: its controller (the committee or board), its contacts and
/// its registry number.</summary>
public sealed record OrganizerParts(string ControllerName, ContactPerson AgreementContact, ContactPerson DataProtectionContact,
    string? RegistryNumber = null)
{
    public bool IsComplete => !string.IsNullOrWhiteSpace(ControllerName) && AgreementContact.IsComplete && DataProtectionContact.IsComplete;
}

/// <summary>An organizer's data processing agreement (PUB-avtal) for one resource: a template version, a supplier
/// description version and the organizer's own parts. Every step is a method that refuses an illegal step with a
/// <see cref="DomainError"/>.</summary>
public sealed class Agreement : IOrganizerOwned, IAudited, IVersioned
{
    // Column lengths, used by the EF configuration and by every form that writes them.
    public const int NameMaxLength = 200;
    public const int RegistryNumberMaxLength = 100;
    public const int NotesMaxLength = 4000;
    public const int DispositionConfirmationMaxLength = 2000;
    public const int ObjectionReasonMaxLength = 4000;

    public static readonly TimeSpan DefaultObjectionPeriod = TimeSpan.FromDays(30);

    private readonly List<AgreementEvent> _events = [];
    private readonly List<AgreementSignatory> _signatories = [];
    private readonly List<AgreementDeviation> _deviations = [];

    private Agreement() { }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid ResourceId { get; private set; }
    public Guid TemplateId { get; private set; }
    public int TemplateVersion { get; private set; }
    public Guid? DescriptionId { get; private set; }
    /// <summary>Kept beside <see cref="DescriptionId"/> so "agreements on an older version" is one indexed query.</summary>
    public int? DescriptionVersion { get; private set; }
    public AgreementStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public string ControllerName { get; private set; } = "";
    public string AgreementContactName { get; private set; } = "";
    public string AgreementContactEmail { get; private set; } = "";
    public string? AgreementContactPhone { get; private set; }
    public string DataProtectionContactName { get; private set; } = "";
    public string DataProtectionContactEmail { get; private set; } = "";
    public string? DataProtectionContactPhone { get; private set; }
    /// <summary>Diarienummer: agreements are public records.</summary>
    public string? RegistryNumber { get; private set; }

    public Guid? ReviewerId { get; private set; }
    public string? ReviewerName { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string? ReviewNotes { get; private set; }
    public Guid? SecurityCoordinatorId { get; private set; }
    public string? SecurityCoordinatorName { get; private set; }
    public DateTime? SecurityReviewedAt { get; private set; }
    public string? SecurityNotes { get; private set; }
    /// <summary>Other organizers may read this agreement's review and security notes, under the organizer's name (never the
    /// reviewer's); set when a review is recorded, from the organizer's default unless chosen (<see cref="VersionAssessments"/>).</summary>
    public bool ReviewShared { get; private set; }

    public DateTime? SignedAt { get; private set; }
    public string? SignedDocumentSha256 { get; private set; }
    /// <summary>Other organizers' agreement staff may read the signed copy (opt-in; otherwise they see only a count).</summary>
    public bool SharedWithOtherOrganizers { get; private set; }
    public DateOnly? InForceFrom { get; private set; }
    public DateOnly? ReviewDate { get; private set; }
    public DateOnly? EndDate { get; private set; }

    public DateOnly? TerminatedOn { get; private set; }
    public DataDisposition? Disposition { get; private set; }
    public string? DispositionConfirmation { get; private set; }
    public DateTime? ExpiredAt { get; private set; }

    public Guid? PendingDescriptionId { get; private set; }
    public int? PendingDescriptionVersion { get; private set; }
    public DateTime? VersionChangeNotifiedAt { get; private set; }
    public DateTime? ObjectionDeadline { get; private set; }
    /// <summary>The organizer's objection to the pending version; other organizers and the supplier see that it objected.</summary>
    public string? ObjectionReason { get; private set; }
    /// <summary>The organizer chose to share its reason outside the organizer: with the supplier and with other organizers
    /// (one choice for both). Otherwise they see only that it objected.</summary>
    public bool ObjectionReasonShared { get; private set; }
    public DateTime? ObjectedAt { get; private set; }
    public string? ObjectedByName { get; private set; }

    /// <summary>The supplier's standing offer the organizer joined (kept after it left the offer, for the supplier's list).</summary>
    public Guid? StandingOfferId { get; private set; }
    /// <summary>When a deviation turned the joined offer into an ordinary negotiated agreement.</summary>
    public DateTime? LeftOfferAt { get; private set; }
    /// <summary>On the offer: the supplier's signature is the offer's, and the organizer's signature puts it in force.</summary>
    public bool IsOnOffer => StandingOfferId is not null && LeftOfferAt is null;

    public IReadOnlyList<AgreementEvent> Events => _events;
    public IReadOnlyList<AgreementSignatory> Signatories => _signatories;
    public IReadOnlyList<AgreementDeviation> Deviations => _deviations;
    /// <summary>Loaded only when asked for (Include): it holds the PDF's bytes.</summary>
    public SignedAgreementDocument? SignedDocument { get; private set; }

    public OrganizerParts Parts => new(ControllerName,
        new ContactPerson(AgreementContactName, AgreementContactEmail, AgreementContactPhone),
        new ContactPerson(DataProtectionContactName, DataProtectionContactEmail, DataProtectionContactPhone), RegistryNumber);

    private bool IsEditable => Status is AgreementStatus.Draft or AgreementStatus.SentToSupplier or AgreementStatus.SupplierCompleted
        or AgreementStatus.UnderReview;

    /// <summary>The steps <paramref name="actor"/> may take at <paramref name="now"/> (a reminder to the supplier and an
    /// objection depend on the time too). <see cref="RemindSupplier"/> needs <see cref="Events"/> loaded and
    /// <see cref="RemoveDeviation"/> <see cref="Deviations"/>.</summary>
    public IReadOnlySet<AgreementStep> AllowedSteps(Actor actor, DateTime now) => Steps.Allowed<AgreementStep>(s => Check(actor, s, now));

    /// <summary>The organizer waits for the supplier's description: it sent the agreement to the supplier, or made a draft
    /// while the supplier had published none (<paramref name="descriptions"/>: every supplier's). The supplier's inbox and
    /// portal list these; as a query.</summary>
    public static Expression<Func<Agreement, bool>> WaitsForDescription(IQueryable<SupplierDescription> descriptions) =>
        a => a.Status == AgreementStatus.SentToSupplier
             || (a.Status == AgreementStatus.Draft && a.DescriptionId == null
                 && !descriptions.Any(d => d.ResourceId == a.ResourceId && d.SupplierId == a.SupplierId && d.PublishedAt != null));

    /// <summary>Whether <paramref name="version"/> of the supplier's description is newer than the agreement's.</summary>
    public bool IsNewerDescription(int version) => version > (DescriptionVersion ?? 0);

    /// <summary>Who may take a step and whether the agreement's state allows it; each step checks its own input after.</summary>
    private Result Check(Actor actor, AgreementStep step, DateTime now)
    {
        var role = step switch
        {
            AgreementStep.CompleteBySupplier => actor.ActsFor(SupplierId) ? null : new DomainError("Agreement.NotThisSupplier"),
            AgreementStep.RecordReview or AgreementStep.ReturnToSupplier or AgreementStep.ApproveForSigning =>
                actor.IsReviewer ? null : new DomainError("Agreement.NotReviewer"),
            AgreementStep.RecordSecurityReview => actor.IsSecurityCoordinator ? null : new DomainError("Agreement.NotSecurityCoordinator"),
            AgreementStep.SignInEnsa when actor.SupplierId is not null =>
                actor.ActsFor(SupplierId) && actor.SignsForSupplier ? null : new DomainError("Agreement.NotSupplierSignatory"),
            AgreementStep.SignInEnsa => actor.IsSignatory ? null : new DomainError("Agreement.NotSignatory"),
            // The version-change notice asks the security coordinator too.
            AgreementStep.AcceptVersionChange or AgreementStep.ObjectToVersionChange or AgreementStep.ShareReview =>
                actor.IsAgreementManager || actor.IsSecurityCoordinator ? null : new DomainError("Agreement.NotManagerOrSecurityCoordinator"),
            _ => actor.IsAgreementManager ? null : new DomainError("Agreement.NotManager"),
        };
        if (role is not null) return role;
        return step switch
        {
            AgreementStep.EditParts or AgreementStep.RecordDeviation when !IsEditable => new DomainError("Agreement.NotEditable"),
            AgreementStep.RecordDeviation when DescriptionId is null => new DomainError("Agreement.DescriptionMissing"),
            AgreementStep.RemoveDeviation when !IsEditable => new DomainError("Agreement.NotEditable"),
            AgreementStep.RemoveDeviation when _deviations.Count == 0 => new DomainError("Agreement.DeviationNotFound"),
            AgreementStep.Share when SignedAt is null => new DomainError("Agreement.ShareNotSigned"),
            AgreementStep.ShareReview when ReviewedAt is null && SecurityReviewedAt is null => new DomainError("Agreement.NoReviewToShare"),
            AgreementStep.SendToSupplier when Status != AgreementStatus.Draft => new DomainError("Agreement.NotDraft"),
            AgreementStep.RemindSupplier when Status != AgreementStatus.SentToSupplier => new DomainError("Agreement.NotWithSupplier"),
            AgreementStep.RemindSupplier when LastToldSupplier is { } told && now - told.At < SupplierReminderInterval
                => new DomainError(SupplierToldRecently),
            AgreementStep.CompleteBySupplier when Status != AgreementStatus.SentToSupplier => new DomainError("Agreement.NotSentToSupplier"),
            AgreementStep.StartReview when Status is not (AgreementStatus.Draft or AgreementStatus.SupplierCompleted)
                => new DomainError("Agreement.NotReadyForReview"),
            AgreementStep.StartReview when DescriptionId is null => new DomainError("Agreement.DescriptionMissing"),
            AgreementStep.UseTemplate when !IsEditable => new DomainError("Agreement.NotEditable"),
            AgreementStep.UseDescription when Status is not (AgreementStatus.Draft or AgreementStatus.SupplierCompleted or AgreementStatus.UnderReview)
                => new DomainError("Agreement.NotEditable"),
            AgreementStep.RecordReview or AgreementStep.RecordSecurityReview or AgreementStep.ReturnToSupplier or AgreementStep.ApproveForSigning
                when Status != AgreementStatus.UnderReview => new DomainError("Agreement.NotUnderReview"),
            AgreementStep.ApproveForSigning when ReviewedAt is null || SecurityReviewedAt is null => new DomainError("Agreement.ReviewsMissing"),
            AgreementStep.ApproveForSigning when !Parts.IsComplete => new DomainError("Agreement.PartsIncomplete"),
            AgreementStep.RecordSigning or AgreementStep.SignInEnsa when Status != AgreementStatus.ReadyToSign => new DomainError("Agreement.NotReadyToSign"),
            // One way of signing per agreement: once a party has signed in Ensa, the other signs there too.
            AgreementStep.RecordSigning when _signatories.Exists(s => s.SignedAt is not null) => new DomainError("Agreement.SigningInEnsaStarted"),
            AgreementStep.RecordSigning when IsOnOffer => new DomainError("Agreement.OfferSignsInEnsa"),
            AgreementStep.SignInEnsa when _signatories.Exists(s => s.Party == PartyOf(actor)) => new DomainError("Agreement.PartyAlreadySigned"),
            // The supplier signed the offer once; its signature is taken from there.
            AgreementStep.SignInEnsa when IsOnOffer && PartyOf(actor) == AgreementParty.Supplier => new DomainError("Agreement.SignedOnOffer"),
            AgreementStep.PutInForce when Status != AgreementStatus.Signed => new DomainError("Agreement.NotSigned"),
            // Dates are set with the entry into force; after it they may move.
            AgreementStep.SetDates or AgreementStep.Terminate or AgreementStep.AcceptVersionChange or AgreementStep.ObjectToVersionChange
                when Status != AgreementStatus.InForce => new DomainError("Agreement.NotInForce"),
            AgreementStep.AcceptVersionChange or AgreementStep.ObjectToVersionChange when PendingDescriptionId is null
                => new DomainError("Agreement.NoVersionChange"),
            AgreementStep.ObjectToVersionChange when ObjectedAt is not null => new DomainError("Agreement.AlreadyObjected"),
            AgreementStep.ObjectToVersionChange when now > ObjectionDeadline => new DomainError("Agreement.ObjectionDeadlinePassed"),
            _ => Result.Ok,
        };
    }

    /// <summary>Who may start an agreement: the pages offer it from this, and <see cref="Create"/> starts with it.</summary>
    public static Result CheckCreate(Actor actor) => actor.IsAgreementManager ? Result.Ok : new DomainError("Agreement.NotManager");

    /// <summary>Starts an agreement, from the supplier's current description when there is one.</summary>
    public static Result Create(Guid organizerId, Actor actor, AgreementTemplate template, LearningResource resource,
        SupplierDescription? description, OrganizerParts parts, DateTime now, out Agreement? agreement)
    {
        agreement = null;
        if (CheckCreate(actor) is { Succeeded: false } refused) return refused;
        if (resource.SupplierId is not { } supplierId) return new DomainError("Agreement.ResourceWithoutSupplier");
        var created = new Agreement
        {
            Id = Guid.NewGuid(),
            OrganizerId = organizerId,
            SupplierId = supplierId,
            ResourceId = resource.Id,
            TemplateId = template.Id,
            TemplateVersion = template.Version,
            Status = AgreementStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (description is not null && created.Attach(description) is { } error) return error;
        created.Apply(parts);
        created.Log(AgreementEventKind.Created, actor, now);
        agreement = created;
        return Result.Ok;
    }

    /// <summary>An organizer joins the supplier's standing offer: an agreement on the offer's versions, with the
    /// organizer's parts, straight into review (the supplier described and signed it already).
    /// <paramref name="alreadyJoined"/>: the organizer has an agreement on this offer (joining twice is refused).</summary>
    public static Result JoinOffer(Guid organizerId, Actor actor, StandingOffer offer, AgreementTemplate template, LearningResource resource,
        SupplierDescription description, OrganizerParts parts, bool alreadyJoined, DateTime now, out Agreement? agreement)
    {
        agreement = null;
        if (CheckCreate(actor) is { Succeeded: false } refused) return refused;
        if (offer.CheckJoin(organizerId) is { Succeeded: false } closed) return closed;
        if (alreadyJoined) return new DomainError("Offer.AlreadyJoined");
        if (template.Id != offer.TemplateId || description.Id != offer.DescriptionId || resource.Id != offer.ResourceId)
            return new DomainError("Agreement.DescriptionOtherResource");
        if (Create(organizerId, actor, template, resource, description, parts, now, out var created) is { Succeeded: false } error) return error;
        created!.StandingOfferId = offer.Id;
        created.Status = AgreementStatus.UnderReview;
        created.Log(AgreementEventKind.JoinedOffer, actor, now, Invariant($"{offer.TemplateVersion}/{offer.DescriptionVersion}"));
        agreement = created;
        return Result.Ok;
    }

    /// <summary>The agreement document of a standing offer before any organizer joined it: what the supplier signs.
    /// Never saved.</summary>
    public static Agreement OfferText(AgreementTemplate template, SupplierDescription description) => new()
    {
        Id = Guid.Empty,
        SupplierId = description.SupplierId,
        ResourceId = description.ResourceId,
        TemplateId = template.Id,
        TemplateVersion = template.Version,
        DescriptionId = description.Id,
        DescriptionVersion = description.Version,
        Status = AgreementStatus.Draft,
    };

    public Result EditOrganizerParts(Actor actor, OrganizerParts parts, DateTime now)
    {
        if (Check(actor, AgreementStep.EditParts, now) is { Succeeded: false } refused) return refused;
        Apply(parts);
        Log(AgreementEventKind.OrganizerPartsEdited, actor, now);
        return Result.Ok;
    }

    /// <summary>The registry number is often given when the signed agreement is filed, so it may be set at any time.</summary>
    public Result SetRegistryNumber(Actor actor, string registryNumber, DateTime now)
    {
        if (Check(actor, AgreementStep.SetRegistryNumber, now) is { Succeeded: false } refused) return refused;
        if (string.IsNullOrWhiteSpace(registryNumber)) return new DomainError("Agreement.RegistryNumberMissing");
        RegistryNumber = registryNumber.Trim();
        Log(AgreementEventKind.RegistryNumberRecorded, actor, now, RegistryNumber);
        return Result.Ok;
    }

    /// <summary>Shares the signed copy with other organizers' agreement staff, or stops sharing it.</summary>
    public Result ShareWithOtherOrganizers(Actor actor, bool share, DateTime now)
    {
        if (Check(actor, AgreementStep.Share, now) is { Succeeded: false } refused) return refused;
        if (SharedWithOtherOrganizers == share) return Result.Ok;
        SharedWithOtherOrganizers = share;
        Log(AgreementEventKind.SharingChanged, actor, now);
        return Result.Ok;
    }

    /// <summary>Asks the supplier to describe (or update its description of) the resource.</summary>
    public Result SendToSupplier(Actor actor, DateTime now)
    {
        if (Check(actor, AgreementStep.SendToSupplier, now) is { Succeeded: false } refused) return refused;
        Status = AgreementStatus.SentToSupplier;
        Log(AgreementEventKind.SentToSupplier, actor, now);
        return Result.Ok;
    }

    public static readonly TimeSpan SupplierReminderInterval = TimeSpan.FromDays(1);
    private const string SupplierToldRecently = "Agreement.SupplierToldRecently";

    private AgreementEvent? LastToldSupplier => _events
        .Where(e => e.Kind is AgreementEventKind.SentToSupplier or AgreementEventKind.ReturnedToSupplier or AgreementEventKind.SupplierReminded)
        .MaxBy(e => e.At);

    /// <summary>When the supplier was last told (sent, returned or reminded), if only that keeps <paramref name="actor"/>
    /// from reminding it now (needs <see cref="Events"/> loaded).</summary>
    public AgreementEvent? SupplierToldRecentlyBy(Actor actor, DateTime now) =>
        Check(actor, AgreementStep.RemindSupplier, now).Error?.Code == SupplierToldRecently ? LastToldSupplier : null;

    /// <summary>Tells the supplier again that the organizer waits for its description (at most once a day).</summary>
    public Result RemindSupplier(Actor actor, DateTime now)
    {
        if (Check(actor, AgreementStep.RemindSupplier, now) is { Succeeded: false } refused) return refused;
        Log(AgreementEventKind.SupplierReminded, actor, now);
        return Result.Ok;
    }

    /// <summary>The supplier answers with a published version of its description.</summary>
    public Result CompleteBySupplier(Actor actor, SupplierDescription description, DateTime now)
    {
        if (Check(actor, AgreementStep.CompleteBySupplier, now) is { Succeeded: false } refused) return refused;
        if (Attach(description) is { } error) return error;
        Status = AgreementStatus.SupplierCompleted;
        Log(AgreementEventKind.SupplierCompleted, actor, now);
        return Result.Ok;
    }

    /// <summary>The supplier published a description of the resource while this draft, made before there was one, waited
    /// for it: the timeline records it (and its people are told) so that they take it (<see cref="UseDescription"/>).
    /// Run by Ensa at each publication.</summary>
    public Result NoticeDescriptionPublished(SupplierDescription published, DateTime now)
    {
        if (Status != AgreementStatus.Draft || DescriptionId is not null) return new DomainError("Agreement.NotWaitingForDescription");
        if (!published.IsPublished) return new DomainError("Agreement.DescriptionNotPublished");
        if (published.ResourceId != ResourceId || published.SupplierId != SupplierId) return new DomainError("Agreement.DescriptionOtherResource");
        Log(AgreementEventKind.DescriptionPublished, Actor.System, now);
        return Result.Ok;
    }

    /// <summary>From the supplier's answer, or straight from a draft made on an existing description: the supplier has
    /// described the resource once and need not be asked again.</summary>
    public Result StartReview(Actor actor, DateTime now)
    {
        if (Check(actor, AgreementStep.StartReview, now) is { Succeeded: false } refused) return refused;
        Status = AgreementStatus.UnderReview;
        Log(AgreementEventKind.ReviewStarted, actor, now);
        return Result.Ok;
    }

    /// <summary>Before signing, the agreement takes the supplier's latest published description: a draft made before the
    /// supplier described the resource, or a newer version published during the review (which then starts again).</summary>
    public Result UseDescription(Actor actor, SupplierDescription description, DateTime now)
    {
        if (Check(actor, AgreementStep.UseDescription, now) is { Succeeded: false } refused) return refused;
        if (!IsNewerDescription(description.Version)) return new DomainError("Agreement.NotNewerVersion");
        var from = DescriptionVersion;
        if (Attach(description) is { } error) return error;
        if (Status == AgreementStatus.UnderReview) ClearReviews();
        Log(AgreementEventKind.DescriptionUpdated, actor, now, Invariant($"{from?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"} → {description.Version}"));
        return Result.Ok;
    }

    /// <summary>Whether <paramref name="version"/> of the main text is newer than the agreement's.</summary>
    public bool IsNewerTemplate(int version) => version > TemplateVersion;

    /// <summary>Before signing, the agreement moves to a newer version of the main text (a review under way starts again,
    /// since what was reviewed changed). A signed agreement moves only by being signed again.</summary>
    public Result UseTemplate(Actor actor, AgreementTemplate template, DateTime now)
    {
        if (Check(actor, AgreementStep.UseTemplate, now) is { Succeeded: false } refused) return refused;
        if (!IsNewerTemplate(template.Version)) return new DomainError("Agreement.NotNewerTemplate");
        var from = TemplateVersion;
        (TemplateId, TemplateVersion) = (template.Id, template.Version);
        if (Status == AgreementStatus.UnderReview) ClearReviews();
        Log(AgreementEventKind.TemplateUpdated, actor, now, Invariant($"{from} → {template.Version}"));
        return Result.Ok;
    }

    /// <param name="share">Whether other organizers may read the review (<see cref="ReviewShared"/>); null leaves it as it is.</param>
    public Result RecordReview(Actor actor, string? notes, DateTime now, bool? share = null)
    {
        if (Check(actor, AgreementStep.RecordReview, now) is { Succeeded: false } refused) return refused;
        (ReviewerId, ReviewerName, ReviewedAt, ReviewNotes) = (actor.UserId, actor.Name, now, Trim(notes));
        ReviewShared = share ?? ReviewShared;
        Log(AgreementEventKind.ReviewRecorded, actor, now);
        return Result.Ok;
    }

    /// <param name="share">As for <see cref="RecordReview"/>: one choice covers both reviews.</param>
    public Result RecordSecurityReview(Actor actor, string? notes, DateTime now, bool? share = null)
    {
        if (Check(actor, AgreementStep.RecordSecurityReview, now) is { Succeeded: false } refused) return refused;
        (SecurityCoordinatorId, SecurityCoordinatorName, SecurityReviewedAt, SecurityNotes) = (actor.UserId, actor.Name, now, Trim(notes));
        ReviewShared = share ?? ReviewShared;
        Log(AgreementEventKind.SecurityReviewRecorded, actor, now);
        return Result.Ok;
    }

    /// <summary>Shares the recorded review with other organizers, or stops sharing it; the timeline and the audit log keep it.</summary>
    public Result ShareReview(Actor actor, bool share, DateTime now)
    {
        if (Check(actor, AgreementStep.ShareReview, now) is { Succeeded: false } refused) return refused;
        if (ReviewShared == share) return Result.Ok;
        ReviewShared = share;
        Log(AgreementEventKind.ReviewSharingChanged, actor, now, share ? "shared" : "not shared");
        return Result.Ok;
    }

    /// <summary>The review found something the supplier must change: its description will be reviewed again.</summary>
    public Result ReturnToSupplier(Actor actor, string comment, DateTime now)
    {
        if (Check(actor, AgreementStep.ReturnToSupplier, now) is { Succeeded: false } refused) return refused;
        if (string.IsNullOrWhiteSpace(comment)) return new DomainError("Agreement.CommentMissing");
        ClearReviews();
        Status = AgreementStatus.SentToSupplier;
        Log(AgreementEventKind.ReturnedToSupplier, actor, now, comment.Trim());
        return Result.Ok;
    }

    public Result ApproveForSigning(Actor actor, DateTime now)
    {
        if (Check(actor, AgreementStep.ApproveForSigning, now) is { Succeeded: false } refused) return refused;
        Status = AgreementStatus.ReadyToSign;
        Log(AgreementEventKind.ReadyToSign, actor, now);
        return Result.Ok;
    }

    /// <summary>Records the signed copy (a PDF, checked by content and size) and who signed it for each party.</summary>
    public Result RecordSigning(Actor actor, IReadOnlyList<SignatoryInput> signatories, string fileName, byte[] pdf, DateTime now)
    {
        if (Check(actor, AgreementStep.RecordSigning, now) is { Succeeded: false } refused) return refused;
        if (!signatories.Any(s => s.Party == AgreementParty.Organizer) || !signatories.Any(s => s.Party == AgreementParty.Supplier))
            return new DomainError("Agreement.SignatoriesMissing");
        if (signatories.Any(s => string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.Title)))
            return new DomainError("Agreement.SignatoryIncomplete");
        if (signatories.Any(s => s.SignedOn > SwedishCalendar.Today(now))) return new DomainError("Agreement.SignedInFuture");
        if (SignedAgreementDocument.Check(pdf).Error is { } pdfError) return pdfError;
        _signatories.AddRange(signatories.Select(s => new AgreementSignatory(this, s)));
        SignedDocument = new SignedAgreementDocument(this, fileName, pdf, now);
        SignedDocumentSha256 = SignedDocument.Sha256;
        SignedAt = now;
        Status = AgreementStatus.Signed;
        Log(AgreementEventKind.Signed, actor, now);
        return Result.Ok;
    }

    /// <summary>The party <paramref name="actor"/> signs for: a supplier's user for the supplier, anyone else for the organizer.</summary>
    public static AgreementParty PartyOf(Actor actor) => actor.SupplierId is null ? AgreementParty.Organizer : AgreementParty.Supplier;

    /// <summary>Loaded only when asked for (Include): the exact document the signatories sign, fixed at the first signature.</summary>
    public AgreementSigningDocument? SigningDocument { get; private set; }

    /// <summary>A signatory signs <paramref name="document"/> inside Ensa: the one fixed at the first signature (load
    /// <see cref="SigningDocument"/> and <see cref="Signatories"/>), or, for the first, the document as rendered now.
    /// <paramref name="signature"/> carries the hash of the document the signatory read: when it is not the document's,
    /// the document changed after they read it and nothing is signed. When both parties have signed the agreement is
    /// signed; the caller then seals the final PDF (<see cref="AttachSealedDocument"/>).
    /// On a standing offer (<see cref="IsOnOffer"/>, pass <paramref name="offer"/>) the supplier's signature is the
    /// offer's, so the organizer's signature makes the agreement signed and in force from today.</summary>
    public Result SignInEnsa(Actor actor, ElectronicSignature signature, AgreementSigningDocument document, DateTime now,
        StandingOffer? offer = null)
    {
        if (Check(actor, AgreementStep.SignInEnsa, now) is { Succeeded: false } refused) return refused;
        if (IsOnOffer && (offer is null || offer.Id != StandingOfferId)) return new DomainError("Agreement.OfferMissing");
        if (IsOnOffer && offer!.WithdrawnAt is not null) return new DomainError("Offer.Withdrawn");
        if (signature.Check(actor, document.Sha256) is { } invalid) return invalid;
        if ((SigningDocument is { } fixedDocument && fixedDocument.Id != document.Id) || document.AgreementId != Id)
            return new DomainError("Agreement.DocumentChanged");
        SigningDocument ??= document;
        var party = PartyOf(actor);
        _signatories.Add(new AgreementSignatory(this, party, actor, signature, now));
        Log(AgreementEventKind.SignedInEnsa, actor, now, party.ToString());
        if (IsOnOffer) _signatories.Add(new AgreementSignatory(this, offer!));
        if (!Enum.GetValues<AgreementParty>().All(p => _signatories.Exists(s => s.Party == p && s.SignedAt is not null))) return Result.Ok;
        SignedAt = now;
        Status = AgreementStatus.Signed;
        Log(AgreementEventKind.Signed, actor, now);
        if (!IsOnOffer) return Result.Ok;
        InForceFrom = SwedishCalendar.Today(now);
        Status = AgreementStatus.InForce;
        Log(AgreementEventKind.InForce, actor, now);
        return Result.Ok;
    }

    /// <summary>The final PDF of an agreement signed in Ensa, sealed: kept as the signed copy.</summary>
    public Result AttachSealedDocument(string fileName, byte[] pdf, DateTime now)
    {
        if (SignedAt is null || SigningDocument is null) return new DomainError("Agreement.NotSigned");
        if (SignedDocument is not null) return new DomainError("Agreement.AlreadySealed");
        if (SignedAgreementDocument.Check(pdf).Error is { } pdfError) return pdfError;
        SignedDocument = new SignedAgreementDocument(this, fileName, pdf, now);
        SignedDocumentSha256 = SignedDocument.Sha256;
        return Result.Ok;
    }

    /// <summary><paramref name="from"/> is nullable so that a form left empty is refused here, after the step itself.</summary>
    public Result PutInForce(Actor actor, DateOnly? from, DateOnly? reviewDate, DateOnly? endDate, DateTime now)
    {
        if (Check(actor, AgreementStep.PutInForce, now) is { Succeeded: false } refused) return refused;
        if (from is null) return new DomainError("Agreement.StartMissing");
        if (endDate <= from) return new DomainError("Agreement.EndBeforeStart");
        (InForceFrom, ReviewDate, EndDate) = (from, reviewDate, endDate);
        Status = AgreementStatus.InForce;
        Log(AgreementEventKind.InForce, actor, now);
        return Result.Ok;
    }

    public Result SetDates(Actor actor, DateOnly? reviewDate, DateOnly? endDate, DateTime now)
    {
        if (Check(actor, AgreementStep.SetDates, now) is { Succeeded: false } refused) return refused;
        if (InForceFrom is { } from && endDate <= from) return new DomainError("Agreement.EndBeforeStart");
        (ReviewDate, EndDate) = (reviewDate, endDate);
        Log(AgreementEventKind.DatesChanged, actor, now);
        return Result.Ok;
    }

    public Result RecordDeviation(Actor actor, SupplierDescription description, string field, string organizerValue,
        string reason, DateTime now)
    {
        if (Check(actor, AgreementStep.RecordDeviation, now) is { Succeeded: false } refused) return refused;
        if (DescriptionId != description.Id) return new DomainError("Agreement.DescriptionMissing");
        field = field.Trim();
        if (!DescriptionComparison.IsKnownField(field)) return new DomainError("Agreement.DeviationFieldUnknown", field);
        if (string.IsNullOrWhiteSpace(organizerValue) || string.IsNullOrWhiteSpace(reason)) return new DomainError("Agreement.DeviationIncomplete");
        var supplierValue = DescriptionComparison.Fields(description.Content()).GetValueOrDefault(field);
        if (_deviations.Find(d => d.Field == field) is { } existing) existing.Update(supplierValue, organizerValue, reason, actor, now);
        else _deviations.Add(new AgreementDeviation(this, field, supplierValue, organizerValue, reason, actor, now));
        Log(AgreementEventKind.DeviationRecorded, actor, now, field);
        // A deviation is not what the supplier offered: the agreement leaves the offer and is negotiated as any other.
        if (IsOnOffer)
        {
            LeftOfferAt = now;
            Log(AgreementEventKind.LeftOffer, actor, now);
        }
        return Result.Ok;
    }

    public Result RemoveDeviation(Actor actor, Guid deviationId, DateTime now)
    {
        if (Check(actor, AgreementStep.RemoveDeviation, now) is { Succeeded: false } refused) return refused;
        if (_deviations.Find(d => d.Id == deviationId) is not { } deviation) return new DomainError("Agreement.DeviationNotFound");
        _deviations.Remove(deviation);
        Log(AgreementEventKind.DeviationRemoved, actor, now, deviation.Field);
        return Result.Ok;
    }

    /// <summary>The supplier published a newer description: the organizer is to accept it or object before the deadline.
    /// A later version replaces a pending one, with a new deadline.</summary>
    public Result NoticeVersionChange(SupplierDescription newer, DateTime now, TimeSpan? objectionPeriod = null)
    {
        if (Status != AgreementStatus.InForce) return new DomainError("Agreement.NotInForce");
        if (!newer.IsPublished) return new DomainError("Agreement.DescriptionNotPublished");
        if (newer.ResourceId != ResourceId || newer.SupplierId != SupplierId) return new DomainError("Agreement.DescriptionOtherResource");
        if (newer.Version <= (PendingDescriptionVersion ?? DescriptionVersion ?? 0)) return new DomainError("Agreement.NotNewerVersion");
        (PendingDescriptionId, PendingDescriptionVersion, VersionChangeNotifiedAt) = (newer.Id, newer.Version, now);
        ObjectionDeadline = now + (objectionPeriod ?? DefaultObjectionPeriod);
        (ObjectionReason, ObjectedAt, ObjectedByName, ObjectionReasonShared) = (null, null, null, false);
        Log(AgreementEventKind.VersionChangeNotified, Actor.System, now, Invariant($"{DescriptionVersion} → {newer.Version}"));
        return Result.Ok;
    }

    /// <summary>The agreement moves to the pending version; the timeline keeps which version it was on before.</summary>
    public Result AcceptVersionChange(Actor actor, SupplierDescription pending, DateTime now)
    {
        if (Check(actor, AgreementStep.AcceptVersionChange, now) is { Succeeded: false } refused) return refused;
        if (PendingDescriptionId != pending.Id) return new DomainError("Agreement.NoVersionChange");
        var from = DescriptionVersion;
        (DescriptionId, DescriptionVersion) = (pending.Id, pending.Version);
        ClearPending();
        Log(AgreementEventKind.VersionChangeAccepted, actor, now, Invariant($"{from} → {pending.Version}"));
        return Result.Ok;
    }

    public Result ObjectToVersionChange(Actor actor, string reason, DateTime now, bool shareReasonWithSupplier = false)
    {
        if (Check(actor, AgreementStep.ObjectToVersionChange, now) is { Succeeded: false } refused) return refused;
        if (string.IsNullOrWhiteSpace(reason)) return new DomainError("Agreement.ReasonMissing");
        (ObjectionReason, ObjectedAt, ObjectedByName, ObjectionReasonShared) = (reason.Trim(), now, actor.Name, shareReasonWithSupplier);
        Log(AgreementEventKind.VersionChangeObjected, actor, now, ObjectionReason);
        return Result.Ok;
    }

    /// <summary>Ends the agreement and records how the supplier confirmed that the data was returned or deleted.</summary>
    public Result Terminate(Actor actor, DateOnly? on, DataDisposition? disposition, string confirmation, DateTime now)
    {
        if (Check(actor, AgreementStep.Terminate, now) is { Succeeded: false } refused) return refused;
        if (on is not { } date) return new DomainError("Agreement.TerminationDateMissing");
        if (disposition is not { } how || !Enum.IsDefined(how)) return new DomainError("Agreement.DispositionMissing");
        if (string.IsNullOrWhiteSpace(confirmation)) return new DomainError("Agreement.ConfirmationMissing");
        if (InForceFrom is { } from && date < from) return new DomainError("Agreement.TerminatedBeforeStart", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        (TerminatedOn, Disposition, DispositionConfirmation) = (date, how, confirmation.Trim());
        ClearPending();
        Status = AgreementStatus.Terminated;
        Log(AgreementEventKind.Terminated, actor, now, DispositionConfirmation);
        return Result.Ok;
    }

    /// <summary>How long before the review date and the end date Ensa reminds.</summary>
    public static readonly int ReminderDaysBefore = 60;

    /// <summary>The reminders due at <paramref name="now"/>: a review or end date within <see cref="ReminderDaysBefore"/>
    /// days that has had no reminder yet. The timeline records each reminder with its date, so a date moved later gets
    /// one reminder of its own. Needs <see cref="Events"/> loaded.</summary>
    public IReadOnlyList<(AgreementReminder Kind, DateOnly Date)> DueReminders(DateTime now)
    {
        if (Status != AgreementStatus.InForce) return [];
        var horizon = SwedishCalendar.Today(now).AddDays(ReminderDaysBefore);
        var due = new List<(AgreementReminder, DateOnly)>();
        if (ReviewDate is { } review && review <= horizon && !Reminded(AgreementEventKind.ReviewReminderSent, review)) due.Add((AgreementReminder.ReviewDate, review));
        if (EndDate is { } end && end <= horizon && !Reminded(AgreementEventKind.EndReminderSent, end)) due.Add((AgreementReminder.EndDate, end));
        return due;
    }

    /// <summary>Ensa has reminded of <paramref name="date"/>: kept on the timeline, so it is never sent twice.</summary>
    public Result RecordReminder(AgreementReminder kind, DateOnly date, DateTime now)
    {
        if (Status != AgreementStatus.InForce) return new DomainError("Agreement.NotInForce");
        var eventKind = kind == AgreementReminder.ReviewDate ? AgreementEventKind.ReviewReminderSent : AgreementEventKind.EndReminderSent;
        if (Reminded(eventKind, date)) return new DomainError("Agreement.AlreadyReminded");
        Log(eventKind, Actor.System, now, DateText(date));
        return Result.Ok;
    }

    private bool Reminded(AgreementEventKind kind, DateOnly date) => _events.Exists(e => e.Kind == kind && e.Comment == DateText(date));

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Run by Ensa after the end date has passed.</summary>
    public Result Expire(DateTime now)
    {
        if (Status != AgreementStatus.InForce) return new DomainError("Agreement.NotInForce");
        if (EndDate is not { } end || end >= SwedishCalendar.Today(now)) return new DomainError("Agreement.NotEnded");
        ExpiredAt = now;
        ClearPending();
        Status = AgreementStatus.Expired;
        Log(AgreementEventKind.Expired, Actor.System, now);
        return Result.Ok;
    }

    private DomainError? Attach(SupplierDescription description)
    {
        if (!description.IsPublished) return new DomainError("Agreement.DescriptionNotPublished");
        if (description.ResourceId != ResourceId || description.SupplierId != SupplierId) return new DomainError("Agreement.DescriptionOtherResource");
        (DescriptionId, DescriptionVersion) = (description.Id, description.Version);
        return null;
    }

    private void Apply(OrganizerParts p)
    {
        ControllerName = p.ControllerName.Trim();
        (AgreementContactName, AgreementContactEmail, AgreementContactPhone) =
            (p.AgreementContact.Name.Trim(), p.AgreementContact.Email.Trim(), Trim(p.AgreementContact.Phone));
        (DataProtectionContactName, DataProtectionContactEmail, DataProtectionContactPhone) =
            (p.DataProtectionContact.Name.Trim(), p.DataProtectionContact.Email.Trim(), Trim(p.DataProtectionContact.Phone));
        RegistryNumber = Trim(p.RegistryNumber);
    }

    private void ClearReviews()
    {
        (ReviewerId, ReviewerName, ReviewedAt, ReviewNotes) = (null, null, null, null);
        (SecurityCoordinatorId, SecurityCoordinatorName, SecurityReviewedAt, SecurityNotes) = (null, null, null, null);
    }

    private void ClearPending()
    {
        (PendingDescriptionId, PendingDescriptionVersion, VersionChangeNotifiedAt, ObjectionDeadline) = (null, null, null, null);
        (ObjectionReason, ObjectedAt, ObjectedByName, ObjectionReasonShared) = (null, null, null, false);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);

    private void Log(AgreementEventKind kind, Actor actor, DateTime now, string? comment = null)
    {
        _events.Add(new AgreementEvent(this, kind, actor, now, comment));
        UpdatedAt = now;
    }
}
