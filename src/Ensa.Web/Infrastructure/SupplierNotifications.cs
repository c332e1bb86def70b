using Ensa.Agreements;
using Ensa.Data;
using Ensa.Mail;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Infrastructure;

/// <summary>When an organizer sends an agreement to its supplier (or sends it back, or reminds), the supplier's own users
/// are told by e-mail, in the same save. A supplier with no users yet is not invited by the organizer: the platform
/// admins are asked to check who represents it and invite them (a supplier's identity is never the organizer's word).</summary>
public sealed class SupplierNotifications : NotifyingInterceptor
{
    private static readonly AgreementEventKind[] Kinds =
        [AgreementEventKind.SentToSupplier, AgreementEventKind.ReturnedToSupplier, AgreementEventKind.SupplierReminded];

    protected override async Task AddAsync(EnsaDbContext db, CancellationToken cancellationToken)
    {
        var steps = db.ChangeTracker.Entries<AgreementEvent>()
            .Where(e => e.State == EntityState.Added && Kinds.Contains(e.Entity.Kind)).Select(e => e.Entity).ToList();
        foreach (var step in steps)
        {
            var agreement = db.ChangeTracker.Entries<Agreement>().Select(e => e.Entity).Single(a => a.Id == step.AgreementId);
            var names = new
            {
                Resource = await db.LearningResources.Where(r => r.Id == agreement.ResourceId).Select(r => r.Name).SingleAsync(cancellationToken),
                Organizer = await db.Organizers.Where(o => o.Id == agreement.OrganizerId).Select(o => o.Name).SingleAsync(cancellationToken),
                Supplier = await db.Suppliers.Where(s => s.Id == agreement.SupplierId).Select(s => new { s.Name, s.ContactName, s.ContactEmail }).SingleAsync(cancellationToken),
            };
            var supplierUsers = await db.Users.Where(u => u.SupplierId == agreement.SupplierId && u.Email != null)
                .Select(u => u.Email!).ToListAsync(cancellationToken);
            if (supplierUsers.Count > 0)
            {
                var url = (db.Session.BaseUrl ?? "") + "/Supplier";
                var key = "SupplierMail." + step.Kind;
                foreach (var email in supplierUsers.Distinct(StringComparer.OrdinalIgnoreCase))
                    db.OutboxMessages.Add(new OutboxMessage(email,
                        "Ensa: " + MailTexts.Text(key + ".Subject", Format.Swedish, names.Organizer, names.Resource),
                        MailTexts.Body(c => MailTexts.Text(key + ".Body", c, names.Organizer, names.Resource, url, step.Comment ?? "")),
                        null, step.At));
                continue;
            }
            var admins = await db.Users.Where(u => u.IsPlatformAdmin && u.Email != null).Select(u => u.Email!).ToListAsync(cancellationToken);
            var onboard = (db.Session.BaseUrl ?? "") + "/Platform/Suppliers";
            foreach (var email in admins)
                db.OutboxMessages.Add(new OutboxMessage(email,
                    "Ensa: " + MailTexts.Text("SupplierMail.Onboard.Subject", Format.Swedish, names.Supplier.Name),
                    MailTexts.Body(c => MailTexts.Text("SupplierMail.Onboard.Body", c, names.Organizer, names.Supplier.Name, names.Resource,
                        names.Supplier.ContactName, names.Supplier.ContactEmail, onboard)),
                    null, step.At));
        }
    }
}
