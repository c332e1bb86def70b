using Ensa.Agreements;
using Ensa.Identity;
using Ensa.MasterData;
using Ensa.Privacy;
using Ensa.Requests;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Mail;

/// <summary>One kind of message Ensa sends: its subject and plain-text body in one language, from the resx texts.
/// Links are built from <see cref="PublicLinks"/> only, so every one is absolute from Ensa:PublicUrl.</summary>
public abstract record MailTemplate
{
    public abstract string Subject(IStringLocalizer l);
    public abstract string Body(IStringLocalizer l, PublicLinks links);

    /// <summary>Subjects of notices start with the app's name, so they are told apart in a full inbox.</summary>
    protected static string Notice(string text) => "Ensa: " + text;

    protected static string WithLink(IStringLocalizer l, string text, string link) => $"{text}\n{l["Notify.MailLink", link]}";

    protected static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", SwedishCalendar.Culture);
}

/// <summary>An invitation to a role at an organizer, with its one-time link.</summary>
public sealed record OrganizerInvitationMail(string DisplayName, string Organizer, Role Role, string Token, DateTime ExpiresAt) : MailTemplate
{
    public override string Subject(IStringLocalizer l) => l["Invite.MailSubject", Organizer];

    public override string Body(IStringLocalizer l, PublicLinks links) => l["Invite.MailBody", DisplayName, Organizer, l["Role." + Role].Value,
        links.Page("/Account/AcceptInvitation", new { token = Token }), Format.DateTime(ExpiresAt)];
}

/// <summary>An invitation to act for a supplier (as its admin or not), with its one-time link.</summary>
public sealed record SupplierInvitationMail(string DisplayName, string Supplier, bool IsAdmin, string Token, DateTime ExpiresAt) : MailTemplate
{
    public override string Subject(IStringLocalizer l) => l["SupplierInvite.MailSubject", Supplier];

    public override string Body(IStringLocalizer l, PublicLinks links) => l[IsAdmin ? "SupplierInvite.MailBodyAdmin" : "SupplierInvite.MailBody",
        DisplayName, Supplier, links.Page("/Account/AcceptInvitation", new { token = Token }), Format.DateTime(ExpiresAt)];
}

/// <summary>A password reset link.</summary>
public sealed record PasswordResetMail(string DisplayName, Guid UserId, string Token) : MailTemplate
{
    public override string Subject(IStringLocalizer l) => l["Forgot.MailSubject"];

    public override string Body(IStringLocalizer l, PublicLinks links) =>
        l["Forgot.MailBody", DisplayName, links.Page("/Account/ResetPassword", new { userId = UserId, token = Token })];
}

/// <summary>An admin reset the reader's two-factor: who did, and where to set it up again.</summary>
public sealed record TwoFactorResetMail(string DisplayName, string ResetBy) : MailTemplate
{
    public override string Subject(IStringLocalizer l) => Notice(l["TwoFactorReset.MailSubject"]);

    public override string Body(IStringLocalizer l, PublicLinks links) =>
        l["TwoFactorReset.MailBody", DisplayName, ResetBy, links.To("/Account/TwoFactor")];
}

/// <summary>A step of a resource request, to its requester and the unit's principals; a decision says what was decided
/// and its conditions or reason.</summary>
public sealed record RequestStepMail(RequestEventKind Step, string Resource, Guid RequestId, Decision? Decision = null, string? Detail = null)
    : MailTemplate
{
    public override string Subject(IStringLocalizer l) => Notice(l["Notify." + Step, Resource]);

    public override string Body(IStringLocalizer l, PublicLinks links) => WithLink(l,
        Decision is { } decision ? $"{l["Notify." + Step, Resource]}\n{l["Notify.Decision." + decision, Detail ?? ""]}" : l["Notify." + Step, Resource],
        links.To($"/Requests/{RequestId}"));
}

/// <summary>A step that gives the reader something to do (or that closes what they began): the notice's text key and
/// argument, as in the app, and the page to act on (none for a reader without an account).</summary>
public sealed record TaskMail(string Key, string Argument, string? Link) : MailTemplate
{
    public override string Subject(IStringLocalizer l) => Notice(l[Key, Argument]);

    public override string Body(IStringLocalizer l, PublicLinks links) =>
        Link is null ? l[Key, Argument] : WithLink(l, l[Key, Argument], links.To(Link));
}

