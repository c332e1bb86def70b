using Ensa.Common;

namespace Ensa.Notifications;

/// <summary>A message to one user in the app ("your request was approved"), with a link. The text is a resource
/// key and one argument, rendered in the reader's language.</summary>
public sealed class Notification : IOrganizerOwned
{
    private Notification() { }

    public Notification(Guid userId, Guid organizerId, string messageKey, string argument, string link, DateTime now)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        OrganizerId = organizerId;
        MessageKey = messageKey;
        Argument = argument;
        Link = link;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid OrganizerId { get; private set; }
    public string MessageKey { get; private set; } = "";
    public string Argument { get; private set; } = "";
    public string Link { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
