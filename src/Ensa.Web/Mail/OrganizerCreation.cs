using Ensa.Data;
using Ensa.Organizers;

namespace Ensa.Web.Mail;

/// <summary>Creates an organizer, queues its first admin's invitation and saves both together: the platform admin's
/// form and <c>admin organizer create</c> alike.</summary>
public sealed class OrganizerCreation(EnsaDbContext db, InvitationMail mail, TimeProvider clock)
{
    public async Task<(Result Result, CreatedOrganizer? Created)> CreateAsync(NewOrganizer input, Guid invitedBy,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (result, created) = await OrganizerSetup.CreateAsync(db, input, invitedBy, now);
        if (!result.Succeeded) return (result, null);
        await mail.ToOrganizerAsync(created!.Invitation, created.Token, created.Organizer.Name, now);
        await db.SaveChangesAsync(cancellationToken);
        return (result, created);
    }
}
