using Ensa.Data;
using Ensa.Identity;

namespace Ensa.Web.Mail;

/// <summary>The e-mail with an invitation's one-time link, in the invited person's language if they have an account.</summary>
public sealed class InvitationMail(EnsaDbContext db, MailComposer mail)
{
    public Task ToOrganizerAsync(Invitation invitation, string token, string organizerName, DateTime now) =>
        mail.QueueAsync(db, new OrganizerInvitationMail(invitation.DisplayName, organizerName, invitation.Role ?? Role.Requester, token,
            invitation.ExpiresAt), [invitation.Email], now);

    public Task ToSupplierAsync(SupplierInvitation invitation, string token, string supplierName, DateTime now) =>
        mail.QueueAsync(db, new SupplierInvitationMail(invitation.DisplayName, supplierName, invitation.IsAdmin, token, invitation.ExpiresAt),
            [invitation.Email], now);
}
