using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Resources;
using Ensa.Suppliers;

namespace Ensa.Tests;

/// <summary>The agreement rules without HTTP: template versions, supplier descriptions, the comparison, the PDF check
/// and every lifecycle step, allowed and refused.</summary>
public sealed class AgreementDomainTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly byte[] Pdf = Ensa.Demo.DemoData.DemoPdf("Signerat avtal");

    private readonly Guid _organizerId = Guid.NewGuid();
    private readonly Supplier _supplier = new("Sagoväven AB", null, "REG 1", "SE", "Elin Svahn", "elin@sagovaven.example", Now);
    private readonly Supplier _otherSupplier = new("Numerix AB", null, "REG 2", "SE", "Per Gran", "per@numerix.example", Now);
    private readonly LearningResource _resource;
    private readonly LearningResource _otherResource;
    private readonly AgreementTemplate _template;

    public AgreementDomainTests()
    {
        _resource = new LearningResource("Läsresan", _supplier.Id, ResourceType.WebService, Now);
        _otherResource = new LearningResource("Bokstavslek", _supplier.Id, ResourceType.App, Now);
        Assert.True(AgreementTemplate.Publish(Actor.System, 0, PlaceholderTemplate.Title, PlaceholderTemplate.Sections, true, Now,
            out var template).Succeeded);
        _template = template!;
    }

    private static Actor Staff(string name, params Role[] roles) => Actor.OrganizerStaff(Guid.NewGuid(), name, roles.ToHashSet());
    private static readonly Actor Reviewer = Staff("Sara Nilsson", Role.CentralReviewer);
    private static readonly Actor Security = Staff("Ahmed Karimi", Role.SecurityCoordinator);
    private static readonly Actor Admin = Staff("Lisa Ekström", Role.OrganizerAdmin);
    private static readonly Actor Requester = Staff("Anna Lindberg", Role.Requester);
    private static readonly Actor Principal = Staff("Karin Holm", Role.Principal);
    private Actor SupplierUser => Actor.SupplierUser(Guid.NewGuid(), "Elin Svahn", _supplier.Id);
    private Actor OtherSupplierUser => Actor.SupplierUser(Guid.NewGuid(), "Per Gran", _otherSupplier.Id);

    private static readonly OrganizerParts Parts = new("Grundskolenämnden",
        new ContactPerson("Lisa Ekström", "lisa@mittkoping.example"), new ContactPerson("Dataskyddsombudet", "dso@mittkoping.example"));

    internal static InstructionContent Content() => new()
    {
        SubjectMatter = "Läsfrämjande webbtjänst",
        Nature = "Lagring och analys av läsaktivitet",
        Purposes = "Att eleverna ska kunna läsa och läraren följa deras läsning",
        DataSubjects = [new(DataSubjectKind.Pupils), new(DataSubjectKind.Staff, "Lärare")],
        PersonalData = [new("Namn"), new("Läshistorik")],
        ProcessingOperations = ["Lagring", "Analys"],
        Retention = "Så länge kontot finns",
        Deletion = "Inom 30 dagar efter avslut",
        Locations = [new("Driftcenter Stockholm", "SE", LocationUse.Processing | LocationUse.Storage)],
        SecurityMeasures = ["Kryptering vid lagring"],
        Logging = "All åtkomst loggas",
        LogAccess = "Huvudmannen får loggar på begäran",
        AgreementContact = new("Elin Svahn", "elin@sagovaven.example"),
        DataProtectionContact = new("Dataskydd Sagoväven", "dpo@sagovaven.example"),
        SubProcessors = [new("Molnhallen AB", "556000-0001", "Box 1, Stockholm", "Drift", "SE")],
    };

    private SupplierDescription Published(LearningResource? resource = null, InstructionContent? content = null)
    {
        var user = SupplierUser;
        Assert.True(SupplierDescription.StartFirstDraft(user, resource ?? _resource, Now, out var draft).Succeeded);
        Assert.True(draft!.Edit(user, content ?? Content(), Now).Succeeded);
        Assert.True(draft.Publish(user, Now).Succeeded);
        return draft;
    }

    private SupplierDescription NextVersion(SupplierDescription published, Func<InstructionContent, InstructionContent> change)
    {
        var user = SupplierUser;
        Assert.True(published.StartNextDraft(user, Now, out var next).Succeeded);
        Assert.True(next!.Edit(user, change(next.Content()), Now).Succeeded);
        Assert.True(next.Publish(user, Now).Succeeded);
        return next;
    }

    private Agreement Draft(SupplierDescription? description = null, OrganizerParts? parts = null)
    {
        Assert.True(Agreement.Create(_organizerId, Admin, _template, _resource, description, parts ?? Parts, Now, out var agreement).Succeeded);
        return agreement!;
    }

    /// <summary>An agreement walked along the usual path (via the supplier) up to <paramref name="status"/>.</summary>
    private Agreement In(AgreementStatus status, SupplierDescription? description = null)
    {
        description ??= Published();
        var a = Draft();
        void Step(Result r) => Assert.True(r.Succeeded, r.Error?.Code);
        if (status == AgreementStatus.Draft) return a;
        Step(a.SendToSupplier(Admin, Now));
        if (status == AgreementStatus.SentToSupplier) return a;
        Step(a.CompleteBySupplier(SupplierUser, description, Now));
        if (status == AgreementStatus.SupplierCompleted) return a;
        Step(a.StartReview(Reviewer, Now));
        if (status == AgreementStatus.UnderReview) return a;
        Step(a.RecordReview(Reviewer, "Pedagogiskt bra", Now));
        Step(a.RecordSecurityReview(Security, "Godtagbar säkerhet", Now));
        Step(a.ApproveForSigning(Reviewer, Now));
        if (status == AgreementStatus.ReadyToSign) return a;
        Step(a.RecordSigning(Admin, Signatories(), "avtal.pdf", Pdf, Now));
        if (status == AgreementStatus.Signed) return a;
        Step(a.PutInForce(Admin, Today, Today.AddYears(1), Today.AddYears(3), Now));
        if (status == AgreementStatus.InForce) return a;
        throw new ArgumentOutOfRangeException(nameof(status));
    }

    private static SignatoryInput[] Signatories() =>
    [
        new(AgreementParty.Organizer, "Eva Ordförande", "Ordförande, Grundskolenämnden", Today),
        new(AgreementParty.Supplier, "Elin Svahn", "VD, Sagoväven AB", Today),
    ];

    private static void Refused(string code, Result result) => Assert.Equal(code, result.Error?.Code);

    // ---------------------------------------------------------------- template

    [Fact]
    public void TemplatePublish_PlatformAdmin_MakesNextVersionAndTrimsSections()
    {
        var admin = Actor.PlatformAdmin(Guid.NewGuid(), "Nora Lindgren");
        var result = AgreementTemplate.Publish(admin, 3, " Avtal ", [new(" 1 ", " Parter ", " Text ")], false, Now, out var template);
        Assert.True(result.Succeeded);
        Assert.Equal(4, template!.Version);
        Assert.Equal(new TemplateSection("1", "Parter", "Text"), Assert.Single(template.Sections));
        Assert.Equal("Nora Lindgren", template.PublishedByName);
        Assert.False(template.IsPlaceholder);
    }

    [Fact]
    public void TemplatePublish_NotPlatformAdmin_IsRefused()
    {
        Refused("Template.NotPlatformAdmin", AgreementTemplate.Publish(Admin, 1, "T", [new("1", "H", "T")], false, Now, out var t));
        Assert.Null(t);
        Refused("Template.NotPlatformAdmin", AgreementTemplate.Publish(SupplierUser, 1, "T", [new("1", "H", "T")], false, Now, out _));
    }

    [Fact]
    public void TemplatePublish_NoSectionsEmptySectionOrDuplicateNumber_IsRefused()
    {
        var admin = Actor.PlatformAdmin(Guid.NewGuid(), "Nora");
        Refused("Template.SectionsMissing", AgreementTemplate.Publish(admin, 0, "T", [], false, Now, out _));
        Refused("Template.SectionIncomplete", AgreementTemplate.Publish(admin, 0, "T", [new("1", "H", " ")], false, Now, out _));
        Refused("Template.DuplicateSectionNumber", AgreementTemplate.Publish(admin, 0, "T", [new("1", "H", "A"), new("1 ", "I", "B")], false, Now, out _));
    }

    [Fact]
    public void PlaceholderTemplate_Shipped_IsVersionOneMarkedAsPlaceholder()
    {
        Assert.Equal(1, _template.Version);
        Assert.True(_template.IsPlaceholder);
        Assert.Contains("platshållar", _template.Title, StringComparison.Ordinal);
        Assert.Contains("SKR", _template.Sections[0].Text, StringComparison.Ordinal);
        Assert.True(_template.Sections.Count >= 15);
    }

    // ---------------------------------------------------------------- supplier description

    [Fact]
    public void DescriptionStart_UserOfAnotherSupplierOrOrganizerStaff_IsRefused()
    {
        Refused("Description.NotThisSupplier", SupplierDescription.StartFirstDraft(OtherSupplierUser, _resource, Now, out var draft));
        Assert.Null(draft);
        Refused("Description.NotThisSupplier", SupplierDescription.StartFirstDraft(Reviewer, _resource, Now, out _));
    }

    [Fact]
    public void DescriptionEdit_UserOfAnotherSupplier_IsRefused()
    {
        Assert.True(SupplierDescription.StartFirstDraft(SupplierUser, _resource, Now, out var draft).Succeeded);
        Refused("Description.NotThisSupplier", draft!.Edit(OtherSupplierUser, Content(), Now));
        Refused("Description.NotThisSupplier", draft.Publish(OtherSupplierUser, Now));
        Assert.Equal("", draft.Purposes);
    }

    [Fact]
    public void DescriptionPublish_Complete_MakesVersionOneThatCannotChange()
    {
        var description = Published();
        Assert.True(description.IsPublished);
        Assert.Equal(1, description.Version);
        Assert.Equal(Now, description.PublishedAt);
        Refused("Description.Published", description.Edit(SupplierUser, Content() with { Purposes = "Annat" }, Now));
        Refused("Description.Published", description.Publish(SupplierUser, Now));
        Assert.Equal(Content().Purposes, description.Purposes);
    }

    [Theory]
    [InlineData("purposes", "Description.PurposesMissing")]
    [InlineData("subjects", "Description.DataSubjectsMissing")]
    [InlineData("data", "Description.PersonalDataMissing")]
    [InlineData("retention", "Description.RetentionMissing")]
    [InlineData("locations", "Description.LocationsMissing")]
    [InlineData("contacts", "Description.ContactsMissing")]
    [InlineData("location-outside-eea", "Description.TransferMissing")]
    [InlineData("subprocessor-outside-eea", "Description.SafeguardMissing")]
    public void DescriptionPublish_IncompleteInstruction_IsRefused(string gap, string code)
    {
        var c = Content();
        c = gap switch
        {
            "purposes" => c with { Purposes = " " },
            "subjects" => c with { DataSubjects = [] },
            "data" => c with { PersonalData = [] },
            "retention" => c with { Deletion = "" },
            "locations" => c with { Locations = [] },
            "contacts" => c with { DataProtectionContact = new("Namn", "") },
            "location-outside-eea" => c with { Locations = [.. c.Locations, new("Backup", "us", LocationUse.Storage)] },
            _ => c with { SubProcessors = [.. c.SubProcessors, new("CloudCo Inc", null, "1 Main St, Seattle", "Drift", "US")] },
        };
        var user = SupplierUser;
        Assert.True(SupplierDescription.StartFirstDraft(user, _resource, Now, out var draft).Succeeded);
        Assert.True(draft!.Edit(user, c, Now).Succeeded);
        Refused(code, draft.Publish(user, Now));
        Assert.False(draft.IsPublished);
    }

    [Fact]
    public void DescriptionPublish_ThirdCountryWithSafeguards_IsAllowedAndFlagged()
    {
        var c = Content() with
        {
            Locations = [.. Content().Locations, new("Support", "US", LocationUse.Processing)],
            Transfers = [new("CloudCo Inc", "US", TransferSafeguard.DataPrivacyFramework)],
            SubProcessors = [.. Content().SubProcessors, new("CloudCo Inc", null, "1 Main St, Seattle", "Support", "us", TransferSafeguard.DataPrivacyFramework)],
            PersonalData = [new("Personnummer", PersonalIdentityNumber: true)],
        };
        var description = Published(content: c);
        Assert.True(description.HasThirdCountryTransfer);
        Assert.True(description.HasPersonalIdentityNumbers);
        Assert.False(description.HasSensitiveData);
        Assert.Equal("US", description.SubProcessors[1].CountryCode);
        Assert.False(Published().HasThirdCountryTransfer);
    }

    [Fact]
    public void DescriptionStartNextDraft_FromPublished_CopiesContentAsNextVersion()
    {
        var v1 = Published();
        Assert.True(v1.StartNextDraft(SupplierUser, Now, out var v2).Succeeded);
        Assert.Equal(2, v2!.Version);
        Assert.False(v2.IsPublished);
        Assert.Empty(DescriptionComparison.Compare(v1.Content(), v2.Content()));
        Refused("Description.NotPublished", v2.StartNextDraft(SupplierUser, Now, out _));
        Refused("Description.NotThisSupplier", v1.StartNextDraft(OtherSupplierUser, Now, out _));
    }

    // ---------------------------------------------------------------- comparison

    [Fact]
    public void Compare_SameContentWithListsReordered_NoChanges()
    {
        var c = Content();
        var reordered = c with { PersonalData = [.. c.PersonalData.Reverse()], ProcessingOperations = ["Analys", "Lagring"] };
        Assert.Empty(DescriptionComparison.Compare(c, reordered));
    }

    [Fact]
    public void Compare_ScalarAndItemFieldChanged_ShowsBeforeAndAfter()
    {
        var c = Content();
        var changed = c with
        {
            Retention = "Ett år",
            PersonalData = [new("Namn"), new("Läshistorik", Sensitive: true)],
        };
        Assert.Equal(
        [
            new FieldChange("PersonalData[Läshistorik].Sensitive", "False", "True"),
            new FieldChange("Retention", "Så länge kontot finns", "Ett år"),
        ], DescriptionComparison.Compare(c, changed));
    }

    [Fact]
    public void Compare_SubProcessorAddedAndOperationRemoved_ShowsItemsWithoutBeforeOrAfter()
    {
        var c = Content();
        var changed = c with
        {
            ProcessingOperations = ["Lagring"],
            SubProcessors = [.. c.SubProcessors, new("CloudCo Inc", null, "Seattle", "Support", "US", TransferSafeguard.DataPrivacyFramework)],
        };
        var changes = DescriptionComparison.Compare(c, changed);
        Assert.Contains(new FieldChange("ProcessingOperations[Analys]", "Analys", null), changes);
        Assert.Contains(new FieldChange("SubProcessors[CloudCo Inc].CountryCode", null, "US"), changes);
        Assert.Contains(new FieldChange("SubProcessors[CloudCo Inc].Safeguard", null, "DataPrivacyFramework"), changes);
        Assert.Contains(new FieldChange("SubProcessors[CloudCo Inc].Activities", null, "Support"), changes);
        Assert.DoesNotContain(changes, ch => ch.Field.StartsWith("SubProcessors[Molnhallen AB]", StringComparison.Ordinal));
        Assert.Equal(6, changes.Count); // one operation gone; five fields of the new sub-processor (its name is the key)
    }

    [Theory]
    [InlineData("Retention", true)]
    [InlineData("SubProcessors[Ny AB].CountryCode", true)]
    [InlineData("AgreementContact.Email", true)]
    [InlineData("Retention.Foo", false)]
    [InlineData("Nonsense", false)]
    [InlineData("", false)]
    public void IsKnownField_DescriptionPaths_AreRecognised(string field, bool known) =>
        Assert.Equal(known, DescriptionComparison.IsKnownField(field));

    // ---------------------------------------------------------------- signed PDF

    [Fact]
    public void PdfCheck_StartsWithPdfMagic_IsAccepted() => Assert.True(SignedAgreementDocument.Check(Pdf).Succeeded);

    [Fact]
    public void PdfCheck_EmptyOtherContentOrTooLarge_IsRefused()
    {
        Refused("SignedPdf.Empty", SignedAgreementDocument.Check([]));
        Refused("SignedPdf.Empty", SignedAgreementDocument.Check(null));
        Refused("SignedPdf.NotPdf", SignedAgreementDocument.Check([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A]));
        Refused("SignedPdf.NotPdf", SignedAgreementDocument.Check(" %PDF-1.7"u8.ToArray()));
        Refused("SignedPdf.NotPdf", SignedAgreementDocument.Check("%PDF"u8.ToArray()));
        var large = new byte[SignedAgreementDocument.MaxBytes + 1];
        "%PDF-"u8.CopyTo(large);
        Refused("SignedPdf.TooLarge", SignedAgreementDocument.Check(large));
    }

    /// <summary>Issue 8, finding 12: the prefix alone is not a PDF; the file must open as one.</summary>
    [Fact]
    public void PdfCheck_OnlyThePrefixOrABrokenPdf_IsRefused_ARealOneOpens()
    {
        Refused("SignedPdf.NotPdf", SignedAgreementDocument.Check("%PDF-1.4\n<html><script>alert(1)</script></html>"u8.ToArray()));
        Refused("SignedPdf.NotPdf", SignedAgreementDocument.Check("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray()));
        var real = Ensa.Demo.DemoData.DemoPdf("Signerat");
        Refused("SignedPdf.NotPdf", SignedAgreementDocument.Check(real[..(real.Length / 2)]));
        Assert.True(SignedAgreementDocument.Check(real).Succeeded);
    }

    [Theory]
    [InlineData("avtal.pdf", "avtal.pdf")]
    [InlineData("C:\\Users\\x\\Signerat avtal 2026.PDF", "Signerat avtal 2026.pdf")]
    [InlineData("faktura\u202Efdp.exe", "fakturafdp.pdf")]
    [InlineData("avtal.pdf.html", "avtal.pdf")]
    [InlineData("<script>x</script>.html", "script.pdf")]
    [InlineData("a\u0000b\u0007c\u200Fd.pdf", "abcd.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("...", "avtal.pdf")]
    [InlineData("", "avtal.pdf")]
    public void UploadedFileName_IsNormalised(string name, string kept) =>
        Assert.Equal(kept, Ensa.Common.UploadedFileName.Normalize(name, ".pdf", "avtal"));

    [Fact]
    public void UploadedFileName_IsKeptShort()
    {
        var kept = Ensa.Common.UploadedFileName.Normalize(new string('å', 500) + ".pdf", ".pdf", "avtal");
        Assert.Equal(Ensa.Common.UploadedFileName.MaxLength, kept.Length);
        Assert.EndsWith(".pdf", kept, StringComparison.Ordinal);
    }

    [Fact]
    public void PdfHash_IsLowerCaseSha256() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SignedAgreementDocument.Hash("abc"u8.ToArray()));

    // ---------------------------------------------------------------- create and organizer parts

    [Fact]
    public void Create_ManagerWithCurrentDescription_StartsDraftOnThatVersion()
    {
        var description = Published();
        Assert.True(Agreement.Create(_organizerId, Reviewer, _template, _resource, description, Parts, Now, out var a).Succeeded);
        Assert.Equal(AgreementStatus.Draft, a!.Status);
        Assert.Equal((description.Id, 1), (a.DescriptionId!.Value, a.DescriptionVersion!.Value));
        Assert.Equal((_template.Id, 1), (a.TemplateId, a.TemplateVersion));
        Assert.Equal(_supplier.Id, a.SupplierId);
        Assert.Equal(Parts, a.Parts);
        Assert.Equal(AgreementEventKind.Created, Assert.Single(a.Events).Kind);
    }

    [Fact]
    public void Create_NotAgreementManager_IsRefused()
    {
        foreach (var actor in new[] { Requester, Principal, Security, SupplierUser, Actor.PlatformAdmin(Guid.NewGuid(), "Nora") })
        {
            Refused("Agreement.NotManager", Agreement.Create(_organizerId, actor, _template, _resource, null, Parts, Now, out var a));
            Assert.Null(a);
        }
    }

    [Fact]
    public void Create_DraftDescriptionOrOtherResourcesDescription_IsRefused()
    {
        Assert.True(SupplierDescription.StartFirstDraft(SupplierUser, _resource, Now, out var draft).Succeeded);
        Refused("Agreement.DescriptionNotPublished", Agreement.Create(_organizerId, Admin, _template, _resource, draft, Parts, Now, out _));
        Refused("Agreement.DescriptionOtherResource",
            Agreement.Create(_organizerId, Admin, _template, _resource, Published(_otherResource), Parts, Now, out _));
        var orphan = new LearningResource("Utan leverantör", null, ResourceType.App, Now);
        Refused("Agreement.ResourceWithoutSupplier", Agreement.Create(_organizerId, Admin, _template, orphan, null, Parts, Now, out _));
    }

    [Fact]
    public void EditOrganizerParts_BeforeReadyToSign_AllowedAfterwardsRefused()
    {
        var a = In(AgreementStatus.UnderReview);
        var parts = Parts with { ControllerName = "Barn- och utbildningsnämnden" };
        Assert.True(a.EditOrganizerParts(Admin, parts, Now).Succeeded);
        Assert.Equal("Barn- och utbildningsnämnden", a.ControllerName);
        Refused("Agreement.NotManager", a.EditOrganizerParts(SupplierUser, Parts, Now));
        var ready = In(AgreementStatus.ReadyToSign);
        Refused("Agreement.NotEditable", ready.EditOrganizerParts(Admin, parts, Now));
    }

    [Fact]
    public void SetRegistryNumber_AfterSigning_IsRecordedButNotShownToSupplier()
    {
        var a = In(AgreementStatus.InForce);
        Assert.True(a.SetRegistryNumber(Admin, " BUN 2027/123 ", Now).Succeeded);
        Assert.Equal("BUN 2027/123", a.RegistryNumber);
        Assert.False(a.Events[^1].IsVisibleToSupplier);
        Refused("Agreement.NotManager", a.SetRegistryNumber(SupplierUser, "X", Now));
        Refused("Agreement.RegistryNumberMissing", a.SetRegistryNumber(Admin, " ", Now));
    }

    // ---------------------------------------------------------------- to the supplier and back

    [Fact]
    public void SendToSupplier_Draft_MovesOnOnceByManagerOnly()
    {
        var a = Draft();
        Refused("Agreement.NotManager", a.SendToSupplier(SupplierUser, Now));
        Refused("Agreement.NotManager", a.SendToSupplier(Security, Now));
        Assert.True(a.SendToSupplier(Admin, Now).Succeeded);
        Assert.Equal(AgreementStatus.SentToSupplier, a.Status);
        Refused("Agreement.NotDraft", a.SendToSupplier(Admin, Now));
    }

    [Fact]
    public void CompleteBySupplier_OwnSupplierWithPublishedVersion_AttachesIt()
    {
        var a = In(AgreementStatus.SentToSupplier);
        var description = Published();
        Assert.True(a.CompleteBySupplier(SupplierUser, description, Now).Succeeded);
        Assert.Equal(AgreementStatus.SupplierCompleted, a.Status);
        Assert.Equal(description.Id, a.DescriptionId);
        Assert.True(a.Events[^1].IsVisibleToSupplier);
    }

    [Fact]
    public void CompleteBySupplier_OtherSupplierOrganizerStaffWrongStateOrDraftDescription_IsRefused()
    {
        var description = Published();
        var a = In(AgreementStatus.SentToSupplier);
        Refused("Agreement.NotThisSupplier", a.CompleteBySupplier(OtherSupplierUser, description, Now));
        Refused("Agreement.NotThisSupplier", a.CompleteBySupplier(Admin, description, Now));
        Assert.True(description.StartNextDraft(SupplierUser, Now, out var draft).Succeeded);
        Refused("Agreement.DescriptionNotPublished", a.CompleteBySupplier(SupplierUser, draft!, Now));
        Refused("Agreement.DescriptionOtherResource", a.CompleteBySupplier(SupplierUser, Published(_otherResource), Now));
        Assert.Equal(AgreementStatus.SentToSupplier, a.Status);
        Refused("Agreement.NotSentToSupplier", Draft().CompleteBySupplier(SupplierUser, description, Now));
    }

    [Fact]
    public void StartReview_DraftOnExistingDescription_SkipsTheSupplier()
    {
        var a = Draft(Published());
        Assert.True(a.StartReview(Reviewer, Now).Succeeded);
        Assert.Equal(AgreementStatus.UnderReview, a.Status);
    }

    [Fact]
    public void StartReview_WithoutDescriptionWrongStateOrNotManager_IsRefused()
    {
        Refused("Agreement.DescriptionMissing", Draft().StartReview(Reviewer, Now));
        Refused("Agreement.NotReadyForReview", In(AgreementStatus.SentToSupplier).StartReview(Reviewer, Now));
        Refused("Agreement.NotManager", In(AgreementStatus.SupplierCompleted).StartReview(SupplierUser, Now));
        Refused("Agreement.NotReadyForReview", In(AgreementStatus.UnderReview).StartReview(Reviewer, Now));
    }

    // ---------------------------------------------------------------- review

    [Fact]
    public void RecordReviews_ReviewerAndSecurityCoordinator_EachRecordTheirPartWithNameAndTime()
    {
        var a = In(AgreementStatus.UnderReview);
        var later = Now.AddHours(2);
        Assert.True(a.RecordReview(Reviewer, " Bra ", Now).Succeeded);
        Assert.True(a.RecordSecurityReview(Security, "Kryptering ok", later).Succeeded);
        Assert.Equal(("Sara Nilsson", Now, "Bra"), (a.ReviewerName!, a.ReviewedAt!.Value, a.ReviewNotes!));
        Assert.Equal(("Ahmed Karimi", later, "Kryptering ok"), (a.SecurityCoordinatorName!, a.SecurityReviewedAt!.Value, a.SecurityNotes!));
        Assert.False(a.Events[^1].IsVisibleToSupplier);
        Assert.False(a.Events[^2].IsVisibleToSupplier);
    }

    [Fact]
    public void RecordReviews_WrongRoleOrNotUnderReview_IsRefused()
    {
        var a = In(AgreementStatus.UnderReview);
        Refused("Agreement.NotReviewer", a.RecordReview(Security, null, Now));
        Refused("Agreement.NotReviewer", a.RecordReview(SupplierUser, null, Now));
        Refused("Agreement.NotSecurityCoordinator", a.RecordSecurityReview(Reviewer, null, Now));
        Refused("Agreement.NotSecurityCoordinator", a.RecordSecurityReview(Admin, null, Now));
        var completed = In(AgreementStatus.SupplierCompleted);
        Refused("Agreement.NotUnderReview", completed.RecordReview(Reviewer, null, Now));
        Refused("Agreement.NotUnderReview", completed.RecordSecurityReview(Security, null, Now));
        Assert.Null(a.ReviewedAt);
        Assert.Null(a.SecurityReviewedAt);
    }

    [Fact]
    public void ReturnToSupplier_WithComment_ClearsTheReviewsAndAsksAgain()
    {
        var a = In(AgreementStatus.UnderReview);
        a.RecordReview(Reviewer, "x", Now);
        a.RecordSecurityReview(Security, "y", Now);
        Refused("Agreement.CommentMissing", a.ReturnToSupplier(Reviewer, " ", Now));
        Refused("Agreement.NotReviewer", a.ReturnToSupplier(Security, "Saknar loggning", Now));
        Assert.True(a.ReturnToSupplier(Reviewer, "Saknar loggning", Now).Succeeded);
        Assert.Equal(AgreementStatus.SentToSupplier, a.Status);
        Assert.Null(a.ReviewedAt);
        Assert.Null(a.SecurityReviewedAt);
        Assert.Equal("Saknar loggning", a.Events[^1].Comment);
    }

    [Fact]
    public void ApproveForSigning_BothReviewsAndCompleteParts_MakesReadyToSign()
    {
        var a = In(AgreementStatus.UnderReview);
        a.RecordReview(Reviewer, null, Now);
        Refused("Agreement.ReviewsMissing", a.ApproveForSigning(Reviewer, Now));
        a.RecordSecurityReview(Security, null, Now);
        Refused("Agreement.NotReviewer", a.ApproveForSigning(Admin, Now));
        Refused("Agreement.NotReviewer", a.ApproveForSigning(Security, Now));
        Assert.True(a.ApproveForSigning(Reviewer, Now).Succeeded);
        Assert.Equal(AgreementStatus.ReadyToSign, a.Status);
        Refused("Agreement.NotUnderReview", a.ApproveForSigning(Reviewer, Now));
    }

    [Fact]
    public void ApproveForSigning_OrganizerPartsIncomplete_IsRefused()
    {
        var a = Draft(Published(), Parts with { DataProtectionContact = ContactPerson.None });
        a.StartReview(Reviewer, Now);
        a.RecordReview(Reviewer, null, Now);
        a.RecordSecurityReview(Security, null, Now);
        Refused("Agreement.PartsIncomplete", a.ApproveForSigning(Reviewer, Now));
        Assert.Equal(AgreementStatus.UnderReview, a.Status);
    }

    // ---------------------------------------------------------------- signing, in force, end

    [Fact]
    public void RecordSigning_ReadyToSign_KeepsPdfWithHashAndSignatories()
    {
        var a = In(AgreementStatus.ReadyToSign);
        Assert.True(a.RecordSigning(Admin, Signatories(), "../avtal.pdf", Pdf, Now).Succeeded);
        Assert.Equal(AgreementStatus.Signed, a.Status);
        Assert.Equal(Now, a.SignedAt);
        Assert.Equal(SignedAgreementDocument.Hash(Pdf), a.SignedDocumentSha256);
        Assert.Equal(Pdf, a.SignedDocument!.Content);
        Assert.Equal((Pdf.Length, "avtal.pdf", _organizerId), (a.SignedDocument.Size, a.SignedDocument.FileName, a.SignedDocument.OrganizerId));
        Assert.Equal(["Eva Ordförande", "Elin Svahn"], a.Signatories.Select(s => s.Name));
        Assert.Equal(AgreementParty.Supplier, a.Signatories[1].Party);
    }

    [Fact]
    public void RecordSigning_WrongRoleStateSignatoriesOrFile_IsRefused()
    {
        var a = In(AgreementStatus.ReadyToSign);
        Refused("Agreement.NotManager", a.RecordSigning(Security, Signatories(), "a.pdf", Pdf, Now));
        Refused("Agreement.NotManager", a.RecordSigning(SupplierUser, Signatories(), "a.pdf", Pdf, Now));
        Refused("Agreement.SignatoriesMissing", a.RecordSigning(Admin, Signatories()[..1], "a.pdf", Pdf, Now));
        Refused("Agreement.SignatoryIncomplete", a.RecordSigning(Admin, [.. Signatories(), new(AgreementParty.Supplier, "Bo", " ", Today)], "a.pdf", Pdf, Now));
        Refused("Agreement.SignedInFuture", a.RecordSigning(Admin, [.. Signatories(), new(AgreementParty.Supplier, "Bo", "Vice VD", Today.AddDays(1))], "a.pdf", Pdf, Now));
        Refused("SignedPdf.NotPdf", a.RecordSigning(Admin, Signatories(), "a.pdf", "<html>"u8.ToArray(), Now));
        Assert.Equal(AgreementStatus.ReadyToSign, a.Status);
        Assert.Empty(a.Signatories);
        Assert.Null(a.SignedDocument);
        Refused("Agreement.NotReadyToSign", In(AgreementStatus.UnderReview).RecordSigning(Admin, Signatories(), "a.pdf", Pdf, Now));
    }

    [Fact]
    public void PutInForce_Signed_SetsDatesAndIsRefusedOtherwise()
    {
        var a = In(AgreementStatus.Signed);
        Refused("Agreement.EndBeforeStart", a.PutInForce(Admin, Today, null, Today, Now));
        Refused("Agreement.NotManager", a.PutInForce(Security, Today, null, null, Now));
        Assert.True(a.PutInForce(Admin, Today, Today.AddYears(1), Today.AddYears(2), Now).Succeeded);
        Assert.Equal((AgreementStatus.InForce, Today, Today.AddYears(1), Today.AddYears(2)), (a.Status, a.InForceFrom!.Value, a.ReviewDate!.Value, a.EndDate!.Value));
        Refused("Agreement.NotSigned", a.PutInForce(Admin, Today, null, null, Now));
        Refused("Agreement.NotSigned", In(AgreementStatus.ReadyToSign).PutInForce(Admin, Today, null, null, Now));
    }

    [Fact]
    public void SetDates_InForce_ChangesReviewAndEndDate()
    {
        var a = In(AgreementStatus.InForce);
        Assert.True(a.SetDates(Admin, Today.AddMonths(6), null, Now).Succeeded);
        Assert.Equal(Today.AddMonths(6), a.ReviewDate);
        Assert.Null(a.EndDate);
        Refused("Agreement.EndBeforeStart", a.SetDates(Admin, null, Today.AddDays(-1), Now));
        Refused("Agreement.NotInForce", In(AgreementStatus.UnderReview).SetDates(Admin, null, null, Now));
    }

    [Fact]
    public void Terminate_InForceWithConfirmation_RecordsHowDataWasReturnedOrDeleted()
    {
        var a = In(AgreementStatus.InForce);
        Refused("Agreement.ConfirmationMissing", a.Terminate(Admin, Today, DataDisposition.Deleted, " ", Now));
        Refused("Agreement.NotManager", a.Terminate(SupplierUser, Today, DataDisposition.Deleted, "Intyg", Now));
        Assert.True(a.Terminate(Admin, Today, DataDisposition.ReturnedThenDeleted, "Intyg från leverantören, e-post 2027-03-01", Now).Succeeded);
        Assert.Equal((AgreementStatus.Terminated, DataDisposition.ReturnedThenDeleted), (a.Status, a.Disposition!.Value));
        Assert.Equal("Intyg från leverantören, e-post 2027-03-01", a.DispositionConfirmation);
        Refused("Agreement.NotInForce", a.Terminate(Admin, Today, DataDisposition.Deleted, "Intyg", Now));
        Refused("Agreement.NotInForce", In(AgreementStatus.Signed).Terminate(Admin, Today, DataDisposition.Deleted, "Intyg", Now));
    }

    [Fact]
    public void Expire_AfterEndDateOnly()
    {
        var a = In(AgreementStatus.InForce); // ends Today + 3 years
        Refused("Agreement.NotEnded", a.Expire(Now));
        Refused("Agreement.NotEnded", a.Expire(Now.AddYears(3)));
        Assert.True(a.Expire(Now.AddYears(3).AddDays(1)).Succeeded);
        Assert.Equal(AgreementStatus.Expired, a.Status);
        Assert.Null(a.Events[^1].ActorUserId);
        Refused("Agreement.NotInForce", a.Expire(Now.AddYears(4)));
        var open = In(AgreementStatus.InForce);
        open.SetDates(Admin, null, null, Now);
        Refused("Agreement.NotEnded", open.Expire(Now.AddYears(50)));
    }

    // ---------------------------------------------------------------- deviations

    [Fact]
    public void RecordDeviation_KnownField_KeepsSupplierAndOrganizerValue()
    {
        var description = Published();
        var a = Draft(description);
        Assert.True(a.RecordDeviation(Admin, description, "Retention", "Högst ett läsår", "Gallringsbeslut", Now).Succeeded);
        var d = Assert.Single(a.Deviations);
        Assert.Equal(("Retention", "Så länge kontot finns", "Högst ett läsår"), (d.Field, d.SupplierValue, d.OrganizerValue));
        Assert.True(a.RecordDeviation(Admin, description, "Retention", "Högst två läsår", "Nytt beslut", Now).Succeeded);
        Assert.Equal("Högst två läsår", Assert.Single(a.Deviations).OrganizerValue);
        Assert.True(a.RecordDeviation(Admin, description, "SecurityMeasures[Tvåfaktorsinloggning]", "Tvåfaktorsinloggning", "Krav", Now).Succeeded);
        Assert.Null(a.Deviations[1].SupplierValue);
        Assert.True(a.RemoveDeviation(Admin, d.Id, Now).Succeeded);
        Assert.Equal("SecurityMeasures[Tvåfaktorsinloggning]", Assert.Single(a.Deviations).Field);
    }

    [Fact]
    public void RecordDeviation_UnknownFieldWrongDescriptionStateOrRole_IsRefused()
    {
        var description = Published();
        var a = Draft(description);
        Refused("Agreement.DeviationFieldUnknown", a.RecordDeviation(Admin, description, "Pris", "0", "x", Now));
        Refused("Agreement.DeviationIncomplete", a.RecordDeviation(Admin, description, "Retention", "Ett år", " ", Now));
        Refused("Agreement.DescriptionMissing", a.RecordDeviation(Admin, Published(), "Retention", "Ett år", "x", Now));
        Refused("Agreement.NotManager", a.RecordDeviation(SupplierUser, description, "Retention", "Ett år", "x", Now));
        Refused("Agreement.DeviationNotFound", a.RemoveDeviation(Admin, Guid.NewGuid(), Now));
        var ready = In(AgreementStatus.ReadyToSign, description);
        Refused("Agreement.NotEditable", ready.RecordDeviation(Admin, description, "Retention", "Ett år", "x", Now));
        Assert.Empty(a.Deviations);
    }

    // ---------------------------------------------------------------- supplier version change

    [Fact]
    public void NoticeVersionChange_InForceOnOlderVersion_SetsPendingWithThirtyDayDeadline()
    {
        var v1 = Published();
        var a = In(AgreementStatus.InForce, v1);
        var v2 = NextVersion(v1, c => c with { Retention = "Ett år" });
        Assert.True(a.NoticeVersionChange(v2, Now).Succeeded);
        Assert.Equal((v2.Id, 2, Now.AddDays(30)), (a.PendingDescriptionId!.Value, a.PendingDescriptionVersion!.Value, a.ObjectionDeadline!.Value));
        Assert.Equal(v1.Id, a.DescriptionId);
        Assert.Equal(AgreementEventKind.VersionChangeNotified, a.Events[^1].Kind);
        Refused("Agreement.NotNewerVersion", a.NoticeVersionChange(v2, Now));
        Refused("Agreement.NotNewerVersion", a.NoticeVersionChange(v1, Now));
    }

    [Fact]
    public void NoticeVersionChange_NotInForceUnpublishedOrOtherResource_IsRefused()
    {
        var v1 = Published();
        Assert.True(v1.StartNextDraft(SupplierUser, Now, out var draft).Succeeded);
        var a = In(AgreementStatus.InForce, v1);
        Refused("Agreement.DescriptionNotPublished", a.NoticeVersionChange(draft!, Now));
        Refused("Agreement.DescriptionOtherResource", a.NoticeVersionChange(NextVersion(Published(_otherResource), c => c), Now));
        Refused("Agreement.NotInForce", In(AgreementStatus.Signed, v1).NoticeVersionChange(NextVersion(v1, c => c), Now));
        Assert.Null(a.PendingDescriptionId);
    }

    [Fact]
    public void AcceptVersionChange_Pending_MovesToNewVersionAndKeepsHistory()
    {
        var v1 = Published();
        var a = In(AgreementStatus.InForce, v1);
        var v2 = NextVersion(v1, c => c with { Retention = "Ett år" });
        a.NoticeVersionChange(v2, Now);
        Refused("Agreement.NotManagerOrSecurityCoordinator", a.AcceptVersionChange(SupplierUser, v2, Now));
        Refused("Agreement.NoVersionChange", a.AcceptVersionChange(Admin, v1, Now));
        Assert.True(a.AcceptVersionChange(Admin, v2, Now).Succeeded);
        Assert.Equal((v2.Id, 2), (a.DescriptionId!.Value, a.DescriptionVersion!.Value));
        Assert.Null(a.PendingDescriptionId);
        Assert.Null(a.ObjectionDeadline);
        Assert.Equal([1, 1, 2], a.Events.Where(e => e.Kind >= AgreementEventKind.InForce).Select(e => e.DescriptionVersion!.Value));
        Assert.Equal("1 → 2", a.Events[^1].Comment);
        Refused("Agreement.NoVersionChange", a.AcceptVersionChange(Admin, v2, Now));
    }

    [Fact]
    public void ObjectToVersionChange_BeforeDeadlineWithReason_IsKeptForTheSupplier()
    {
        var v1 = Published();
        var a = In(AgreementStatus.InForce, v1);
        var v2 = NextVersion(v1, c => c with { SubProcessors = [.. c.SubProcessors, new("CloudCo Inc", null, "Seattle", "Support", "US", TransferSafeguard.DataPrivacyFramework)] });
        Refused("Agreement.NoVersionChange", a.ObjectToVersionChange(Admin, "Nej", Now));
        a.NoticeVersionChange(v2, Now);
        Refused("Agreement.ReasonMissing", a.ObjectToVersionChange(Admin, " ", Now));
        Refused("Agreement.NotManagerOrSecurityCoordinator", a.ObjectToVersionChange(OtherSupplierUser, "Nej", Now));
        Assert.True(a.ObjectToVersionChange(Reviewer, "Ingen överföring till USA", Now.AddDays(29)).Succeeded);
        Assert.Equal(("Ingen överföring till USA", "Sara Nilsson"), (a.ObjectionReason!, a.ObjectedByName!));
        Assert.False(a.ObjectionReasonShared); // kept from the supplier unless the organizer says otherwise
        Assert.Equal(v1.Id, a.DescriptionId);
        Assert.Equal(v2.Id, a.PendingDescriptionId);
        Assert.False(a.Events[^1].IsVisibleToSupplier);
        Refused("Agreement.AlreadyObjected", a.ObjectToVersionChange(Admin, "Igen", Now.AddDays(29)));
    }

    [Fact]
    public void ObjectToVersionChange_ReasonShared_IsShownToTheSupplier()
    {
        var v1 = Published();
        var a = In(AgreementStatus.InForce, v1);
        a.NoticeVersionChange(NextVersion(v1, c => c with { Logging = "Mindre" }), Now);
        Assert.True(a.ObjectToVersionChange(Admin, "Loggningen räcker inte", Now, shareReasonWithSupplier: true).Succeeded);
        Assert.True(a.ObjectionReasonShared);
    }

    [Fact]
    public void ObjectToVersionChange_AfterDeadline_IsRefused()
    {
        var v1 = Published();
        var a = In(AgreementStatus.InForce, v1);
        a.NoticeVersionChange(NextVersion(v1, c => c with { Logging = "Mindre" }), Now, TimeSpan.FromDays(10));
        Refused("Agreement.ObjectionDeadlinePassed", a.ObjectToVersionChange(Admin, "För sent", Now.AddDays(10).AddMinutes(1)));
        Assert.Null(a.ObjectedAt);
    }

    [Fact]
    public void NoticeVersionChange_LaterVersionWhilePending_ReplacesItAndClearsObjection()
    {
        var v1 = Published();
        var a = In(AgreementStatus.InForce, v1);
        var v2 = NextVersion(v1, c => c with { Logging = "Mindre" });
        var v3 = NextVersion(v2, c => c with { Logging = "Mer" });
        a.NoticeVersionChange(v2, Now);
        a.ObjectToVersionChange(Admin, "Mindre loggning duger inte", Now);
        Assert.True(a.NoticeVersionChange(v3, Now.AddDays(5)).Succeeded);
        Assert.Equal((v3.Id, Now.AddDays(35)), (a.PendingDescriptionId!.Value, a.ObjectionDeadline!.Value));
        Assert.Null(a.ObjectionReason);
    }

    [Fact]
    public void Reminders_DueWithinSixtyDays_OncePerDate_MovedDateRemindsAgain()
    {
        var a = In(AgreementStatus.InForce);
        Assert.True(a.SetDates(Admin, Today.AddDays(61), Today.AddDays(200), Now).Succeeded);
        Assert.Empty(a.DueReminders(Now));
        Assert.True(a.SetDates(Admin, Today.AddDays(60), Today.AddDays(200), Now).Succeeded);
        var due = Assert.Single(a.DueReminders(Now));
        Assert.Equal((AgreementReminder.ReviewDate, Today.AddDays(60)), due);
        Assert.True(a.RecordReminder(due.Kind, due.Date, Now).Succeeded);
        Assert.Equal("Agreement.AlreadyReminded", a.RecordReminder(due.Kind, due.Date, Now).Error?.Code);
        Assert.Empty(a.DueReminders(Now));
        Assert.False(a.Events.Single(e => e.Kind == AgreementEventKind.ReviewReminderSent).IsVisibleToSupplier);
        // The review date moved: that date gets its own reminder.
        Assert.True(a.SetDates(Admin, Today.AddDays(50), Today.AddDays(200), Now).Succeeded);
        Assert.Equal((AgreementReminder.ReviewDate, Today.AddDays(50)), Assert.Single(a.DueReminders(Now)));
        // Not in force: nothing to remind of.
        Assert.Empty(In(AgreementStatus.Signed).DueReminders(Now));
    }

    [Fact]
    public void UseDescription_DraftAndReview_TakesNewerVersionAndRestartsReview()
    {
        var v1 = Published();
        var draft = Draft();
        Assert.Equal("Agreement.NotManager", draft.UseDescription(Security, v1, Now).Error?.Code);
        Assert.True(draft.UseDescription(Admin, v1, Now).Succeeded);
        Assert.Equal(1, draft.DescriptionVersion);
        Assert.Equal("Agreement.NotNewerVersion", draft.UseDescription(Admin, v1, Now).Error?.Code);

        var review = In(AgreementStatus.UnderReview, v1);
        Assert.True(review.RecordReview(Reviewer, "Bra", Now).Succeeded);
        var v2 = NextVersion(v1, c => c with { Retention = "Ett läsår." });
        Assert.True(review.UseDescription(Reviewer, v2, Now).Succeeded);
        Assert.Equal(2, review.DescriptionVersion);
        Assert.Null(review.ReviewedAt);
        Assert.Equal("Agreement.NotEditable", In(AgreementStatus.InForce, v1).UseDescription(Admin, v2, Now).Error?.Code);
    }
}
