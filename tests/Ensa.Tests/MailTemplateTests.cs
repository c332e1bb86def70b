using System.Text.RegularExpressions;
using Ensa.Agreements;
using Ensa.Identity;
using Ensa.Privacy;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>Every kind of message Ensa sends, rendered in Swedish, in English and for an address without an account:
/// no placeholder, enum name or resource key left, and every link absolute from Ensa:PublicUrl.</summary>
public sealed partial class MailTemplateTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private static readonly DateTime At = new(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day = new(2026, 12, 20);
    private static readonly string[] TaskKeys =
    [
        "Notify.Task.Review", "Notify.Task.SecurityPart", "Notify.Task.NameResponsibles", "Notify.Agreement.SupplierCompleted",
        "Notify.Agreement.ReviewStarted", "Notify.Agreement.ReadyToSign", "Notify.Rights.Closed",
    ];

    /// <summary>One of each kind, and of each kind for every step, role or choice it is written for.</summary>
    public static IEnumerable<MailTemplate> Samples() =>
    [
        .. Enum.GetValues<Role>().Select(r => new OrganizerInvitationMail("Nina Ny", "Mittköpings kommun", r, "tok-en_1", At)),
        new SupplierInvitationMail("Jonas Lund", "Kodkraft AB", IsAdmin: true, "tok-en_2", At),
        new SupplierInvitationMail("Jonas Lund", "Kodkraft AB", IsAdmin: false, "tok-en_3", At),
        new PasswordResetMail("Anna Lindberg", Guid.NewGuid(), "tok-en_4"),
        new TwoFactorResetMail("Anna Lindberg", "Lisa Ekström"),
        // Created is the request's first step and is not told (RequestNotifications).
        .. Enum.GetValues<RequestEventKind>().Where(k => k != RequestEventKind.Created)
            .Select(k => new RequestStepMail(k, "Sagoväven Läsresan", Guid.NewGuid())),
        .. Enum.GetValues<Decision>().Select(d => new RequestStepMail(RequestEventKind.Decided, "Sagoväven Läsresan", Guid.NewGuid(), d, "Bara för personal.")),
        .. TaskKeys.Select(k => new TaskMail(k, "Sagoväven Läsresan", "/Requests/" + Guid.Empty)),
        new TaskMail("Notify.Task.AdministratorNamed", "Sagoväven Läsresan (Centrumskolan)", null),
        new DigestMail([new("Notify.Task.Review", "Sagoväven Läsresan", "/Requests/" + Guid.Empty, At), new("Notify.Rights.Closed", "BUN 2026/311", "/Privacy/" + Guid.Empty, At)]),
        new AgreementVersionChangeMail("Sagoväven Läsresan", At,
        [
            new("Retention", "Ett läsår.", "Två läsår."),
            new("SubProcessors[Molnbolaget Inc].Safeguard", null, nameof(TransferSafeguard.StandardContractualClauses)),
            new("Locations[Datahall i Frankfurt].Use", nameof(LocationUse.Storage), "Processing, Storage"),
            new("PersonalData[Namn].Sensitive", "False", "True"),
            new("DataSubjects[Pupils].Description", null, "Elever i åk 1–3"),
            new("SubProcessors[Molnbolaget Inc].CountryCode", "SE", "US"),
            new("Transfers[Molnbolaget Inc US].Safeguard", nameof(TransferSafeguard.AdequacyDecision), nameof(TransferSafeguard.DataPrivacyFramework)),
        ], Guid.NewGuid()),
        new TemplatePublishedMail(3, 2, "Personuppgiftsbiträdesavtal", [.. Enum.GetValues<SectionChangeKind>().Select(k =>
            new SectionChange(k, k == SectionChangeKind.Added ? null : new("2", "Behandling", "Förr."), k == SectionChangeKind.Removed ? null : new("2", "Behandling", "Nu.")))],
            4, "/Agreements/MainText/3"),
        .. Enum.GetValues<AgreementReminder>().Select(r => new AgreementReminderMail(r, "Sagoväven Läsresan", Day, Guid.NewGuid())),
        .. SupplierStepMail.Steps.Select(s => new SupplierStepMail(s, "Mittköpings kommun", "Sagoväven Läsresan", "Fyll i underbiträdena.")),
        new SupplierOnboardMail("Mittköpings kommun", "Kodkraft AB", "Kodkraft Matte", "Jonas Lund", "jonas@kodkraft.example"),
        .. Enum.GetValues<RightsKind>().Select(k => new RightsTaskMail(k, "Sagoväven Läsresan", "Centrumskolan", "BUN 2026/311", Day, "tok-en_5")),
        new RightsReminderMail("Sagoväven Läsresan", "Centrumskolan", "BUN 2026/311", Day),
        new TaskReminderMail(Ensa.Tasks.TaskKind.Review, "Sagoväven Läsresan", new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc), Escalated: true),
        new Ss12000SyncMail(new Ensa.Common.DomainError("Ss12000.Unauthorized", "organisations", 401), [], Guid.NewGuid()),
        new Ss12000SyncMail(null, [new Ensa.MasterData.ImportRunLine("organisation", "org-7", "Ss12000.Skip.SchoolUnitCode", ["7", "8452010"])], Guid.NewGuid()),
    ];

    private static readonly Type[] Enums =
        [typeof(Role), typeof(RequestEventKind), typeof(AgreementEventKind), typeof(AgreementReminder), typeof(RightsKind),
         typeof(TransferSafeguard), typeof(LocationUse), typeof(DataSubjectKind)];

    [Fact]
    public void Samples_CoverEveryKindOfMessage()
    {
        var kinds = typeof(MailTemplate).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(MailTemplate)) && !t.IsAbstract);
        Assert.Empty(kinds.Except(Samples().Select(s => s.GetType())));
    }

    [Fact]
    public void Render_EveryKindInEachLanguage_HasNoPlaceholderEnumNameOrKeyAndOnlyAbsoluteLinks()
    {
        var composer = app.Services.GetRequiredService<MailComposer>();
        var keys = MailTexts.Swedish.GetAllStrings(includeParentCultures: true).Select(s => s.Name).Where(k => k.Contains('.', StringComparison.Ordinal)).ToList();
        var names = Enums.SelectMany(Enum.GetNames).Distinct().ToList();
        foreach (var sample in Samples())
        {
            foreach (var (language, reader) in new[] { (MailTexts.Swedish, "sv"), (MailTexts.English, "en"), (null, "no account") })
            {
                var (subject, body) = composer.Render(sample, language);
                var text = subject + "\n" + body;
                var where = $"{sample.GetType().Name} ({reader}):\n{text}";
                Assert.False(string.IsNullOrWhiteSpace(subject), where);
                Assert.False(Placeholder().IsMatch(text), "placeholder left in " + where);
                var keysLeft = keys.Where(k => text.Contains(k, StringComparison.Ordinal)).ToList();
                Assert.True(keysLeft.Count == 0, $"{string.Join(", ", keysLeft)} in {where}");
                // In English single-word names ("Requester", "Principal") are also the words themselves; compound names
                // (PrincipalApproved, StandardContractualClauses) never are, and Swedish has none.
                var enumNames = names.Where(n => language == MailTexts.Swedish || Compound().IsMatch(n)).Where(n => Regex.IsMatch(text, $@"\b{n}\b")).ToList();
                Assert.True(enumNames.Count == 0, $"{string.Join(", ", enumNames)} in {where}");
                Assert.All(Link().Matches(text), l => Assert.StartsWith(EnsaAppFactory.PublicUrl + "/", l.Value, StringComparison.Ordinal));
                Assert.False(RelativeLink().IsMatch(text), "relative link in " + where);
            }
        }
    }

    [Fact]
    public void Render_NoAccount_SwedishWithEnglishBelow()
    {
        var composer = app.Services.GetRequiredService<MailComposer>();
        var mail = new RequestStepMail(RequestEventKind.Submitted, "Sagoväven Läsresan", Guid.NewGuid());

        var (subject, body) = composer.Render(mail, null);

        Assert.Equal("Ensa: En förfrågan om Sagoväven Läsresan väntar på rektors godkännande.", subject);
        var swedish = body.IndexOf("väntar på rektors godkännande", StringComparison.Ordinal);
        var english = body.IndexOf("is waiting for the principal's approval", StringComparison.Ordinal);
        Assert.True(swedish >= 0 && english > swedish, body);
        Assert.DoesNotContain("väntar på rektors", composer.Render(mail, MailTexts.English).Body, StringComparison.Ordinal);
        Assert.DoesNotContain("principal's approval", composer.Render(mail, MailTexts.Swedish).Body, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{\d")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Z][a-z]+[A-Z]")]
    private static partial Regex Compound();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w:/.])/[A-Za-z]")]
    private static partial Regex RelativeLink();
}
