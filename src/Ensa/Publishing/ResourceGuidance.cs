using Ensa.Common;

namespace Ensa.Publishing;

/// <summary>What an organizer tells its staff, pupils and guardians about one approved resource: how to start using it
/// and its usage guidelines (text and links, e.g. for the large shared platforms). Shown on the public list.</summary>
public sealed class ResourceGuidance : IOrganizerOwned, IAudited
{
    public const int TextMaxLength = 4000;
    public const int LinksMaxLength = 2000;

    private ResourceGuidance() { }

    public ResourceGuidance(Guid organizerId, Guid resourceId)
    {
        Id = Guid.NewGuid();
        OrganizerId = organizerId;
        ResourceId = resourceId;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid ResourceId { get; private set; }
    public string? HowToStart { get; private set; }
    public string? Guidelines { get; private set; }
    /// <summary>Absolute http(s) addresses, one per line.</summary>
    public string? Links { get; private set; }

    public void Change(string? howToStart, string? guidelines, IReadOnlyCollection<string> links)
    {
        HowToStart = Trim(howToStart);
        Guidelines = Trim(guidelines);
        Links = links.Count == 0 ? null : string.Join('\n', links);
    }

    public IReadOnlyList<string> LinkList => Links?.Split('\n') ?? [];

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
