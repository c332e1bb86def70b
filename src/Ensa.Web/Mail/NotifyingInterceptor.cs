using Ensa.Data;
using Ensa.Identity;
using Ensa.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ensa.Web.Mail;

/// <summary>Adds notifications and outbox e-mail for what a save is about to store, in that same save, so that nothing
/// goes untold and nothing is told that was not saved.</summary>
public abstract class NotifyingInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is EnsaDbContext db) await AddAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is EnsaDbContext db) AddAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    protected abstract Task AddAsync(EnsaDbContext db, CancellationToken cancellationToken);

    /// <summary>The users holding one of <paramref name="roles"/> at the organizer (at <paramref name="unitId"/> only, when given).</summary>
    protected static Task<List<Guid>> MembersAsync(EnsaDbContext db, Guid organizerId, Role[] roles, CancellationToken cancellationToken,
        Guid? unitId = null) =>
        db.Memberships.IgnoreQueryFilters()
            .Where(m => m.OrganizerId == organizerId && roles.Contains(m.Role) && (unitId == null || m.OrganisationUnitId == unitId))
            .Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);

    /// <summary>Tells each of <paramref name="userIds"/> not yet in <paramref name="told"/> (which starts with the one who
    /// acted) in the app and by e-mail, each once, and adds them to it.</summary>
    protected static async Task TellAsync(EnsaDbContext db, MailComposer mail, ISet<Guid> told, IEnumerable<Guid> userIds, Guid organizerId,
        string key, string argument, string link, MailTemplate template, DateTime at, CancellationToken cancellationToken)
    {
        var ids = userIds.Where(told.Add).ToList();
        if (ids.Count == 0) return;
        var people = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        foreach (var person in people) db.Notifications.Add(new Notification(person.Id, organizerId, key, argument, link, at));
        await mail.QueueNoticeAsync(db, template, people.Select(p => p.Email), at, cancellationToken);
    }

    /// <summary>A resource's name; it may be new in this same save (demo data, added from a review), so the tracker first.</summary>
    protected static async Task<string> ResourceNameAsync(EnsaDbContext db, Guid resourceId, CancellationToken cancellationToken) =>
        db.LearningResources.Local.FirstOrDefault(r => r.Id == resourceId)?.Name
        ?? await db.LearningResources.Where(r => r.Id == resourceId).Select(r => r.Name).SingleAsync(cancellationToken);
}
