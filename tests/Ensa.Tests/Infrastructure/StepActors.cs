using Ensa.Common;
using Ensa.Identity;

namespace Ensa.Tests.Infrastructure;

/// <summary>Who tries the steps in the allowed-steps tests: a staff member per organizer role, a supplier's user, the
/// platform admin and Ensa itself; each entity's test adds the people its rules name (the requester, the unit's principal…).</summary>
public static class StepActors
{
    /// <summary>The supplier whose user is among <see cref="Everyone"/>.</summary>
    public static readonly Guid Supplier = Guid.NewGuid();

    public static Dictionary<string, Actor> Everyone(params (string Name, Actor Actor)[] named)
    {
        var actors = Enum.GetValues<Role>().ToDictionary(r => $"staff with role {r}",
            r => Actor.OrganizerStaff(Guid.NewGuid(), r.ToString(), new HashSet<Role> { r }));
        actors["supplier user"] = Actor.SupplierUser(Guid.NewGuid(), "Leverantör", Supplier);
        actors["another supplier's user"] = Actor.SupplierUser(Guid.NewGuid(), "Annan leverantör", Guid.NewGuid());
        actors["platform admin"] = Actor.PlatformAdmin(Guid.NewGuid(), "Plattform");
        actors["system"] = Actor.System;
        foreach (var (name, actor) in named) actors[name] = actor;
        return actors;
    }

    /// <summary>Every state × actor × step, for a theory's member data.</summary>
    public static TheoryData<string, string, TStep> Cases<TStep>(IEnumerable<string> states, IEnumerable<string> actors)
        where TStep : struct, Enum
    {
        var data = new TheoryData<string, string, TStep>();
        foreach (var state in states)
            foreach (var actor in actors)
                foreach (var step in Enum.GetValues<TStep>()) data.Add(state, actor, step);
        return data;
    }
}
