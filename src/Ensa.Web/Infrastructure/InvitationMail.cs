using Ensa.Data;
using Ensa.Identity;
using Ensa.Mail;

namespace Ensa.Web.Infrastructure;

/// <summary>The e-mail with an invitation's one-time link. The person may have no account yet, so it is written in
/// Swedish with English below, and the link is built from Ensa's public address.</summary>
public sealed class InvitationMail(EnsaDbContext db, PublicLinks links)
{
    public void ToOrganizer(Invitation invitation, string token, string organizerName, DateTime now)
    {
        var link = links.Page("/Account/AcceptInvitation", new { token });
        Queue(invitation.Email, MailTexts.Text("Invite.MailSubject", Format.Swedish, organizerName),
            MailTexts.Body(c => MailTexts.Text("Invite.MailBody", c, invitation.DisplayName, organizerName,
                MailTexts.Text("Role." + invitation.Role, c), link, Format.DateTime(invitation.ExpiresAt))), now);
    }

    public void ToSupplier(SupplierInvitation invitation, string token, string supplierName, DateTime now)
    {
        var link = links.Page("/Account/AcceptInvitation", new { token });
        Queue(invitation.Email, MailTexts.Text("SupplierInvite.MailSubject", Format.Swedish, supplierName),
            MailTexts.Body(c => MailTexts.Text(invitation.IsAdmin ? "SupplierInvite.MailBodyAdmin" : "SupplierInvite.MailBody", c,
                invitation.DisplayName, supplierName, link, Format.DateTime(invitation.ExpiresAt))), now);
    }

    private void Queue(string to, string subject, string body, DateTime now) =>
        db.OutboxMessages.Add(new OutboxMessage(to, subject, body, null, now));
}
