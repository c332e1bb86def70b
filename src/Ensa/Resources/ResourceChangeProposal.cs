using Ensa.Common;

namespace Ensa.Resources;

public enum ProposalStatus { Open, Applied, Rejected }

/// <summary>A change to a catalogue entry's shared facts, proposed by an organizer's central department once the entry is
/// no longer only its own (another organizer has requested, reviewed, decided, used or made an agreement for it). Every
/// organizer sees it on the resource's page; the platform admin or a user of the resource's supplier applies or rejects it.
/// It names only the fields it changes, with their values when proposed, so applying it leaves other fields alone.</summary>
public sealed class ResourceChangeProposal : IAudited
{
    public const int FactsMaxLength = 16000;

    private ResourceChangeProposal() { }

    public Guid Id { get; private set; }
    public Guid ResourceId { get; private set; }
    /// <summary>The organizer the proposer acted for (not a tenant filter: every organizer sees proposals).</summary>
    public Guid ProposedByOrganizerId { get; private set; }
    public Guid ProposedByUserId { get; private set; }
    public string ProposedByName { get; private set; } = "";
    public DateTime ProposedAt { get; private set; }
    /// <summary>The entry's facts when proposed (JSON of <see cref="ResourceFacts"/>).</summary>
    public string BaseFacts { get; private set; } = "";
    /// <summary>The facts proposed (JSON of <see cref="ResourceFacts"/>); only the fields that differ from <see cref="BaseFacts"/> count.</summary>
    public string ProposedFacts { get; private set; } = "";
    public ProposalStatus Status { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByName { get; private set; }

    public IReadOnlyList<string> Fields => ResourceFacts.FromJson(BaseFacts).ChangedIn(ResourceFacts.FromJson(ProposedFacts));

    public static Result Propose(LearningResource resource, ResourceFacts proposed, Guid organizerId, Guid userId, string userName, DateTime now,
        out ResourceChangeProposal? proposal)
    {
        proposal = null;
        var current = ResourceFacts.Of(resource);
        if (current.ChangedIn(proposed).Count == 0) return new DomainError("Catalogue.ProposalEmpty");
        var (baseJson, proposedJson) = (current.ToJson(), proposed.ToJson());
        if (baseJson.Length > FactsMaxLength || proposedJson.Length > FactsMaxLength) return new DomainError("Catalogue.ProposalTooLong");
        proposal = new ResourceChangeProposal
        {
            Id = Guid.NewGuid(), ResourceId = resource.Id, ProposedByOrganizerId = organizerId, ProposedByUserId = userId,
            ProposedByName = userName, ProposedAt = now, BaseFacts = baseJson, ProposedFacts = proposedJson, Status = ProposalStatus.Open,
        };
        return Result.Ok;
    }

    /// <summary>Applies the proposed fields to the entry (the caller has checked that the user may); the revisions, to save
    /// with it, name the proposer and its organizer, applied by <paramref name="decidedBy"/>.</summary>
    public Result Apply(LearningResource resource, string decidedBy, DateTime now, out IReadOnlyList<ResourceRevision> revisions)
    {
        revisions = [];
        if (Status != ProposalStatus.Open) return new DomainError("Catalogue.ProposalDecided");
        if (resource.Id != ResourceId) throw new ArgumentException("Another resource.", nameof(resource));
        revisions = resource.Change(ResourceFacts.Of(resource).With(ResourceFacts.FromJson(ProposedFacts), Fields),
            new RevisionAuthor(ProposedByUserId, ProposedByName, ProposedByOrganizerId, decidedBy), now);
        (Status, DecidedAt, DecidedByName) = (ProposalStatus.Applied, now, decidedBy);
        return Result.Ok;
    }

    public Result Reject(string decidedBy, DateTime now)
    {
        if (Status != ProposalStatus.Open) return new DomainError("Catalogue.ProposalDecided");
        (Status, DecidedAt, DecidedByName) = (ProposalStatus.Rejected, now, decidedBy);
        return Result.Ok;
    }
}