/// <summary>A person's notices since their last digest, oldest first, each with its link.</summary>
public sealed record DigestMail(IReadOnlyList<DigestMail.Item> Items) : MailTemplate
{
    public sealed record Item(string Key, string Argument, string Link, DateTime At);

    public override string Subject(IStringLocalizer l) => Items.Count == 1 ? l["Digest.SubjectOne"] : l["Digest.Subject", Items.Count];

    public override string Body(IStringLocalizer l, PublicLinks links) => l["Digest.Intro"] + "\n\n" +
        string.Concat(Items.Select(i => $"- {Format.DateTime(i.At)}: {l[i.Key, i.Argument]}\n  {links.To(i.Link)}\n"));
}

/// <summary>A supplier changed the description an agreement in force rests on: the changed fields (by their names on
/// the page) and the last day to object.</summary>
public sealed record AgreementVersionChangeMail(string Resource, DateTime Deadline, IReadOnlyList<FieldChange> Changes, Guid AgreementId)
    : MailTemplate
{
    private const string Key = "Notify.Agreement.VersionChangeNotified";

    public override string Subject(IStringLocalizer l) => Notice(l[Key, Resource]);

    public override string Body(IStringLocalizer l, PublicLinks links)
    {
        var list = string.Concat(Changes.Select(c =>
            $"  {AgreementFields.Label(c.Field, l)}: {Short(AgreementFields.Value(c.Field, c.Before, l))} → {Short(AgreementFields.Value(c.Field, c.After, l))}\n"));
        return $"{l[Key, Resource]}\n{l["Notify.Agreement.Deadline", Format.Date(Deadline)]}\n\n" +
               $"{l["Notify.Agreement.Changes", Changes.Count]}\n{list}\n" +
               l["Notify.MailLink", links.To($"/Agreements/{AgreementId}")];
    }

    private static string Short(string? value) =>
        value is null ? "–" : value.Length > 200 ? string.Concat(value.AsSpan(0, 200), "…") : value;
}

/// <summary>A new version of the main text is published while agreements of the reader's organizer rest on an older one:
/// the sections that changed (by number and heading) and the page that shows how.</summary>
public sealed record TemplatePublishedMail(int Version, int Previous, string Title, IReadOnlyList<SectionChange> Changes, int Agreements, string Link)
    : MailTemplate
{
    public override string Subject(IStringLocalizer l) => Notice(l["Notify.Template.Subject", Version]);

    public override string Body(IStringLocalizer l, PublicLinks links)
    {
        var list = string.Concat(Changes.Select(c => $"  {l["Templates.Change." + c.Kind]}: {c.Section.Number} {c.Section.Heading}\n"));
        return $"{l[TemplateNotifications.Key, Version]}\n{Title}\n\n{l["Notify.Template.Agreements", Agreements]}\n\n" +
               $"{l["Notify.Template.Changes", Changes.Count, Previous]}\n{list}\n{l["Notify.Template.Resign"]}\n\n" +
               l["Notify.MailLink", links.To(Link)];
    }
}

/// <summary>An agreement's review date or end date is near.</summary>
public sealed record AgreementReminderMail(AgreementReminder Reminder, string Resource, DateOnly Date, Guid AgreementId) : MailTemplate
{
    private string Text(IStringLocalizer l) =>
        l[Reminder == AgreementReminder.ReviewDate ? "Notify.Agreement.ReviewReminder" : "Notify.Agreement.EndReminder", $"{Resource} ({Day(Date)})"];

    public override string Subject(IStringLocalizer l) => Notice(Text(l));

    public override string Body(IStringLocalizer l, PublicLinks links) => WithLink(l, Text(l), links.To($"/Agreements/{AgreementId}"));
}

/// <summary>An organizer sent an agreement to its supplier, sent the description back (with a comment), reminded or
/// objected to a new version (with the reason when shared): to
/// the supplier's users.</summary>
public sealed record SupplierStepMail(AgreementEventKind Step, string Organizer, string Resource, string? Comment) : MailTemplate
{
    public static readonly AgreementEventKind[] Steps =
        [AgreementEventKind.SentToSupplier, AgreementEventKind.ReturnedToSupplier, AgreementEventKind.SupplierReminded,
            AgreementEventKind.VersionChangeObjected, AgreementEventKind.ReadyToSign, AgreementEventKind.Signed];

