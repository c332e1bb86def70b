using System.Text.RegularExpressions;
using Ensa.Common;
using Ensa.Data;
using Ensa.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Organizers;

/// <summary>What a new organizer is made from: the platform admin's form or the command line.</summary>
public sealed record NewOrganizer(string Name, string OrganisationNumber, string Slug, OrganizerKind Kind, string ControllerName,
    string AdminName, string AdminEmail, string? DpoName = null, string? DpoEmail = null);

/// <summary>A created organizer and the one-time token of its first admin's invitation, to be mailed.</summary>
public sealed record CreatedOrganizer(Organizer Organizer, Invitation Invitation, string Token);

/// <summary>Creates an organizer with its top unit and the invitation of its first organizer admin: the one way an
/// organizer comes into Ensa, whoever asks.</summary>
public static partial class OrganizerSetup
{
    public const int NameMaxLength = 200;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static bool IsValidSlug(string? slug) => slug is { Length: > 0 and <= Organizer.SlugMaxLength } && SlugPattern().IsMatch(slug);

    /// <summary>Adds the organizer, its top unit and the invitation to the context (not saved); refuses a bad or taken
    /// organisation number or short name. The caller mails the invitation and saves.</summary>
    public static async Task<(Result Result, CreatedOrganizer? Created)> CreateAsync(EnsaDbContext db, NewOrganizer input, Guid invitedBy,
        DateTime now)
    {
        var name = input.Name.Trim();
        if (name.Length is 0 or > NameMaxLength) return (new DomainError("Organizer.NameInvalid", NameMaxLength), null);
        if (!Common.OrganisationNumber.TryParse(input.OrganisationNumber, out var number)) return (new DomainError("Organizer.OrgNumberInvalid"), null);
        var slug = input.Slug.Trim().ToLowerInvariant();
        if (!IsValidSlug(slug)) return (new DomainError("Organizer.SlugInvalid", Organizer.SlugMaxLength), null);
        var controller = input.ControllerName.Trim();
        if (controller.Length is 0 or > Organizer.ControllerNameMaxLength)
            return (new DomainError("Organizer.ControllerInvalid", Organizer.ControllerNameMaxLength), null);
        var email = input.AdminEmail.Trim();
        if (email.Length is 0 or > OneTimeInvitation.EmailMaxLength || !email.Contains('@', StringComparison.Ordinal))
            return (new DomainError("Organizer.AdminEmailInvalid"), null);
        var adminName = input.AdminName.Trim();
        if (adminName.Length is 0 or > OneTimeInvitation.DisplayNameMaxLength)
            return (new DomainError("Organizer.AdminNameInvalid", OneTimeInvitation.DisplayNameMaxLength), null);

        var dpoName = Blank(input.DpoName);
        var dpoEmail = Blank(input.DpoEmail);
        if (dpoName?.Length > Organizer.DataProtectionOfficerNameMaxLength)
            return (new DomainError("Organizer.DpoNameInvalid", Organizer.DataProtectionOfficerNameMaxLength), null);
        if (dpoEmail is not null && (dpoEmail.Length > Organizer.EmailMaxLength || !dpoEmail.Contains('@', StringComparison.Ordinal)))
            return (new DomainError("Organizer.DpoEmailInvalid"), null);

        var numberText = number.ToString();
        if (await db.Organizers.AnyAsync(o => o.OrganisationNumber == numberText)) return (new DomainError("Organizer.OrgNumberTaken", numberText), null);
        if (await db.Organizers.AnyAsync(o => o.Slug == slug)) return (new DomainError("Organizer.SlugTaken", slug), null);

        var organizer = new Organizer(name, slug, number, input.Kind, controller, now);
        organizer.SetDataProtectionOfficer(dpoName, dpoEmail);
        db.Organizers.Add(organizer);
        db.OrganisationUnits.Add(OrganisationUnit.Administration(organizer.Id, name));
        var (invitation, token) = Invitation.Create(organizer.Id, Role.OrganizerAdmin, null, email, adminName, invitedBy, now);
        db.Invitations.Add(invitation);
        return (Result.Ok, new CreatedOrganizer(organizer, invitation, token));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
