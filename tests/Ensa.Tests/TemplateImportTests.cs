using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Documents;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Builds Word files for the tests with the Open XML SDK, as Word writes them: heading styles, numbering, bold.</summary>
public static class Docx
{
    /// <summary>A paragraph of the file: its text, its style (a style id, or null for body text), bold, numbered at a level.</summary>
    public sealed record Para(string Text, string? Style = null, bool Bold = false, int? NumberingLevel = null);

    public static Para Title(string text) => new(text, "Title");
    public static Para H1(string text) => new(text, "Heading1");
    public static Para H2(string text) => new(text, "Heading2");
    public static Para Body(string text) => new(text);

    public static byte[] Build(params Para[] paragraphs) => Build(WordprocessingDocumentType.Document, paragraphs);

    public static byte[] Build(WordprocessingDocumentType type, params Para[] paragraphs)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, type))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                Style("Title", "Title", null),
                Style("Heading1", "heading 1", 0),
                Style("Heading2", "heading 2", 1));
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(paragraphs.Select(Paragraph)));
            main.Document.Save();
        }
        return memory.ToArray();
    }

    private static Style Style(string id, string name, int? outline)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (outline is { } level) style.Append(new StyleParagraphProperties(new OutlineLevel { Val = level }));
        return style;
    }

    private static Paragraph Paragraph(Para p)
    {
        var properties = new ParagraphProperties();
        if (p.Style is { } style) properties.Append(new ParagraphStyleId { Val = style });
        if (p.NumberingLevel is { } level)
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 1 }));
        var run = new Run();
        if (p.Bold) run.Append(new RunProperties(new Bold()));
        run.Append(new Text(p.Text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }

    /// <summary>A zip with the given entries (name → content), for files that are zips but not Word documents.</summary>
    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        return memory.ToArray();
    }
}

/// <summary>Reading the main text from Word (issue 13) and comparing versions, without the app.</summary>
public sealed class DocxTemplateReaderTests
{
    [Fact]
    public void Read_HeadingStyles_TopLevelHeadingsAreSections_SubHeadingsStayInTheText()
    {
        var file = Docx.Build(Docx.Title("Personuppgiftsbiträdesavtal"), Docx.Body("Mellan parterna nedan."),
            Docx.H1("1 Definitioner"), Docx.Body("Begrepp har samma betydelse som i dataskyddsförordningen."),
            Docx.H1("2. Behandling av personuppgifter"), Docx.H2("2.1 Omfattning"), Docx.Body("Endast enligt instruktion."),
            Docx.H2("2.2 Ändamål"), Docx.Body("Skolans verksamhet."));
        var (template, error) = DocxTemplateReader.Read(file);
        Assert.Null(error);
        Assert.Equal("Personuppgiftsbiträdesavtal", template!.Title);
        Assert.Equal(["Mellan parterna nedan."], template.Preamble);
        Assert.Equal([("1", "Definitioner"), ("2", "Behandling av personuppgifter")], template.Sections.Select(s => (s.Number, s.Heading)));
        Assert.Equal("2.1 Omfattning\nEndast enligt instruktion.\n2.2 Ändamål\nSkolans verksamhet.", template.Sections[1].Text);
    }

    [Fact]
    public void Read_WordNumberingWithoutHeadingStyles_NumbersTheSectionsAndSubSections()
    {
        var file = Docx.Build(Docx.Body("Avtal"), new Docx.Para("Parter", NumberingLevel: 0), Docx.Body("Huvudmannen och leverantören."),
            new Docx.Para("Säkerhet", NumberingLevel: 0), new Docx.Para("Loggning", NumberingLevel: 1), Docx.Body("Åtkomst loggas."),
            new Docx.Para("Leverantören ska logga all åtkomst till personuppgifter i tjänsten.", NumberingLevel: 1));
        var (template, error) = DocxTemplateReader.Read(file);
        Assert.Null(error);
        Assert.Equal([("1", "Parter"), ("2", "Säkerhet")], template!.Sections.Select(s => (s.Number, s.Heading)));
        // A numbered paragraph that reads as a sentence is a list item of the text, not a heading.
        Assert.Equal("2.1 Loggning\nÅtkomst loggas.\n– Leverantören ska logga all åtkomst till personuppgifter i tjänsten.", template.Sections[1].Text);
    }

