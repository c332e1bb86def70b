using Ensa.Agreements;
using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Mail;

/// <summary>When an organizer sends an agreement to its supplier (or sends it back, reminds, or objects to a new version), the supplier's own users
/// are told by e-mail, in the same save. A supplier with no users yet is not invited by the organizer: the platform
/// admins are asked to check who represents it and invite them (a supplier's identity is never the organizer's word).</summary>
public sealed class SupplierNotifications(MailComposer mail) : NotifyingInterceptor
{
    protected override async Task AddAsync(EnsaDbContext db, CancellationToken cancellationToken)
    {
        var steps = db.ChangeTracker.Entries<AgreementEvent>()
            .Where(e => e.State == EntityState.Added && SupplierStepMail.Steps.Contains(e.Entity.Kind)).Select(e => e.Entity).ToList();
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
                // An objection's reason is the organizer's own unless it chose to share it.
                var comment = step.Kind != AgreementEventKind.VersionChangeObjected || agreement.ObjectionReasonShared ? step.Comment : null;
                await mail.QueueNoticeAsync(db, new SupplierStepMail(step.Kind, names.Organizer, names.Resource, comment), supplierUsers, step.At,
                    cancellationToken);
                continue;
            }
            var admins = await db.Users.Where(u => u.IsPlatformAdmin && u.Email != null).Select(u => u.Email!).ToListAsync(cancellationToken);
            await mail.QueueAsync(db, new SupplierOnboardMail(names.Organizer, names.Supplier.Name, names.Resource, names.Supplier.ContactName,
                names.Supplier.ContactEmail), admins, step.At, cancellationToken);
        }
    }
}
