using Ensa.Agreements;
using Ensa.Common;
using Ensa.Resources;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

/// <summary>For every actor and every version state of a supplier's description, a step is offered
/// (<see cref="SupplierDescription.AllowedSteps"/>) if and only if the step itself, with valid input, succeeds.</summary>
public sealed class DescriptionStepsTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Dictionary<string, Actor> Actors = StepActors.Everyone();
    private static Actor Supplier => Actors["supplier user"];

    private static readonly Dictionary<string, Func<SupplierDescription>> States = new()
    {
        ["first draft"] = () => FirstDraft(),
        ["published"] = () => Ok(FirstDraft(), d => d.Publish(Supplier, Now)),
        ["next draft"] = () => Next(Ok(FirstDraft(), d => d.Publish(Supplier, Now))),
        ["next version published"] = () => Ok(Next(Ok(FirstDraft(), d => d.Publish(Supplier, Now))), d => d.Publish(Supplier, Now)),
    };

    public static TheoryData<string, string, DescriptionStep> Cases => StepActors.Cases<DescriptionStep>(States.Keys, Actors.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_IsOffered_IffTheDomainAcceptsIt(string state, string actor, DescriptionStep step)
    {
        var offered = States[state]().AllowedSteps(Actors[actor]).Contains(step);
        var taken = Take(States[state](), Actors[actor], step);
        Assert.True(offered == taken.Succeeded, $"{step} by {actor} when {state}: offered {offered}, the step said {taken.Error?.Code ?? "ok"}");
    }

    [Fact]
    public void EveryStep_IsSomeonesSomewhere()
    {
        var offered = States.Values.SelectMany(build => Actors.Values.SelectMany(a => build().AllowedSteps(a))).ToHashSet();
        Assert.Equal(Enum.GetValues<DescriptionStep>(), offered.Order());
    }

    /// <summary>The step with valid input.</summary>
    private static Result Take(SupplierDescription d, Actor actor, DescriptionStep step) => step switch
    {
        DescriptionStep.StartNextDraft => d.StartNextDraft(actor, Now, out _),
        DescriptionStep.Edit => d.Edit(actor, Content() with { Retention = "Ett år." }, Now),
        DescriptionStep.Publish => d.Publish(actor, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "A new step needs its valid input here."),
    };

    /// <summary>A draft with complete content, so that only who and when decide whether it may be published.</summary>
    private static SupplierDescription FirstDraft()
    {
        var resource = new LearningResource("Läsresan", StepActors.Supplier, ResourceType.WebService, Now);
        Assert.True(SupplierDescription.StartFirstDraft(Supplier, resource, Now, out var draft).Succeeded);
        return Ok(draft!, d => d.Edit(Supplier, Content(), Now));
    }

    private static SupplierDescription Next(SupplierDescription published)
    {
        Assert.True(published.StartNextDraft(Supplier, Now, out var draft).Succeeded);
        return draft!;
    }

    private static InstructionContent Content() => new()
    {
        SubjectMatter = "Läsfrämjande webbtjänst",
        Nature = "Lagring av läsaktivitet",
        Purposes = "Att eleverna ska kunna läsa",
        DataSubjects = [new(DataSubjectKind.Pupils)],
        PersonalData = [new("Namn")],
        Retention = "Så länge kontot finns",
        Deletion = "Inom 30 dagar efter avslut",
        Locations = [new("Driftcenter Stockholm", "SE", LocationUse.Processing | LocationUse.Storage)],
        AgreementContact = new("Elin Svahn", "elin@sagovaven.example"),
        DataProtectionContact = new("Dataskydd Sagoväven", "dpo@sagovaven.example"),
    };

    private static SupplierDescription Ok(SupplierDescription description, Func<SupplierDescription, Result> step)
    {
        var result = step(description);
        Assert.True(result.Succeeded, result.Error?.Code);
        return description;
    }
}