    [Fact]
    public void Read_TypedBoldNumbers_WithoutStylesOrNumbering_AreSections()
    {
        var file = Docx.Build(new Docx.Para("1 Definitioner", Bold: true), Docx.Body("Text ett."), new Docx.Para("2 Säkerhet", Bold: true),
            Docx.Body("2 veckor efter avtalets slut raderas uppgifterna."));
        var (template, _) = DocxTemplateReader.Read(file);
        Assert.Equal(["1", "2"], template!.Sections.Select(s => s.Number));
        Assert.Equal("2 veckor efter avtalets slut raderas uppgifterna.", template.Sections[1].Text);
    }

    [Fact]
    public void Read_NotAWordFile_IsRefusedWithAKey()
    {
        Assert.Equal("Templates.ImportEmpty", DocxTemplateReader.Read([]).Error);
        Assert.Equal("Templates.ImportNotDocx", DocxTemplateReader.Read(Encoding.UTF8.GetBytes("§ 1 Parter\nText")).Error);
        Assert.Equal("Templates.ImportNotDocx", DocxTemplateReader.Read(Docx.Zip(("readme.txt", "hej"))).Error);
        Assert.Equal("Templates.ImportCorrupt", DocxTemplateReader.Read(Docx.Zip(("[Content_Types].xml", "<Types"), ("word/document.xml", "<w:document"))).Error);
        var file = Docx.Build(Docx.H1("1 Parter"), Docx.Body("Text."));
        Assert.NotNull(DocxTemplateReader.Read(file[..(file.Length / 2)]).Error);
        Assert.Equal("Templates.ImportNoSections", DocxTemplateReader.Read(Docx.Build(Docx.Body("Bara brödtext."), Docx.Body("Och mer."))).Error);
        Assert.Equal("Templates.ImportTooLarge", DocxTemplateReader.Read(new byte[DocxTemplateReader.MaxBytes + 1]).Error);
        Assert.Equal("Templates.ImportNotDocx", DocxTemplateReader.Read(Docx.Build(WordprocessingDocumentType.MacroEnabledDocument, Docx.H1("1 Parter"), Docx.Body("Text."))).Error);
    }

    [Fact]
    public void Compare_AddedRemovedChanged_InTheNewOrder_ChangedTextWordByWord()
    {
        TemplateSection[] before = [new("1", "Parter", "A och B."), new("2", "Behandling", "Endast enligt instruktion."), new("3", "Gammalt", "Tas bort.")];
        TemplateSection[] after = [new("1", "Parter", "A och B."), new("2", "Behandling", "Endast enligt skriftlig instruktion."), new("4", "Nytt", "Läggs till.")];
        var changes = TemplateComparison.Compare(before, after);
        Assert.Equal([(SectionChangeKind.Changed, "2"), (SectionChangeKind.Removed, "3"), (SectionChangeKind.Added, "4")],
            changes.Select(c => (c.Kind, c.Section.Number)));
        var words = TemplateComparison.Words("Endast enligt instruktion.", "Endast enligt skriftlig instruktion.");
        Assert.Equal("skriftlig ", string.Concat(words.Where(w => w.Kind == DiffKind.Added).Select(w => w.Text)));
        Assert.DoesNotContain(words, w => w.Kind == DiffKind.Removed);
        Assert.Equal("Endast enligt skriftlig instruktion.", string.Concat(words.Where(w => w.Kind != DiffKind.Removed).Select(w => w.Text)));
        Assert.Empty(TemplateComparison.Compare(after, after));
    }
}

