using Ensa.Data;
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
}
