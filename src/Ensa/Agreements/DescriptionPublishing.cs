using Ensa.Common;
using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Agreements;

/// <summary>A supplier publishes a new version of its description, and every agreement in force on an older version
/// gets notice of the change (GDPR Art. 28(2): the controller may object), and every draft still without a description
/// gets notice that there is one now. The caller saves; the agreement events
/// added here are what tells the organizers (see AgreementNotifications in the web app).</summary>
public static class DescriptionPublishing
{
    public static async Task<Result> PublishAsync(EnsaDbContext db, Actor actor, SupplierDescription draft, DateTime now,
        CancellationToken cancellationToken = default)
    {
        var published = draft.Publish(actor, now);
        if (!published.Succeeded) return published;

        // The description serves every organizer: past the tenant filter on purpose, and only agreements in force
        // on this very resource and supplier.
        var agreements = await db.Agreements.IgnoreQueryFilters()
            .Where(a => a.ResourceId == draft.ResourceId && a.SupplierId == draft.SupplierId
                        && a.Status == AgreementStatus.InForce && a.DescriptionVersion < draft.Version)
            .ToListAsync(cancellationToken);
        foreach (var agreement in agreements)
        {
            var notice = agreement.NoticeVersionChange(draft, now);
            if (!notice.Succeeded) throw new InvalidOperationException($"Agreement {agreement.Id}: {notice.Error!.Code}");
        }

        // Drafts made before the supplier described the resource wait for this: their organizers are told at each publication.
        var drafts = await db.Agreements.IgnoreQueryFilters()
            .Where(a => a.ResourceId == draft.ResourceId && a.SupplierId == draft.SupplierId
                        && a.Status == AgreementStatus.Draft && a.DescriptionId == null)
            .ToListAsync(cancellationToken);
        foreach (var agreement in drafts)
        {
            var notice = agreement.NoticeDescriptionPublished(draft, now);
            if (!notice.Succeeded) throw new InvalidOperationException($"Agreement {agreement.Id}: {notice.Error!.Code}");
        }
        return Result.Ok;
    }
}
