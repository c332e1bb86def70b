using Ensa.Agreements;
using Ensa.Common;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests.Infrastructure;

/// <summary>Reads agreements back and takes steps on them through the domain, outside any request.</summary>
public static class AgreementScenarios
{
    /// <summary>The agreement with its events and deviations, untracked.</summary>
    public static Task<Agreement> AgreementAsync(this EnsaAppFactory app, Guid id) => app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
        .Include(a => a.Events).Include(a => a.Deviations).AsSplitQuery().AsNoTracking().SingleAsync(a => a.Id == id));

    /// <summary>Takes <paramref name="steps"/> in turn on the stored agreement (events loaded) and saves it; each must succeed.</summary>
    public static Task ChangeAgreementAsync(this EnsaAppFactory app, Guid id, params Func<Agreement, Result>[] steps) => app.WithDbAsync(async db =>
    {
        var agreement = await db.Agreements.IgnoreQueryFilters().Include(a => a.Events).SingleAsync(a => a.Id == id);
        foreach (var step in steps)
        {
            var result = step(agreement);
            Assert.True(result.Succeeded, result.Error?.Code);
        }
        return await db.SaveChangesAsync();
    });
}
