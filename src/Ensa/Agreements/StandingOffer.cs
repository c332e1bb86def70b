using Ensa.Common;

namespace Ensa.Agreements;

/// <summary>A supplier's standing offer (issue 13; the Dutch shared DPA service, the US SDPC "general offer"): one
/// version of the main text and one published version of the supplier's description, signed once by a supplier admin
/// inside Ensa, which organizers join without the supplier acting again (<see cref="Agreement.JoinOffer"/>). Open to
/// every organizer or to the ones it names, until withdrawn or superseded by a newer offer for the same resource.
/// The supplier signs <see cref="Html"/>: the agreement document without an organizer's parts.</summary>
public sealed class StandingOffer : IAudited
{
    private StandingOffer() { }

    public Guid Id { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid ResourceId { get; private set; }
    public Guid TemplateId { get; private set; }
    public int TemplateVersion { get; private set; }
    public Guid DescriptionId { get; private set; }
    public int DescriptionVersion { get; private set; }
    /// <summary>Empty: open to every organizer; otherwise only to these.</summary>
    public IReadOnlyList<Guid> NamedOrganizerIds { get; private set; } = [];
    public bool IsOpenToAll => NamedOrganizerIds.Count == 0;

    /// <summary>The document the supplier signed (Swedish HTML) and the SHA-256 of its UTF-8 bytes.</summary>
    public string Html { get; private set; } = "";
    public string DocumentSha256 { get; private set; } = "";

    public Guid SignedById { get; private set; }
    public string SignedByName { get; private set; } = "";
    public string SignedByTitle { get; private set; } = "";
    /// <summary>The supplier's name as it was when the offer was signed.</summary>
    public string Organisation { get; private set; } = "";
    public SignatureMethod Method { get; private set; }
    public DateTime SignedAt { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawnByName { get; private set; }
    public DateTime? SupersededAt { get; private set; }
    public Guid? SupersededById { get; private set; }
    /// <summary>Organizers may join it now.</summary>
    public bool IsOpen => WithdrawnAt is null && SupersededAt is null;

    /// <summary>Who may publish, sign and withdraw a supplier's offers: its admins, who sign for it.</summary>
    public static Result CheckPublish(Actor actor, Guid supplierId) =>
        actor.ActsFor(supplierId) && actor.SignsForSupplier ? Result.Ok : new DomainError("Offer.NotSupplierAdmin");

    /// <summary>A supplier admin signs <paramref name="html"/> (the document of <paramref name="template"/> and
    /// <paramref name="description"/>) as a standing offer. <paramref name="signature"/> carries the hash of the document
    /// the admin read: when it is not <paramref name="html"/>'s, nothing is signed. <paramref name="current"/>, the open
    /// offer for the same resource, is superseded.</summary>
    public static Result Publish(Actor actor, AgreementTemplate template, SupplierDescription description, string html,
        ElectronicSignature signature, IReadOnlyCollection<Guid> namedOrganizerIds, StandingOffer? current, DateTime now,
        out StandingOffer? offer)
    {
        offer = null;
        if (CheckPublish(actor, description.SupplierId) is { Succeeded: false } refused) return refused;
        if (!description.IsPublished) return new DomainError("Agreement.DescriptionNotPublished");
        var sha = SignedAgreementDocument.Hash(html);
        if (signature.Check(actor, sha) is { } invalid) return invalid;
        if (current is not null && (!current.IsOpen || current.SupplierId != description.SupplierId || current.ResourceId != description.ResourceId))
            return new DomainError("Offer.NotOpen");
        var created = new StandingOffer
        {
            Id = Guid.NewGuid(),
            SupplierId = description.SupplierId,
            ResourceId = description.ResourceId,
            TemplateId = template.Id,
            TemplateVersion = template.Version,
            DescriptionId = description.Id,
            DescriptionVersion = description.Version,
            NamedOrganizerIds = namedOrganizerIds.Distinct().ToList(),
            Html = html,
            DocumentSha256 = sha,
            SignedById = actor.UserId,
            SignedByName = actor.Name,
            SignedByTitle = signature.Title.Trim(),
            Organisation = signature.Organisation.Trim(),
            Method = signature.Method,
            SignedAt = now,
        };
        if (current is not null) (current.SupersededAt, current.SupersededById) = (now, created.Id);
        offer = created;
        return Result.Ok;
    }

    /// <summary>No organizer may join it from now on; agreements already in force on it stay in force.</summary>
    public Result Withdraw(Actor actor, DateTime now)
    {
        if (CheckPublish(actor, SupplierId) is { Succeeded: false } refused) return refused;
        if (!IsOpen) return new DomainError("Offer.NotOpen");
        (WithdrawnAt, WithdrawnByName) = (now, actor.Name);
        return Result.Ok;
    }

    /// <summary>Whether <paramref name="organizerId"/> may join it now.</summary>
    public Result CheckJoin(Guid organizerId)
    {
        if (!IsOpen) return new DomainError("Offer.NotOpen");
        if (!IsOpenToAll && !NamedOrganizerIds.Contains(organizerId)) return new DomainError("Offer.NotNamed");
        return Result.Ok;
    }
}
