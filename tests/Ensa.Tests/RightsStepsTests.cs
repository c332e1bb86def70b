using Ensa.Common;
using Ensa.Identity;
using Ensa.Privacy;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

/// <summary>For every actor in every state of a rights request, a step on its first task is offered
/// (<see cref="RightsRequest.AllowedSteps"/>) if and only if the step itself, with valid input, succeeds. The
/// administrator who answers by the link is <see cref="RightsTask.LinkHolder"/>.</summary>
public sealed class RightsStepsTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly Actor Central = Actor.OrganizerStaff(Guid.NewGuid(), "Sara", new HashSet<Role> { Role.CentralReviewer });

    private static readonly Dictionary<string, Func<RightsRequest, Actor>> Actors = new Dictionary<string, Func<RightsRequest, Actor>>(
        StepActors.Everyone().Select(a => KeyValuePair.Create<string, Func<RightsRequest, Actor>>(a.Key, _ => a.Value)))
    {
        ["the task's link holder"] = c => c.Tasks[0].LinkHolder,
        ["another task's link holder"] = c => c.Tasks[1].LinkHolder,
    };

    private static readonly Dictionary<string, Func<RightsRequest>> States = new()
    {
        ["open"] = () => Opened(),
        ["another task answered"] = () => Ok(Opened(), c => c.Answer(Central, c.Tasks[1].Id, RightsTaskStatus.NoDataHeld, null, "Sara", Now)),
        ["the task answered"] = () => Ok(Opened(), c => c.Answer(c.Tasks[0].LinkHolder, c.Tasks[0].Id, RightsTaskStatus.Done, "Allt.", "Ulla", Now)),
        ["closed"] = () => Ok(Ok(Opened(), c => c.Answer(Central, c.Tasks[0].Id, RightsTaskStatus.Done, "Allt.", "Sara", Now)),
            c => c.Answer(Central, c.Tasks[1].Id, RightsTaskStatus.Done, "Allt.", "Sara", Now)),
    };

    public static TheoryData<string, string, RightsStep> Cases => StepActors.Cases<RightsStep>(States.Keys, Actors.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_IsOffered_IffTheDomainAcceptsIt(string state, string actor, RightsStep step)
    {
        var before = States[state]();
        var offered = before.AllowedSteps(Actors[actor](before), before.Tasks[0].Id).Contains(step);
        var after = States[state]();
        var taken = Take(after, Actors[actor](after), step);
        Assert.True(offered == taken.Succeeded, $"{step} by {actor} when {state}: offered {offered}, the step said {taken.Error?.Code ?? "ok"}");
    }

    [Fact]
    public void EveryStep_IsSomeonesSomewhere()
    {
        var offered = States.Values.Select(build => build())
            .SelectMany(c => Actors.Values.SelectMany(a => c.AllowedSteps(a(c), c.Tasks[0].Id))).ToHashSet();
        Assert.Equal(Enum.GetValues<RightsStep>(), offered.Order());
    }

    /// <summary>The step on the first task, with valid input.</summary>
    private static Result Take(RightsRequest c, Actor actor, RightsStep step) => step switch
    {
        RightsStep.Answer => c.Answer(actor, c.Tasks[0].Id, RightsTaskStatus.Done, "Namn och läshistorik.", actor.Name, Now),
        RightsStep.IssueNewLink => c.IssueNewLink(actor, c.Tasks[0].Id, Now, out _),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "A new step needs its valid input here."),
    };

    /// <summary>An access request (its answer needs text) with two tasks: two resources in use at the unit.</summary>
    private static RightsRequest Opened()
    {
        UseAtUnit[] uses =
        [
            new(Guid.NewGuid(), Unit, Guid.NewGuid(), "Ulla Admin", "ulla@mittkoping.example"),
            new(Guid.NewGuid(), Unit, Guid.NewGuid(), "Per Admin", "per@mittkoping.example"),
        ];
        Assert.True(RightsRequest.Open(Guid.NewGuid(), RightsKind.Access, "BUN 2026/311", DateOnly.FromDateTime(Now), [Unit], uses, Central, Now,
            out var request, out _).Succeeded);
        return request!;
    }

    private static RightsRequest Ok(RightsRequest request, Func<RightsRequest, Result> step)
    {
        var result = step(request);
        Assert.True(result.Succeeded, result.Error?.Code);
        return request;
    }
}
