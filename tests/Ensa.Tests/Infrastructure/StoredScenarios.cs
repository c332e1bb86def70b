using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests.Infrastructure;

/// <summary>Reads back what the app stored, past the tenant filters and untracked, for a test to assert on.</summary>
public static class StoredScenarios
{
    /// <summary>The one stored <typeparamref name="T"/> that matches.</summary>
    public static Task<T> StoredAsync<T>(this EnsaAppFactory app, Expression<Func<T, bool>> where) where T : class =>
        app.WithDbAsync(db => db.Set<T>().IgnoreQueryFilters().AsNoTracking().SingleAsync(where));

    public static Task<List<T>> AllStoredAsync<T>(this EnsaAppFactory app, Expression<Func<T, bool>> where) where T : class =>
        app.WithDbAsync(db => db.Set<T>().IgnoreQueryFilters().AsNoTracking().Where(where).ToListAsync());

    public static Task<bool> IsStoredAsync<T>(this EnsaAppFactory app, Expression<Func<T, bool>> where) where T : class =>
        app.WithDbAsync(db => db.Set<T>().IgnoreQueryFilters().AnyAsync(where));

    public static Task<int> CountStoredAsync<T>(this EnsaAppFactory app, Expression<Func<T, bool>> where) where T : class =>
        app.WithDbAsync(db => db.Set<T>().IgnoreQueryFilters().CountAsync(where));
}
