namespace Ensa.Common;

/// <summary>How a workflow entity says which steps an actor may take now. The entity has one private
/// <c>Check(actor, step)</c> that answers for the actor and the entity's state (the input a step also needs is checked
/// by the step itself); every step method starts with it, and <c>AllowedSteps(actor)</c> is this over every step, so a
/// page shows exactly the buttons the domain would accept.</summary>
public static class Steps
{
    public static IReadOnlySet<TStep> Allowed<TStep>(Func<TStep, Result> check) where TStep : struct, Enum =>
        Enum.GetValues<TStep>().Where(step => check(step).Succeeded).ToHashSet();
}
