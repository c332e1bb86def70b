using System.Security.Cryptography;
using Ensa.Common;

namespace Ensa.Agreements;

public enum AgreementEventKind
{
    Created,
    OrganizerPartsEdited,
    SentToSupplier,
    SupplierCompleted,
    ReviewStarted,
    ReviewRecorded,
    SecurityReviewRecorded,
    ReturnedToSupplier,
    ReadyToSign,
#pragma warning disable CA1720 // "Signed" is the legal step, not a type name.
    Signed,
#pragma warning restore CA1720
    InForce,
    DatesChanged,
    RegistryNumberRecorded,
    DeviationRecorded,
    DeviationRemoved,
    VersionChangeNotified,
    VersionChangeAccepted,
    VersionChangeObjected,
    Terminated,
    Expired,
    ReviewReminderSent,
    EndReminderSent,
    DescriptionUpdated,
    SharingChanged,
    SupplierReminded,
    /// <summary>The supplier published a description a draft made before there was one can now take.</summary>
    DescriptionPublished,
    /// <summary>The organizer shared its review with other organizers, or stopped sharing it.</summary>
    ReviewSharingChanged,
    /// <summary>The agreement moved to a newer version of the main text before it was signed.</summary>
    TemplateUpdated,
    /// <summary>One party's signatory signed inside Ensa (the comment names the party).</summary>
    SignedInEnsa,
    /// <summary>The organizer joined the supplier's standing offer (the comment: template/description versions).</summary>
    JoinedOffer,
    /// <summary>A deviation took the agreement off the standing offer: the supplier now signs it as any other.</summary>
    LeftOffer,
}

/// <summary>One step in an agreement's timeline: what happened, who did it (null: Ensa itself) and when.</summary>
public sealed class AgreementEvent : IOrganizerOwned
{
    public const int CommentMaxLength = 4000;

    private AgreementEvent() { }

