using System.Globalization;

namespace Ensa.Resources;

/// <summary>Who changed a catalogue entry: the user, and the organizer they acted for (null: the platform admin or the
/// supplier acting for itself). A proposal applied counts as its proposer's change, applied by <paramref name="AppliedBy"/>.</summary>
public sealed record RevisionAuthor(Guid? UserId, string Name, Guid? OrganizerId, string? AppliedBy = null);

/// <summary>One field of a catalogue entry's shared facts changed: who, for which organizer, when, before and after. The
/// entry is shared by every organizer, so every organizer reads its revisions (not a tenant row).</summary>
public sealed class ResourceRevision
{
    public const int FieldMaxLength = 40;
    public const int ValueMaxLength = LearningResource.DescriptionMaxLength;
    public const int NameMaxLength = 200;

    private ResourceRevision() { }

    private ResourceRevision(Guid resourceId, string field, string? before, string? after, RevisionAuthor by, DateTime at)
    {
        Id = Guid.NewGuid();
        (ResourceId, Field, Before, After, At) = (resourceId, field, before, after, at);
        (ChangedById, ChangedByName, OrganizerId, AppliedByName) = (by.UserId, by.Name, by.OrganizerId, by.AppliedBy);
    }

    public Guid Id { get; private set; }
    public Guid ResourceId { get; private set; }
    public DateTime At { get; private set; }
    public Guid? ChangedById { get; private set; }
    public string ChangedByName { get; private set; } = "";
    /// <summary>The organizer the change was made for (not a tenant filter).</summary>
    public Guid? OrganizerId { get; private set; }
    /// <summary>Who applied the proposal this change came from, when it came from one.</summary>
    public string? AppliedByName { get; private set; }
    /// <summary>The <see cref="ResourceFacts"/> property name.</summary>
    public string Field { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }

    /// <summary>A revision per field that differs between <paramref name="before"/> and <paramref name="after"/>.</summary>
    internal static List<ResourceRevision> Between(Guid resourceId, ResourceFacts before, ResourceFacts after, RevisionAuthor by, DateTime at) =>
        before.ChangedIn(after).Select(f => new ResourceRevision(resourceId, f, Text(before.Value(f)), Text(after.Value(f)), by, at)).ToList();

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
