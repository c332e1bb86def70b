namespace Ensa.Organizers;

/// <summary>A school unit as Skolverket's school-unit register (Skolenhetsregistret) lists it. <see cref="Status"/> is
/// the register's own word: AKTIV, VILANDE, UPPHORT or PLANERAD.</summary>
public sealed record RegisterSchoolUnit(string SchoolUnitCode, string Name, string Status)
{
    public const string Closed = "UPPHORT";
    public bool IsClosed => string.Equals(Status, Closed, StringComparison.OrdinalIgnoreCase);
}

/// <summary>An Ensa school unit as compared with the register.</summary>
public sealed record EnsaSchoolUnit(Guid Id, string SchoolUnitCode, string Name);

public enum RegisterDifferenceKind
{
    /// <summary>The register lists a unit that is not closed; Ensa has no unit with its code.</summary>
    MissingInEnsa,
    /// <summary>Ensa has the code; the register calls the unit closed (UPPHORT).</summary>
    ClosedInRegister,
    /// <summary>Ensa has the code; the register does not list it for this organizer.</summary>
    NotInRegister,
    /// <summary>Both have the code, under different names.</summary>
    NameDiffers,
}

/// <summary>One thing for the organizer admin to act on. <see cref="Unit"/> is Ensa's unit, absent when Ensa lacks it.</summary>
public sealed record RegisterDifference(RegisterDifferenceKind Kind, string SchoolUnitCode, EnsaSchoolUnit? Unit, RegisterSchoolUnit? InRegister);

/// <summary>Compares an organizer's school units with the register's list for its organisation number.</summary>
public static class SchoolUnitRegisterCheck
{
    public static IReadOnlyList<RegisterDifference> Compare(IEnumerable<EnsaSchoolUnit> ensa, IEnumerable<RegisterSchoolUnit> register)
    {
        // A code listed twice is taken once, preferring a unit that is not closed.
        var listed = register.GroupBy(r => r.SchoolUnitCode.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.IsClosed).First(), StringComparer.Ordinal);
        var ours = ensa.GroupBy(u => u.SchoolUnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var differences = new List<RegisterDifference>();
        foreach (var (code, unit) in ours)
        {
            if (!listed.TryGetValue(code, out var inRegister))
                differences.Add(new(RegisterDifferenceKind.NotInRegister, code, unit, null));
            else if (inRegister.IsClosed)
                differences.Add(new(RegisterDifferenceKind.ClosedInRegister, code, unit, inRegister));
            else if (!SameName(unit.Name, inRegister.Name))
                differences.Add(new(RegisterDifferenceKind.NameDiffers, code, unit, inRegister));
        }
        differences.AddRange(listed.Values.Where(r => !r.IsClosed && !ours.ContainsKey(r.SchoolUnitCode.Trim()))
            .Select(r => new RegisterDifference(RegisterDifferenceKind.MissingInEnsa, r.SchoolUnitCode.Trim(), null, r)));
        return differences.OrderBy(d => d.Kind).ThenBy(d => d.SchoolUnitCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Spacing is not a difference worth a task; letters and case are.</summary>
    private static bool SameName(string a, string b) =>
        string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
}
