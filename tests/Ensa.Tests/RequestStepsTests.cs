using Ensa.Common;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

/// <summary>For every actor in every state a request reaches, a step is offered (<see cref="ResourceRequest.AllowedSteps"/>)
/// if and only if the step itself, with valid input, succeeds. States are built through the domain's own steps.</summary>
public sealed class RequestStepsTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Organizer = Guid.NewGuid(), Unit = Guid.NewGuid(), Resource = Guid.NewGuid();
    private static readonly Actor Requester = new(Guid.NewGuid(), "Anna", new HashSet<Role> { Role.Requester }, new HashSet<Guid>());
    private static readonly Actor Principal = new(Guid.NewGuid(), "Karin", new HashSet<Role> { Role.Principal }, new HashSet<Guid> { Unit });
    private static readonly Actor Reviewer = Actor.OrganizerStaff(Guid.NewGuid(), "Sara", new HashSet<Role> { Role.CentralReviewer });

    private static readonly Dictionary<string, Actor> Actors = StepActors.Everyone(
        ("the requester", Requester),
        ("the requester, also a reviewer", Requester with { Roles = new HashSet<Role> { Role.Requester, Role.CentralReviewer } }),
        ("the unit's principal", Principal),
        ("another unit's principal", Principal with { UserId = Guid.NewGuid(), PrincipalOfUnits = new HashSet<Guid> { Guid.NewGuid() } }),
        ("the unit's principal, also a reviewer", Principal with { UserId = Guid.NewGuid(), Roles = new HashSet<Role> { Role.Principal, Role.CentralReviewer } }),
        ("the central reviewer", Reviewer));

    private static readonly Dictionary<string, Func<ResourceRequest>> States = new()
    {
        ["draft"] = () => Draft(),
        ["awaiting the principal"] = () => Submitted(),
        ["sent back"] = () => Ok(Submitted(), r => r.SendBack(Principal, "Vilka klasser?", Now)),
        ["in review"] = () => InReview(),
        ["in review, not in the catalogue"] = () => InReview(linked: false),
        ["awaiting an agreement"] = () => Decided(Decision.Approved, AgreementNeed.Needed),
        ["approved"] = () => Decided(Decision.Approved),
        ["approved with conditions"] = () => Decided(Decision.ApprovedWithConditions),
        ["not approved"] = () => Decided(Decision.NotApproved),
        ["approved, training confirmed"] = () => Ok(Decided(Decision.Approved), r => r.ConfirmTraining(Principal, Now)),
        ["in use"] = () => InUse(),
        ["use ended"] = () => Ok(InUse(), r => r.EndUse(Principal, DateOnly.FromDateTime(Now), true, null, Now)),
        ["withdrawn in review"] = () => Ok(InReview(), r => r.Withdraw(Requester, Now)),
        ["reopened"] = () => Ok(Decided(Decision.Approved), r => r.Reopen(Reviewer, "Tjänsten har ändrats.", Now)),
    };

    public static TheoryData<string, string, RequestStep> Cases => StepActors.Cases<RequestStep>(States.Keys, Actors.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_IsOffered_IffTheDomainAcceptsIt(string state, string actor, RequestStep step)
    {
        var offered = States[state]().AllowedSteps(Actors[actor]).Contains(step);
        var taken = Take(States[state](), Actors[actor], step);
        Assert.True(offered == taken.Succeeded, $"{step} by {actor} when {state}: offered {offered}, the step said {taken.Error?.Code ?? "ok"}");
    }

    [Fact]
    public void States_ReachEveryStatus_AndEveryStepIsSomeonesSomewhere()
    {
        Assert.Equal(Enum.GetValues<RequestStatus>(), States.Values.Select(build => build().Status).Distinct().Order());
        var offered = States.Values.SelectMany(build => Actors.Values.SelectMany(a => build().AllowedSteps(a))).ToHashSet();
        Assert.Equal(Enum.GetValues<RequestStep>(), offered.Order());
    }

    /// <summary>The step with valid input.</summary>
    private static Result Take(ResourceRequest r, Actor actor, RequestStep step) => step switch
    {
        RequestStep.Edit => r.Edit(actor, r.Details() with { Grades = "2A" }, Now),
        RequestStep.Submit => r.Submit(actor, Now),
        RequestStep.ApproveAsPrincipal => r.ApproveAsPrincipal(actor, Now),
        RequestStep.SendBack => r.SendBack(actor, "Komplettera.", Now),
        RequestStep.LinkResource => r.LinkResource(actor, Resource, Now),
        RequestStep.ApplyStandingDecision => r.ApplyStandingDecision(actor, Standing(), Now),
        RequestStep.RecordReview => r.RecordReview(actor, new ResourceReview(r, Now), Now),
        RequestStep.RecordSecurityReview => r.RecordSecurityReview(actor, new ResourceReview(r, Now), Now),
        RequestStep.WaiveSecurityReview => r.WaiveSecurityReview(actor, new ResourceReview(r, Now), "Inga personuppgifter behandlas.", Now),
        RequestStep.Decide => r.Decide(actor, SignedReview(r), Decision.Approved, null, null, Now),
        RequestStep.Reopen => r.Reopen(actor, "Lagen har ändrats.", Now),
        RequestStep.RecordPurchase => r.RecordPurchase(actor, new Purchase(ProcurementKind.DirectProcurement, null, 10, null, null, 100m, "PO-1", null), Now),
        RequestStep.NameResponsibles => r.NameResponsibles(actor, Principal.UserId, "Ulla Admin", "ulla@mittkoping.example", Now),
        RequestStep.ConfirmTraining => r.ConfirmTraining(actor, Now),
        RequestStep.EndUse => r.EndUse(actor, DateOnly.FromDateTime(Now), false, null, Now),
        RequestStep.HandOver => r.HandOver(actor, Principal.UserId, Now),
        RequestStep.Withdraw => r.Withdraw(actor, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "A new step needs its valid input here."),
    };

    private static ResourceRequest Draft(bool linked = true) => ResourceRequest.CreateDraft(Organizer, Unit, Requester,
        linked ? new RequestDetails { ResourceId = Resource, Need = "Lästräning." } : new RequestDetails { ProposedName = "Ny app", Need = "Lästräning." }, Now);

    private static ResourceRequest Submitted(bool linked = true) => Ok(Draft(linked), r => r.Submit(Requester, Now));

    private static ResourceRequest InReview(bool linked = true) => Ok(Submitted(linked), r => r.ApproveAsPrincipal(Principal, Now));

    private static ResourceRequest Decided(Decision decision, AgreementNeed need = AgreementNeed.NotNeeded) =>
        Ok(InReview(), r => r.Decide(Reviewer, SignedReview(r, need), decision, "Villkor.", "Skäl.", Now));

    private static ResourceRequest InUse() => Ok(Ok(Decided(Decision.Approved),
        r => r.NameResponsibles(Principal, Principal.UserId, "Ulla Admin", "ulla@mittkoping.example", Now)), r => r.ConfirmTraining(Principal, Now));

    /// <summary>The organizer's current approval of the resource, made by a full review of another request.</summary>
    private static ResourceDecision Standing()
    {
        var other = InReview();
        var review = SignedReview(other);
        Ok(other, r => r.Decide(Reviewer, review, Decision.Approved, null, null, Now));
        return review.Outcome!;
    }

    private static ResourceReview SignedReview(ResourceRequest request, AgreementNeed need = AgreementNeed.NotNeeded)
    {
        var review = new ResourceReview(request, Now) { AgreementNeed = need };
        review.SignReview(Reviewer, Now);
        return review;
    }

    private static ResourceRequest Ok(ResourceRequest request, Func<ResourceRequest, Result> step)
    {
        var result = step(request);
        Assert.True(result.Succeeded, result.Error?.Code);
        return request;
    }
}
