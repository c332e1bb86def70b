using Ensa.Data;
using Ensa.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Authorization;

/// <summary>Every successful sign-in, whatever its way in, is recorded here; the user sees their recent ones.</summary>
public sealed class SignInLog(EnsaDbContext db, TimeProvider clock)
{
    public const int Shown = 20;

    public async Task RecordAsync(EnsaUser user, SignInMethod method, string? provider = null)
    {
        db.SignInRecords.Add(new SignInRecord(user.Id, clock.GetUtcNow().UtcDateTime, method, provider));
        await db.SaveChangesAsync();
    }

    public Task<List<SignInRecord>> RecentAsync(Guid userId) =>
        db.SignInRecords.AsNoTracking().Where(r => r.UserId == userId).OrderByDescending(r => r.At).Take(Shown).ToListAsync();
}
