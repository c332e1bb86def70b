using Ensa.Agreements;
using Ensa.Data;
using Ensa.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Mail;

/// <summary>When a platform admin publishes a new version of the main text, every organizer with an agreement on an
/// older version that is not over (in force, or still being made) is told: its agreement people, in the app and by
/// e-mail, in the same save as the version. The notice names the new version, the headings of the changed sections and
/// how many of the organizer's agreements rest on an older one, and links to the changes.</summary>
public sealed class TemplateNotifications(MailComposer mail) : NotifyingInterceptor
{
    public const string Key = "Notify.Template.Published";

    private static readonly Role[] AgreementPeople = [Role.CentralReviewer, Role.SecurityCoordinator, Role.OrganizerAdmin];

    private static readonly AgreementStatus[] Over = [AgreementStatus.Terminated, AgreementStatus.Expired];

    protected override async Task AddAsync(EnsaDbContext db, CancellationToken cancellationToken)
    {
        var published = db.ChangeTracker.Entries<AgreementTemplate>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var template in published)
        {
            var previous = await db.AgreementTemplates.AsNoTracking().Where(t => t.Version < template.Version)
                .OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken);
            if (previous is null) continue;
            var changes = TemplateComparison.Compare(previous.Sections, template.Sections);
            // Every organizer's agreements: the platform admin who publishes acts for none of them.
            var organizers = await db.Agreements.IgnoreQueryFilters()
                .Where(a => a.TemplateVersion < template.Version && !Over.Contains(a.Status))
                .GroupBy(a => a.OrganizerId).Select(g => new { OrganizerId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var link = $"/Agreements/MainText/{template.Version}";
            var version = Argument(template.Version, changes);
            foreach (var organizer in organizers)
            {
                var told = new HashSet<Guid>();
                if (template.PublishedById is { } admin) told.Add(admin);
                await TellAsync(db, mail, told, await MembersAsync(db, organizer.OrganizerId, AgreementPeople, cancellationToken), organizer.OrganizerId,
                    Key, version, link, new TemplatePublishedMail(template.Version, previous.Version, template.Title, changes, organizer.Count, link),
                    template.PublishedAt, cancellationToken);
            }
        }
    }

    /// <summary>The notice's argument: the version and the numbers and headings of the changed sections, within the
    /// notice's column ("3 (2 Behandling av personuppgifter, 9 Underbiträden)").</summary>
    public static string Argument(int version, IReadOnlyList<SectionChange> changes)
    {
        var text = version.ToString(SwedishCalendar.Culture);
        if (changes.Count > 0) text += $" ({string.Join(", ", changes.Select(c => $"{c.Section.Number} {c.Section.Heading}"))})";
        return text.Length <= ArgumentMaxLength ? text : string.Concat(text.AsSpan(0, ArgumentMaxLength - 2), "…)");
    }

    private const int ArgumentMaxLength = 200;
}