/// <summary>An agreement not yet signed moves to a newer main text; a review under way starts again.</summary>
public sealed class UseTemplateDomainTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Admin = Actor.OrganizerStaff(Guid.NewGuid(), "Lisa Ekström", new HashSet<Role> { Role.OrganizerAdmin });
    private static readonly Actor Security = Actor.OrganizerStaff(Guid.NewGuid(), "Ahmed Karimi", new HashSet<Role> { Role.SecurityCoordinator });

    private static AgreementTemplate Version(int latest)
    {
        Assert.True(AgreementTemplate.Publish(Actor.System, latest, "Huvudavtalet", PlaceholderTemplate.Sections, false, Now, out var t).Succeeded);
        return t!;
    }

    [Fact]
    public void UseTemplate_Draft_MovesToTheNewerVersion_NotToTheSameOrOlder_NotByTheSecurityCoordinator()
    {
        var (v1, v2) = (Version(0), Version(1));
        var resource = new Ensa.Resources.LearningResource("Läsresan", Guid.NewGuid(), Ensa.Resources.ResourceType.WebService, Now);
        var parts = new OrganizerParts("Nämnden", new ContactPerson("Lisa", "lisa@example.org"), new ContactPerson("Dso", "dso@example.org"));
        Assert.True(Agreement.Create(Guid.NewGuid(), Admin, v1, resource, null, parts, Now, out var agreement).Succeeded);
        Assert.Equal("Agreement.NotManager", agreement!.UseTemplate(Security, v2, Now).Error?.Code);
        Assert.True(agreement.UseTemplate(Admin, v2, Now).Succeeded);
        Assert.Equal((v2.Id, 2), (agreement.TemplateId, agreement.TemplateVersion));
        Assert.Equal("Agreement.NotNewerTemplate", agreement.UseTemplate(Admin, v2, Now).Error?.Code);
        Assert.Equal("Agreement.NotNewerTemplate", agreement.UseTemplate(Admin, v1, Now).Error?.Code);
        Assert.Equal("1 → 2", agreement.Events.Single(e => e.Kind == AgreementEventKind.TemplateUpdated).Comment);
    }
}

