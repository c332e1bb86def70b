using Ensa.Agreements;
using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Mail;

/// <summary>When an organizer sends an agreement to its supplier (or makes a draft before the supplier described the
/// resource, sends it back, reminds, or objects to a new version), the supplier's own users
/// are told by e-mail, in the same save. A supplier with no users yet is not invited by the organizer: the platform
/// admins are asked to check who represents it and invite them (a supplier's identity is never the organizer's word).</summary>
public sealed class SupplierNotifications(MailComposer mail) : NotifyingInterceptor
{
    protected override async Task AddAsync(EnsaDbContext db, CancellationToken cancellationToken)
    {
        var steps = db.ChangeTracker.Entries<AgreementEvent>()
            .Where(e => e.State == EntityState.Added && (SupplierStepMail.Steps.Contains(e.Entity.Kind) || e.Entity.Kind == AgreementEventKind.Created))
            .Select(e => e.Entity).ToList();
        foreach (var step in steps)
        {
            var agreement = db.ChangeTracker.Entries<Agreement>().Select(e => e.Entity).Single(a => a.Id == step.AgreementId);
            // A draft made before the supplier described the resource waits for it as one sent would: the supplier is
            // asked as by a sending, once per organizer (not again for its second such draft).
            var kind = step.Kind;
            if (kind == AgreementEventKind.Created)
            {
                if (agreement.DescriptionId is not null || steps.Exists(s => s.AgreementId == agreement.Id && s.Kind == AgreementEventKind.SentToSupplier)
                    || await AlreadyWaitingAsync(db, agreement, cancellationToken)) continue;
                kind = AgreementEventKind.SentToSupplier;
            }
            // Find looks in the change tracker first: the resource, or the whole agreement, may be saved in this very save.
            var supplier = (await db.Suppliers.FindAsync([agreement.SupplierId], cancellationToken))!;
            var names = new
            {
                Resource = (await db.LearningResources.FindAsync([agreement.ResourceId], cancellationToken))!.Name,
                Organizer = (await db.Organizers.FindAsync([agreement.OrganizerId], cancellationToken))!.Name,
                Supplier = new { supplier.Name, supplier.ContactName, supplier.ContactEmail },
            };
            var supplierUsers = await db.Users.Where(u => u.SupplierId == agreement.SupplierId && u.Email != null)
                .Select(u => u.Email!).ToListAsync(cancellationToken);
            if (supplierUsers.Count > 0)
            {
                // An objection's reason is the organizer's own unless it chose to share it.
                var comment = step.Kind != AgreementEventKind.VersionChangeObjected || agreement.ObjectionReasonShared ? step.Comment : null;
                await mail.QueueNoticeAsync(db, new SupplierStepMail(kind, names.Organizer, names.Resource, comment), supplierUsers, step.At,
                    cancellationToken);
                continue;
            }
            // Signing concerns a supplier someone acts for; onboarding is asked for by the steps that wait for a description.
            if (kind is AgreementEventKind.ReadyToSign or AgreementEventKind.Signed) continue;
            var admins = await db.Users.Where(u => u.IsPlatformAdmin && u.Email != null).Select(u => u.Email!).ToListAsync(cancellationToken);
            await mail.QueueAsync(db, new SupplierOnboardMail(names.Organizer, names.Supplier.Name, names.Resource, names.Supplier.ContactName,
                names.Supplier.ContactEmail), admins, step.At, cancellationToken);
        }
    }

    /// <summary>Whether another agreement of this organizer already waits for the supplier's description of this resource.</summary>
    private static Task<bool> AlreadyWaitingAsync(EnsaDbContext db, Agreement agreement, CancellationToken cancellationToken) =>
        db.Agreements.IgnoreQueryFilters().Where(Agreement.WaitsForDescription(db.SupplierDescriptions))
            .AnyAsync(a => a.Id != agreement.Id && a.OrganizerId == agreement.OrganizerId && a.ResourceId == agreement.ResourceId
                           && a.SupplierId == agreement.SupplierId, cancellationToken);
}
