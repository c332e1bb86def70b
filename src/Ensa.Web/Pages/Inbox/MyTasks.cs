using Ensa.Data;
using Ensa.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Inbox;

/// <summary>The signed-in person's <see cref="TaskList"/>: as an organizer's staff at the current organizer, as a
/// supplier's user, or as a platform admin. The count is kept for the request, since the layout and the start page both
/// show it.</summary>
public sealed class MyTasks(EnsaDbContext db, TaskList tasks, RequestAccess access, IHttpContextAccessor http)
{
    private int? _count;
    private Actor? _actor;

    public async Task<Actor?> ActorAsync()
    {
        var user = http.HttpContext?.User;
        if (_actor is not null || user?.UserId() is not { } userId) return _actor;
        if (user.SupplierId() is { } supplierId) return _actor = Actor.SupplierUser(userId, "", supplierId);
        var platformAdmin = user.IsInRole(Ensa.Identity.Roles.PlatformAdmin);
        if (user.OrganizerId() is null) return _actor = platformAdmin ? Actor.PlatformAdmin(userId, "") : null;
        return _actor = await access.ActorAsync() with { IsPlatformAdmin = platformAdmin };
    }

    public async Task<int> CountAsync()
    {
        if (_count is { } known) return known;
        _count = await ActorAsync() is { } actor ? await tasks.CountAsync(actor, await EmailAsync(actor)) : 0;
        return _count.Value;
    }

    public async Task<IReadOnlyList<WaitingTask>> ListAsync() =>
        await ActorAsync() is { } actor ? await tasks.ListAsync(actor, await EmailAsync(actor)) : [];

    private Task<string?> EmailAsync(Actor actor) => db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Email).SingleOrDefaultAsync();
}