/// <summary>The platform admin imports a new version of the main text from the official Word file (issue 13): a
/// preview of the sections and of what changed, nothing stored until published; the organizers with agreements on an
/// older version are told; an unsigned agreement may move to the new version. Over HTTP, on both databases.</summary>
public abstract class TemplateImportTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Import = "/Platform/Templates/Import";
    private const string Lisa = "lisa.ekstrom@mittkoping.example";

    private Task<AgreementTemplate> LatestAsync() =>
        app.WithDbAsync(db => db.AgreementTemplates.AsNoTracking().OrderByDescending(t => t.Version).FirstAsync());

    /// <summary>The latest version's sections as a Word file, the second one's text changed, the last one dropped and a
    /// new one added, with a title and a sub-heading as the official file has.</summary>
    private static byte[] Changed(AgreementTemplate latest, string marker)
    {
        var paragraphs = new List<Docx.Para> { Docx.Title("Personuppgiftsbiträdesavtal " + marker), Docx.Body("Bilagor: Instruktion.") };
        foreach (var (s, i) in latest.Sections.SkipLast(1).Select((s, i) => (s, i)))
        {
            paragraphs.Add(Docx.H1($"{s.Number} {s.Heading}"));
            if (i == 1) paragraphs.Add(Docx.H2($"{s.Number}.1 Omfattning {marker}"));
            paragraphs.Add(Docx.Body(i == 1 ? s.Text + " Ändrat " + marker + "." : s.Text));
        }
        // A number of its own for each marker: the section added by one test is removed by the next.
        paragraphs.Add(Docx.H1($"{New(marker)} Nytt avsnitt {marker}"));
        paragraphs.Add(Docx.Body("Ett avsnitt som inte fanns förut."));
        return Docx.Build([.. paragraphs]);
    }

    private static string New(string marker) => (90 + marker[0] - 'A').ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IHtmlDocument> PreviewAsync(EnsaClient client, byte[] file, string name = "mall.docx")
    {
        var response = await client.SubmitWithFileAsync(Import, "form.import-upload", new Dictionary<string, string>(), "Upload", name, file);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Preview answered {(int)response.StatusCode}");
        return await EnsaClient.ParseAsync(response);
    }

    private static Task<HttpResponseMessage> PublishAsync(EnsaClient client, IHtmlDocument preview, Dictionary<string, string>? values = null) =>
        client.SubmitAsync(Import, preview.QuerySelector<IHtmlFormElement>("form.import-publish")
                                   ?? throw new InvalidOperationException("No publish form: " + EnsaClient.Text(preview, ".errors")), values);

    /// <summary>The latest version, made one of Ensa's placeholder sections first when it has too few to change (another
    /// test published a short one).</summary>
    private async Task<AgreementTemplate> BaseAsync(EnsaClient nora)
    {
        if (await LatestAsync() is { Sections.Count: >= 3 } latest) return latest;
        var file = Docx.Build([Docx.Title("Bas"), .. PlaceholderTemplate.Sections.SelectMany(s => new[] { Docx.H1($"{s.Number} {s.Heading}"), Docx.Body(s.Text) })]);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(nora, await PreviewAsync(nora, file))).StatusCode);
        return await LatestAsync();
    }

    /// <summary>Imports <see cref="Changed"/> of the latest version and publishes it; returns the new version.</summary>
    private async Task<AgreementTemplate> ImportChangedAsync(EnsaClient nora, string marker)
    {
        await BaseAsync(nora);
        var response = await PublishAsync(nora, await PreviewAsync(nora, Changed(await LatestAsync(), marker)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await LatestAsync();
    }

    [Fact]
    public async Task Import_WordFile_PreviewStoresNothing_PublishMakesTheNextVersion_WithTheChanges()
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var latest = await BaseAsync(nora);
        var preview = await PreviewAsync(nora, Changed(latest, "A"));

        var expected = latest.Sections.SkipLast(1).Select(s => $"{s.Number} {s.Heading}").Append($"{New("A")} Nytt avsnitt A").ToList();
        Assert.Equal(expected, preview.QuerySelectorAll(".preview-section h3").Select(h => h.TextContent.Trim()));
        Assert.Equal("Personuppgiftsbiträdesavtal A", preview.QuerySelector<IHtmlInputElement>("input[name=Title]")!.Value);
        Assert.Contains("Bilagor: Instruktion.", EnsaClient.Text(preview, "details.preamble"), StringComparison.Ordinal);
        var second = latest.Sections[1];
        Assert.Equal([$"{second.Number} {second.Heading}"], preview.QuerySelectorAll(".section-change.change-Changed h3")
            .Select(h => h.TextContent.Replace("Ändrat", "", StringComparison.Ordinal).Trim()));
        Assert.Contains("Ändrat A.", EnsaClient.Text(preview, ".change-Changed ins"), StringComparison.Ordinal);
        Assert.Contains(latest.Sections[^1].Heading, EnsaClient.Text(preview, ".change-Removed h3"), StringComparison.Ordinal);
        Assert.Contains($"{New("A")} Nytt avsnitt A", EnsaClient.Text(preview, ".change-Added h3"), StringComparison.Ordinal);
        Assert.Equal(latest.Version, (await LatestAsync()).Version);

        var response = await PublishAsync(nora, preview);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Platform/Templates/{latest.Version + 1}", response.Headers.Location!.OriginalString);
        var published = await LatestAsync();
        Assert.Equal((latest.Version + 1, "Personuppgiftsbiträdesavtal A", false), (published.Version, published.Title, published.IsPlaceholder));
        Assert.Equal(expected, published.Sections.Select(s => $"{s.Number} {s.Heading}"));
        Assert.Equal($"{second.Number}.1 Omfattning A\n{second.Text} Ändrat A.", published.Sections[1].Text);

        var page = await nora.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Contains($"Ändringar från version {latest.Version} till {published.Version}", EnsaClient.Text(page, ".template-changes h2"), StringComparison.Ordinal);
        Assert.Contains(second.Heading, EnsaClient.Text(page, ".change-Changed h3"), StringComparison.Ordinal);
        Assert.Contains("Ändrat A.", EnsaClient.Text(page, ".change-Changed ins"), StringComparison.Ordinal);

        // The same preview posted again is older than what is now published: refused, nothing more stored.
        var stale = await PublishAsync(nora, preview);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains($"Version {published.Version} har publicerats", EnsaClient.Text(await EnsaClient.ParseAsync(stale), ".errors"), StringComparison.Ordinal);
        Assert.Equal(published.Version, (await LatestAsync()).Version);
    }

    [Fact]
    public async Task Publish_OrganizersWithAgreementsOnAnOlderVersion_AreToldWhatChanged_AndSeeTheChanges()
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var before = await BaseAsync(nora);
        var demo = await app.DemoAgreementIdAsync();
        var published = await ImportChangedAsync(nora, "B");
        var link = $"/Agreements/MainText/{published.Version}";

        var notices = await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters()
            .Where(n => n.MessageKey == "Notify.Template.Published" && n.Link == link).ToListAsync());
        var onOlder = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
            .Where(a => a.TemplateVersion < published.Version && a.Status != AgreementStatus.Terminated && a.Status != AgreementStatus.Expired)
            .Select(a => a.OrganizerId).Distinct().ToListAsync());
        var mittkoping = await app.WithDbAsync(db => db.Organizers.Where(o => o.Slug == Ensa.Demo.DemoData.MittkopingSlug).Select(o => o.Id).SingleAsync());
        Assert.Contains(mittkoping, notices.Select(n => n.OrganizerId));
        Assert.Subset(onOlder.ToHashSet(), notices.Select(n => n.OrganizerId).ToHashSet());
        var second = before.Sections[1];
        Assert.All(notices, n => Assert.StartsWith($"{published.Version} (", n.Argument, StringComparison.Ordinal));
        Assert.Contains($"{second.Number} {second.Heading}", notices[0].Argument, StringComparison.Ordinal);

        var mail = (await app.MailToAsync(Lisa)).Last(m => m.TextBody.Contains(link, StringComparison.Ordinal));
        Assert.Contains($"Ny version {published.Version} av huvudavtalet", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"Ändrat: {second.Number} {second.Heading}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Nytt: {New("B")} Nytt avsnitt B", mail.TextBody, StringComparison.Ordinal);

        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var changes = await lisa.GetPageAsync(link);
        Assert.Contains(second.Heading, EnsaClient.Text(changes, ".change-Changed h3"), StringComparison.Ordinal);
        var agreement = await lisa.GetPageAsync($"/Agreements/{demo}");
        var newer = agreement.QuerySelector(".newer-template a")!;
        var href = newer.GetAttribute("href")!;
        Assert.Contains($"nyare version {published.Version}", newer.TextContent, StringComparison.Ordinal);
        var from = (await app.AgreementAsync(demo)).TemplateVersion;
        Assert.Equal($"{link}?from={from}", href);
        Assert.Equal(HttpStatusCode.OK, (await lisa.Http.GetAsync(href)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lisa.Http.GetAsync($"/Agreements/MainText/{published.Version + 100}")).StatusCode);
        // The agreement in force is signed on its version: it is not offered the move, and a forged post is refused.
        Assert.Null(agreement.QuerySelector("form[action$='handler=UseTemplate']"));
        var refused = await lisa.PostHandlerAsync($"/Agreements/{demo}", "UseTemplate");
        Assert.Contains("kan inte ändras längre", EnsaClient.Text(await EnsaClient.ParseAsync(refused), ".errors"), StringComparison.Ordinal);
        Assert.Equal(from, (await app.AgreementAsync(demo)).TemplateVersion);

        using var elin = await app.SignInAs(Roles.SupplierUser);
        Assert.StartsWith("/Account/AccessDenied", (await elin.Http.GetAsync(link)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseTemplate_DraftOnAnOlderVersion_MovesToTheNewest()
    {
        app.RequireDatabase();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var created = await sara.SubmitAsync("/Agreements/New", "main form",
            new Dictionary<string, string> { ["ResourceId"] = (await app.ResourceIdAsync("Numerix Matteträning")).ToString() });
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var onVersion = (await app.AgreementAsync(id)).TemplateVersion;
        Assert.Null((await sara.GetPageAsync($"/Agreements/{id}")).QuerySelector("form[action$='handler=UseTemplate']"));

        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var published = await ImportChangedAsync(nora, "C");
        var page = await sara.GetPageAsync($"/Agreements/{id}");
        Assert.Contains($"version {published.Version}", EnsaClient.Text(page, "form.use-template"), StringComparison.Ordinal);
        await sara.FollowAsync(await sara.SubmitAsync($"/Agreements/{id}", "form.use-template"));
        var moved = await app.AgreementAsync(id);
        Assert.Equal((published.Version, published.Id), (moved.TemplateVersion, moved.TemplateId));
        Assert.Contains(moved.Events, e => e.Kind == AgreementEventKind.TemplateUpdated && e.Comment == $"{onVersion} → {published.Version}");
        page = await sara.GetPageAsync($"/Agreements/{id}");
        Assert.Null(page.QuerySelector("form.use-template"));
        Assert.Null(page.QuerySelector(".newer-template"));
    }

    [Theory]
    [InlineData("text", "inte en Word-fil")]
    [InlineData("zip", "inte en Word-fil")]
    [InlineData("corrupt", "skadad")]
    [InlineData("truncated", "")]
    [InlineData("no sections", "inga numrerade avsnitt")]
    [InlineData("too large", "högst 10 MB")]
    [InlineData("none", "Välj en Word-fil")]
    public async Task Import_BadFile_IsRefusedWithAMessage_AndStoresNothing(string kind, string message)
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var latest = (await LatestAsync()).Version;
        var good = Docx.Build(Docx.H1("1 Parter"), Docx.Body("Text."));
        var file = kind switch
        {
            "text" => Encoding.UTF8.GetBytes("§ 1 Parter\nHuvudmannen och leverantören."),
            "zip" => Docx.Zip(("readme.txt", "hej")),
            "corrupt" => Docx.Zip(("[Content_Types].xml", "<Types"), ("word/document.xml", "<w:document")),
            "truncated" => good[..(good.Length / 2)],
            "no sections" => Docx.Build(Docx.Body("Bara brödtext utan rubriker.")),
            "too large" => new byte[DocxTemplateReader.MaxBytes + 1],
            _ => [],
        };
        var response = await nora.SubmitWithFileAsync(Import, "form.import-upload", new Dictionary<string, string>(), "Upload", "mall.docx", file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await EnsaClient.ParseAsync(response);
        var error = EnsaClient.Text(page, ".errors, .error");
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.import-publish"));
        Assert.Equal(latest, (await LatestAsync()).Version);
    }

    [Fact]
    public async Task Publish_ASectionWithoutText_IsRefused()
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var latest = (await LatestAsync()).Version;
        var preview = await PreviewAsync(nora, Docx.Build(Docx.H1("1 Parter"), Docx.H1("2 Behandling"), Docx.Body("Text.")));
        Assert.Contains("nummer, rubrik och text", EnsaClient.Text(preview, ".preview-problem"), StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("form.import-publish button[type=submit]"));
        // Posted anyway (the form's fields as they are): refused by the domain, nothing stored.
        var forced = await EnsaClient.ParseAsync(await PublishAsync(nora, preview, new() { ["Title"] = "Prov" }));
        Assert.Contains("nummer, rubrik och text", EnsaClient.Text(forced, ".errors"), StringComparison.Ordinal);
        Assert.Equal(latest, (await LatestAsync()).Version);
    }

    [Fact]
    public async Task Import_FileWithoutTitle_TheTitleIsTypedOnThePreview()
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var latest = (await LatestAsync()).Version;
        var preview = await PreviewAsync(nora, Docx.Build(Docx.H1("1 Parter"), Docx.Body("Huvudmannen och leverantören.")));
        Assert.Null(preview.QuerySelector(".preview-problem"));
        var untitled = await EnsaClient.ParseAsync(await PublishAsync(nora, preview));
        Assert.Contains("titel", EnsaClient.Text(untitled, ".errors"), StringComparison.Ordinal);
        Assert.Equal(latest, (await LatestAsync()).Version);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(nora, untitled, new() { ["Title"] = "Huvudavtal utan titel i filen" })).StatusCode);
        var stored = await LatestAsync();
        Assert.Equal((latest + 1, "Huvudavtal utan titel i filen", "Huvudmannen och leverantören."), (stored.Version, stored.Title, stored.Sections.Single().Text));
    }

    [Fact]
    public async Task Publish_TamperedSections_AreCheckedAgain()
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var latest = (await LatestAsync()).Version;
        var preview = await PreviewAsync(nora, Docx.Build(Docx.Title("Prov"), Docx.H1("1 Parter"), Docx.Body("Text."), Docx.H1("2 Behandling"), Docx.Body("Text.")));
        var duplicate = await EnsaClient.ParseAsync(await PublishAsync(nora, preview, new() { ["Sections[1].Number"] = "1" }));
        Assert.Contains("samma nummer", EnsaClient.Text(duplicate, ".errors"), StringComparison.Ordinal);
        var tooLong = await EnsaClient.ParseAsync(await PublishAsync(nora, preview, new() { ["Sections[0].Heading"] = new string('x', AgreementTemplate.SectionHeadingMaxLength + 1) }));
        Assert.False(string.IsNullOrWhiteSpace(EnsaClient.Text(tooLong, ".errors")));
        Assert.Equal(latest, (await LatestAsync()).Version);
    }

    [Theory]
    [InlineData(Roles.OrganizerAdmin)]
    [InlineData(Roles.CentralReviewer)]
    [InlineData(Roles.SupplierUser)]
    public async Task Import_NotPlatformAdmin_IsRefused(string role)
    {
        app.RequireDatabase();
        using var client = await app.SignInAs(role);
        var latest = (await LatestAsync()).Version;
        Assert.StartsWith("/Account/AccessDenied", (await client.Http.GetAsync(Import)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Docx.Build(Docx.H1("1 Parter"), Docx.Body("Text."))), "Upload", "mall.docx" } };
        var posted = await client.Http.PostAsync(Import + "?handler=Preview", content);
        Assert.False(posted.IsSuccessStatusCode);
        using var publish = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = "Falsk", ["Sections[0].Number"] = "1", ["Sections[0].Heading"] = "Parter", ["Sections[0].Text"] = "Text.",
            ["PreviewedAgainst"] = latest.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.False((await client.Http.PostAsync(Import + "?handler=Publish", publish)).IsSuccessStatusCode);
        Assert.Equal(latest, (await LatestAsync()).Version);
    }
}

public sealed class TemplateImportSqliteTests(EnsaAppFactory app) : TemplateImportTests<EnsaAppFactory>(app);

public sealed class TemplateImportPostgresTests(PostgresAppFactory app) : TemplateImportTests<PostgresAppFactory>(app);
