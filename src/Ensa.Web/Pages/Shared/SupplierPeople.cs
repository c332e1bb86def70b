using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages;

/// <summary>Whom an invitation is for, as the inviter types it (an organizer's or a supplier's invitation).</summary>
public class InviteeInput
{
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(OneTimeInvitation.EmailMaxLength, ErrorMessage = "Validation.Length")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(OneTimeInvitation.DisplayNameMaxLength, ErrorMessage = "Validation.Length")]
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; set; } = "";
}

/// <summary>Who acts for a supplier and who is invited to: what the platform admin's supplier page and a supplier admin's
/// users page both show, and the invitation both send (partial _SupplierPeople).</summary>
public sealed class SupplierPeople
{
    public sealed record Person(string Name, string Email, bool IsAdmin);
    public sealed record Pending(string Email, string Name, bool IsAdmin, DateTime Sent, DateTime ExpiresAt);

    public sealed class InviteInput : InviteeInput
    {
        [Display(Name = "SupplierUsers.MakeAdmin")]
        public bool IsAdmin { get; set; }
    }

    public string SupplierName { get; private set; } = "";
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<Pending> Invitations { get; private set; } = [];

    public static async Task<SupplierPeople?> LoadAsync(EnsaDbContext db, Guid supplierId, DateTime now)
    {
        var name = await db.Suppliers.Where(s => s.Id == supplierId).Select(s => s.Name).SingleOrDefaultAsync();
        if (name is null) return null;
        return new SupplierPeople
        {
            SupplierName = name,
            People = (await db.Users.Where(u => u.SupplierId == supplierId)
                    .Select(u => new Person(u.DisplayName, u.Email ?? "", u.IsSupplierAdmin)).ToListAsync())
                .OrderBy(p => p.Name, SwedishCalendar.Comparer).ToList(),
            Invitations = await db.SupplierInvitations.Where(i => i.SupplierId == supplierId && i.AcceptedAt == null && i.ExpiresAt > now)
                .OrderByDescending(i => i.CreatedAt)
                .Select(i => new Pending(i.Email, i.DisplayName, i.IsAdmin, i.CreatedAt, i.ExpiresAt)).ToListAsync(),
        };
    }

    /// <summary>Makes the invitation to this (loaded) supplier — the domain checks who may — and queues its e-mail; saved
    /// by the caller.</summary>
    public async Task<Result> InviteAsync(EnsaDbContext db, InvitationMail mail, EnsaUser by, Guid supplierId, InviteInput input, DateTime now)
    {
        var made = SupplierInvitation.Create(InvitingForSupplier.Of(by), supplierId, input.IsAdmin, input.Email, input.DisplayName, now,
            out var invitation, out var token);
        if (!made.Succeeded) return made;
        db.SupplierInvitations.Add(invitation);
        await mail.ToSupplierAsync(invitation, token, SupplierName, now);
        return Result.Ok;
    }
}
