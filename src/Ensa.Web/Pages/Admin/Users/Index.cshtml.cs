using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Admin.Users;

public sealed class IndexModel(EnsaDbContext db, TimeProvider clock) : PageModel
{
    public sealed record RoleRow(Role Role, string? Unit);
    public sealed record MemberRow(Guid Id, string Name, string Email, bool TwoFactor, IReadOnlyList<RoleRow> Roles);

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];
    public sealed record DeactivatedRow(Guid Id, string Name, string Email, DateTime Since);
    /// <summary>People deactivated here (with no role given again since).</summary>
    public IReadOnlyList<DeactivatedRow> Deactivated { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Memberships
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .Select(x => new
            {
                x.u.Id, x.u.DisplayName, x.u.Email, x.u.TwoFactorEnabled, x.m.Role,
                Unit = db.OrganisationUnits.Where(o => o.Id == x.m.OrganisationUnitId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync();
        Members = rows.GroupBy(r => r.Id)
            .Select(g => new MemberRow(g.Key, g.First().DisplayName, g.First().Email ?? "", g.First().TwoFactorEnabled,
                g.Select(r => new RoleRow(r.Role, r.Unit)).ToList()))
            .OrderBy(m => m.Name, SwedishCalendar.Comparer).ToList();
        var active = Members.Select(m => m.Id).ToHashSet();
        Deactivated = (await db.SuspendedMemberships
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.Email, m.SuspendedAt })
                .ToListAsync())
            .Where(r => !active.Contains(r.Id)).GroupBy(r => r.Id)
            .Select(g => new DeactivatedRow(g.Key, g.First().DisplayName, g.First().Email ?? "", g.Max(r => r.SuspendedAt)))
            .OrderBy(r => r.Name, SwedishCalendar.Comparer).ToList();
        Invitations = await db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(50).ToListAsync();
    }
}