    internal AgreementEvent(Agreement agreement, AgreementEventKind kind, Actor actor, DateTime at, string? comment)
    {
        Id = Guid.NewGuid();
        OrganizerId = agreement.OrganizerId;
        AgreementId = agreement.Id;
        Kind = kind;
        ActorUserId = actor.UserId == Guid.Empty ? null : actor.UserId;
        ActorName = actor.Name;
        At = at;
        Comment = comment;
        DescriptionVersion = agreement.DescriptionVersion;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid AgreementId { get; private set; }
    public AgreementEventKind Kind { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? Comment { get; private set; }
    /// <summary>The supplier description version the agreement was on after this step: the history of versions.</summary>
    public int? DescriptionVersion { get; private set; }

    /// <summary>The organizer's internal review stays internal, and so does an objection's reason (its comment): the
    /// supplier sees that reason only where the organizer shared it (<see cref="Agreement.ObjectionReasonShared"/>).
    /// Everything else on the timeline concerns the supplier too.</summary>
    public bool IsVisibleToSupplier => Kind is not (AgreementEventKind.ReviewRecorded or AgreementEventKind.SecurityReviewRecorded
        or AgreementEventKind.RegistryNumberRecorded or AgreementEventKind.ReviewReminderSent or AgreementEventKind.EndReminderSent
        or AgreementEventKind.VersionChangeObjected or AgreementEventKind.SharingChanged);
}

public enum AgreementParty { Organizer, Supplier }

public sealed record SignatoryInput(AgreementParty Party, string Name, string Title, DateOnly SignedOn);

/// <summary>How a signatory proved who they were when signing in Ensa.</summary>
public enum SignatureMethod
{
    /// <summary>Ensa's own account, password and a code from an authenticator app (TOTP).</summary>
    EnsaAccountWithTotp,
    /// <summary>Signed in through the organizer's identity provider, which reported more than one factor.</summary>
    FederatedWithMfa,
}

/// <summary>A signatory's signature inside Ensa: their title, the organisation they sign for, how they proved who they
/// were (<paramref name="SecondFactor"/>: the session has a second factor), and the SHA-256 of the document they read.</summary>
public sealed record ElectronicSignature(string Title, string Organisation, SignatureMethod Method, bool SecondFactor, string DocumentSha256)
{
    /// <summary>Why <paramref name="actor"/> cannot sign with this over the document whose hash is <paramref name="documentSha256"/>,
    /// or null: a second factor, a name and a title within its limit, and the hash of the document they read.</summary>
    public DomainError? Check(Actor actor, string documentSha256)
    {
        if (!SecondFactor) return new DomainError("Agreement.SecondFactorRequired");
        if (string.IsNullOrWhiteSpace(Title) || string.IsNullOrWhiteSpace(actor.Name) || Title.Trim().Length > AgreementSignatory.TitleMaxLength)
            return new DomainError("Agreement.SignatoryIncomplete");
        return string.Equals(documentSha256, DocumentSha256, StringComparison.OrdinalIgnoreCase) ? null : new DomainError("Agreement.DocumentChanged");
    }
}

/// <summary>The exact document an agreement's signatories sign in Ensa: the agreement as one HTML document, rendered in
/// Swedish when the first signatory read it and fixed from then on (the next signatory reads these bytes, and the final
/// PDF is printed from them). Not audited: the agreement's timeline records each signature and this hash.</summary>
public sealed class AgreementSigningDocument : IOrganizerOwned
{
    private AgreementSigningDocument() { }

    public AgreementSigningDocument(Agreement agreement, string html, DateTime now)
    {
        Id = Guid.NewGuid();
        OrganizerId = agreement.OrganizerId;
        AgreementId = agreement.Id;
        Html = html;
        Sha256 = SignedAgreementDocument.Hash(html);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid AgreementId { get; private set; }
    public string Html { get; private set; } = "";
    /// <summary>Of the UTF-8 bytes of <see cref="Html"/>, lower-case hex.</summary>
    public string Sha256 { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}

/// <summary>A person who signed the agreement, for one party.</summary>
public sealed class AgreementSignatory : IOrganizerOwned
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 200;

    private AgreementSignatory() { }

    internal AgreementSignatory(Agreement agreement, SignatoryInput input)
    {
        Id = Guid.NewGuid();
        OrganizerId = agreement.OrganizerId;
        AgreementId = agreement.Id;
        Party = input.Party;
        Name = input.Name.Trim();
        Title = input.Title.Trim();
        SignedOn = input.SignedOn;
    }

    internal AgreementSignatory(Agreement agreement, AgreementParty party, Actor actor, ElectronicSignature signature, DateTime now)
        : this(agreement, new SignatoryInput(party, actor.Name, signature.Title, SwedishCalendar.Today(now)))
    {
        UserId = actor.UserId;
        Organisation = signature.Organisation.Trim();
        Method = signature.Method;
        DocumentSha256 = signature.DocumentSha256.ToLowerInvariant();
        SignedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid AgreementId { get; private set; }
    public AgreementParty Party { get; private set; }
    public string Name { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly SignedOn { get; private set; }

    /// <summary>The supplier's signature on the standing offer, as the supplier's signature of an agreement joined to it.</summary>
    internal AgreementSignatory(Agreement agreement, StandingOffer offer)
        : this(agreement, new SignatoryInput(AgreementParty.Supplier, offer.SignedByName, offer.SignedByTitle, SwedishCalendar.Today(offer.SignedAt)))
    {
        UserId = offer.SignedById;
        Organisation = offer.Organisation;
        Method = offer.Method;
        DocumentSha256 = offer.DocumentSha256;
        SignedAt = offer.SignedAt;
    }

    // Set when the signatory signed inside Ensa; an uploaded copy's signatories have none of these.
    public Guid? UserId { get; private set; }
    /// <summary>The organisation's name as it was when they signed.</summary>
    public string? Organisation { get; private set; }
    public SignatureMethod? Method { get; private set; }
    /// <summary>Of the document they signed (<see cref="AgreementSigningDocument.Sha256"/>).</summary>
    public string? DocumentSha256 { get; private set; }
    public DateTime? SignedAt { get; private set; }
}

/// <summary>Where an organizer's agreement departs from the supplier's description, field by field (the same paths as
/// <see cref="DescriptionComparison"/>). <see cref="SupplierValue"/> is the description's text when the deviation was made.</summary>
public sealed class AgreementDeviation : IOrganizerOwned, IAudited
{
    public const int ValueMaxLength = 4000;
    public const int ReasonMaxLength = 4000;

    private AgreementDeviation() { }

    internal AgreementDeviation(Agreement agreement, string field, string? supplierValue, string organizerValue, string reason,
        Actor actor, DateTime now)
    {
        Id = Guid.NewGuid();
        OrganizerId = agreement.OrganizerId;
        AgreementId = agreement.Id;
        Field = field;
        Update(supplierValue, organizerValue, reason, actor, now);
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid AgreementId { get; private set; }
    public string Field { get; private set; } = "";
    public string? SupplierValue { get; private set; }
    public string OrganizerValue { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    internal void Update(string? supplierValue, string organizerValue, string reason, Actor actor, DateTime now)
    {
        SupplierValue = supplierValue;
        OrganizerValue = organizerValue.Trim();
        Reason = reason.Trim();
        RecordedByName = actor.Name;
        RecordedAt = now;
    }
}

/// <summary>The signed copy of an agreement, a PDF kept in the database with its SHA-256. Not audited: the agreement
/// records the hash, and the log must not hold the document's bytes.</summary>
public sealed class SignedAgreementDocument : IOrganizerOwned
{
    public const int FileNameMaxLength = 260;

    /// <summary>A scanned, signed agreement of some 30 pages fits well within this.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;
    private static readonly byte[] Magic = "%PDF-"u8.ToArray();

    private SignedAgreementDocument() { }

    internal SignedAgreementDocument(Agreement agreement, string fileName, byte[] content, DateTime now)
    {
        Id = Guid.NewGuid();
        OrganizerId = agreement.OrganizerId;
        AgreementId = agreement.Id;
        FileName = UploadedFileName.Normalize(fileName, ".pdf", "avtal");
        Content = content;
        Size = content.Length;
        Sha256 = Hash(content);
        UploadedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid AgreementId { get; private set; }
    public string FileName { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public int Size { get; private set; }
    /// <summary>Lower-case hex.</summary>
    public string Sha256 { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }

    /// <summary>Checks by content, not by name or declared type: a PDF starts with "%PDF-" and opens as one (read by
    /// PDFsharp, with at least one page); anything else, a file merely starting with "%PDF-" included, is refused.</summary>
    public static Result Check(byte[]? content)
    {
        if (content is null || content.Length == 0) return new DomainError("SignedPdf.Empty");
        if (content.Length > MaxBytes) return new DomainError("SignedPdf.TooLarge", MaxBytes / (1024 * 1024));
        if (!content.AsSpan().StartsWith(Magic) || !Opens(content)) return new DomainError("SignedPdf.NotPdf");
        return Result.Ok;
    }

    private static bool Opens(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = PdfSharp.Pdf.IO.PdfReader.Open(stream, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            return document.PageCount > 0;
        }
#pragma warning disable CA1031 // any failure to read means it is not a PDF we keep
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Of a document's text, as its UTF-8 bytes (the signed HTML documents).</summary>
    public static string Hash(string text) => Hash(System.Text.Encoding.UTF8.GetBytes(text));
}
