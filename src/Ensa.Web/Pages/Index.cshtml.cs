using System.Security.Claims;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Requests;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages;

/// <summary>The start page: what the user's roles let them see, with figures from the data.</summary>
public sealed class IndexModel(EnsaDbContext db, TimeProvider clock, Inbox.MyTasks tasks) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string? OrganizerName { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public int SchoolUnits { get; private set; }
    public int Suppliers { get; private set; }
    public int Members { get; private set; }
    public int? OpenInvitations { get; private set; }
    public int MyOpenRequests { get; private set; }
    public int? AwaitingMyApproval { get; private set; }
    public int? InReviewQueue { get; private set; }
    /// <summary>Links to the gaps view; counting them means computing the whole register (seconds at national scale).</summary>
    public bool SeesRegisterGaps { get; private set; }
    public int WaitingTasks { get; private set; }
    public int? OpenRightsCases { get; private set; }
    public int UnreadNotifications { get; private set; }
    public int? ChangesLastWeek { get; private set; }
    public IReadOnlyList<UnitRow> MyUnits { get; private set; } = [];
    public SupplierFacts? Supplier { get; private set; }
    public PlatformFigures? Platform { get; private set; }

    public sealed record UnitRow(Guid Id, string Name, string? Code);
    public sealed record SupplierFacts(string Name, string? OrganisationNumber, string? ForeignRegistration, string CountryCode,
        string ContactName, string ContactEmail, int Users);
    public sealed record PlatformFigures(int Organizers, int Suppliers, int Users);

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirstValue(EnsaClaimTypes.DisplayName) ?? "";
        var userId = User.UserId();
        WaitingTasks = await tasks.CountAsync();
        if (User.OrganizerId() is not null)
        {
            OrganizerName = User.FindFirstValue(EnsaClaimTypes.OrganizerName);
            Roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value)
                .Where(r => Enum.TryParse<Role>(r, out _)).ToList();
            // The query filter limits these to the current organizer.
            SchoolUnits = await db.OrganisationUnits.CountAsync(u => u.Kind == UnitKind.SchoolUnit);
            Suppliers = await db.Suppliers.CountAsync();
            Members = await db.Memberships.Select(m => m.UserId).Distinct().CountAsync();
            MyUnits = await db.Memberships.Where(m => m.UserId == userId && m.Role == Role.Principal)
                .Join(db.OrganisationUnits, m => m.OrganisationUnitId, u => u.Id, (m, u) => new UnitRow(u.Id, u.Name, u.SchoolUnitCode))
                .ToListAsync();
            MyUnits = MyUnits.OrderBy(u => u.Name, SwedishCalendar.Comparer).ToList();
            MyOpenRequests = await db.ResourceRequests.CountAsync(r => r.RequesterId == userId && r.Status != RequestStatus.InUse &&
                r.Status != RequestStatus.NotApproved && r.Status != RequestStatus.UseEnded && r.Status != RequestStatus.Withdrawn);
            UnreadNotifications = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
            if (MyUnits.Count > 0)
            {
                var units = MyUnits.Select(u => u.Id).ToList();
                AwaitingMyApproval = await db.ResourceRequests.CountAsync(r => r.Status == RequestStatus.AwaitingPrincipal && units.Contains(r.SchoolUnitId));
            }
            if (User.IsInRole(Ensa.Identity.Roles.CentralReviewer) || User.IsInRole(Ensa.Identity.Roles.SecurityCoordinator))
            {
                InReviewQueue = await db.ResourceRequests.CountAsync(r => r.Status == RequestStatus.InReview || r.Status == RequestStatus.AwaitingAgreement);
                SeesRegisterGaps = true;
                OpenRightsCases = await db.RightsRequests.CountAsync(r => r.ClosedAt == null);
            }
            if (User.IsInRole(Ensa.Identity.Roles.OrganizerAdmin))
            {
                var now = clock.GetUtcNow().UtcDateTime;
                OpenInvitations = await db.Invitations.CountAsync(i => i.AcceptedAt == null && i.ExpiresAt > now);
                var weekAgo = now.AddDays(-7);
                ChangesLastWeek = await db.AuditEntries.CountAsync(a => a.At >= weekAgo);
            }
        }
        if (User.SupplierId() is { } supplierId)
        {
            Supplier = await db.Suppliers.Where(s => s.Id == supplierId)
                .Select(s => new SupplierFacts(s.Name, s.OrganisationNumber, s.ForeignRegistration, s.CountryCode, s.ContactName,
                    s.ContactEmail, db.Users.Count(u => u.SupplierId == s.Id)))
                .SingleOrDefaultAsync();
        }
        if (User.IsInRole(Ensa.Identity.Roles.PlatformAdmin))
        {
            Platform = new PlatformFigures(await db.Organizers.CountAsync(), await db.Suppliers.CountAsync(), await db.Users.CountAsync());
        }
    }
}
