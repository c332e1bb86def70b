using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.MasterData;

/// <summary>The one rule for people with "Skyddad folkbokföring" or "Sekretessmarkering" in the organizer's source: their
/// accounts (through <see cref="ImportedPerson.UserId"/>) are protected at that organizer, and wherever a name or e-mail
/// would leave the organizer (a public page, the supplier portal, mail or documents for a supplier) a neutral text goes
/// instead. The organizer's own pages may still show the name. Read past the tenant filter: public and supplier pages
/// have no organizer of their own, so the organizer is always named.</summary>
public static class ProtectedIdentity
{
    /// <summary>The accounts of the organizer's protected people.</summary>
    public static IQueryable<Guid> ProtectedUserIds(this EnsaDbContext db, Guid organizerId) =>
        db.ImportedPersons.IgnoreQueryFilters()
            .Where(p => p.OrganizerId == organizerId && p.IsProtectedIdentity && p.UserId != null)
            .Select(p => p.UserId!.Value);

    public static Task<bool> IsProtectedAsync(this EnsaDbContext db, Guid organizerId, Guid userId, CancellationToken cancellationToken = default) =>
        db.ProtectedUserIds(organizerId).AnyAsync(id => id == userId, cancellationToken);
}