    public override string Subject(IStringLocalizer l) => Notice(l[$"SupplierMail.{Step}.Subject", Organizer, Resource]);

    public override string Body(IStringLocalizer l, PublicLinks links) =>
        l[$"SupplierMail.{Step}.Body", Organizer, Resource, links.To("/Supplier"), Comment ?? ""];
}

/// <summary>An agreement waits for a supplier nobody acts for yet: the platform admins are asked to onboard it.</summary>
public sealed record SupplierOnboardMail(string Organizer, string Supplier, string Resource, string ContactName, string ContactEmail)
    : MailTemplate
{
    public override string Subject(IStringLocalizer l) => Notice(l["SupplierMail.Onboard.Subject", Supplier]);

    public override string Body(IStringLocalizer l, PublicLinks links) => l["SupplierMail.Onboard.Body", Organizer, Supplier, Resource,
        ContactName, ContactEmail, links.To("/Platform/Suppliers")];
}

/// <summary>A task of a rights request, to the resource's local system administrator at the unit, with the one-time
/// link that answers it (never the person's identity).</summary>
public sealed record RightsTaskMail(RightsKind Kind, string Resource, string Unit, string CaseReference, DateOnly Deadline, string Token)
    : MailTemplate
{
    public override string Subject(IStringLocalizer l) => Notice(l[$"RightsMail.{Kind}.Subject", Resource, Unit, CaseReference]);

    public override string Body(IStringLocalizer l, PublicLinks links) =>
        l[$"RightsMail.{Kind}.Body", Resource, Unit, CaseReference, Day(Deadline), links.To($"/Tasks/{Uri.EscapeDataString(Token)}")];
}

/// <summary>A rights task is overdue (the first message's link still answers it).</summary>
public sealed record RightsReminderMail(string Resource, string Unit, string CaseReference, DateOnly Deadline) : MailTemplate
{
    public override string Subject(IStringLocalizer l) => Notice(l["RightsMail.Reminder.Subject", Resource, Unit, CaseReference]);

    public override string Body(IStringLocalizer l, PublicLinks links) =>
        l["RightsMail.Reminder.Body", Resource, Unit, CaseReference, Day(Deadline)];
}

/// <summary>A scheduled SS 12000 sync failed or skipped records: to the organizer's admins, the error or the skipped
/// records as counts per reason, and the link to the run.</summary>
public sealed record Ss12000SyncMail(DomainError? Error, IReadOnlyList<ImportRunLine> Skipped, Guid RunId) : MailTemplate
{
    private const int MaxReasons = 20;

    public override string Subject(IStringLocalizer l) =>
        Notice(Error is null ? l["MasterData.SyncMail.SkippedSubject", Skipped.Count] : l["MasterData.SyncMail.FailedSubject"]);

    public override string Body(IStringLocalizer l, PublicLinks links)
    {
        var text = Error is { } e ? l["MasterData.SyncMail.Failed", l[e.Code, e.Args].Value].Value : l["MasterData.SyncMail.Skipped", Skipped.Count].Value;
        var reasons = Skipped.GroupBy(k => $"{k.Type}: {l[k.Code, k.Args.Cast<object>().ToArray()]}").OrderByDescending(g => g.Count()).ToList();
        var list = string.Concat(reasons.Take(MaxReasons).Select(g => $"  {g.Count()} × {g.Key}\n"));
        if (reasons.Count > MaxReasons) list += $"  {l["MasterData.SyncMail.MoreReasons", reasons.Count - MaxReasons]}\n";
        return WithLink(l, list.Length == 0 ? text : $"{text}\n\n{list}", links.Page("/Admin/MasterData", new { run = RunId }));
    }
}

/// <summary>A task waited past the organizer's target: to its people, or (escalated, past twice the target) to the
/// central department, with the way to the inbox.</summary>
public sealed record TaskReminderMail(Ensa.Tasks.TaskKind Kind, string About, DateTime Since, bool Escalated) : MailTemplate
{
    private string Text(IStringLocalizer l) =>
        l[Escalated ? "Notify.TaskEscalated" : "Notify.TaskReminder", $"{l["Inbox.Kind." + Kind]}: {About} ({Format.Date(Since)})"];

    public override string Subject(IStringLocalizer l) => Notice(Text(l));

    public override string Body(IStringLocalizer l, PublicLinks links) => WithLink(l, Text(l), links.To("/Inbox"));
}
