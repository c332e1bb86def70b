using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Privacy;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Forms;
using Ensa.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>The app at 23:30 UTC today: in Sweden it is already tomorrow (00:30 in winter, 01:30 in summer), so every
/// date taken from the UTC instant is a day behind the Swedish one.</summary>
public sealed class LateEveningAppFactory : EnsaAppFactory
{
    public LateEveningAppFactory()
    {
        var now = TimeProvider.System.GetUtcNow();
        Clock.Offset = new DateTimeOffset(now.UtcDateTime.Date.AddHours(23).AddMinutes(30), TimeSpan.Zero) - now;
    }
}

public sealed class SwedishCalendarUnitTests
{
    private static DateTime Utc(int month, int hour, int minute = 30) => new(2026, month, 15, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, 23, 16)] // winter, 00:30 in Sweden
    [InlineData(7, 23, 16)] // summer, 01:30
    [InlineData(7, 22, 16)] // summer, 00:30
    [InlineData(1, 22, 15)] // winter, 23:30
    [InlineData(7, 21, 15)] // summer, 23:30
    public void Today_LateUtcEvening_IsTheSwedishDate(int month, int hour, int swedishDay)
    {
        Assert.Equal(new DateOnly(2026, month, swedishDay), SwedishCalendar.Today(Utc(month, hour)));
        // As EF reads SQLite's values: the kind unspecified, the value UTC.
        Assert.Equal(new DateOnly(2026, month, swedishDay), SwedishCalendar.DateOf(DateTime.SpecifyKind(Utc(month, hour), DateTimeKind.Unspecified)));
    }

    [Fact]
    public void Display_UtcInstant_ShowsSwedishLocalTime()
    {
        Assert.Equal("2026-01-16 00:30", Format.DateTime(Utc(1, 23)));
        Assert.Equal("2026-07-16 01:30", Format.DateTime(Utc(7, 23)));
        Assert.Equal("2026-07-16", Format.Date(Utc(7, 23)));
    }

    [Fact]
    public void Comparer_SortsNamesInSwedishOrder_IgnoringCase()
    {
        string[] names = ["Örebro", "Åsa", "zeta", "Ängby", "alfa", "Zorro"];
        string[] swedishOrder = ["alfa", "zeta", "Zorro", "Åsa", "Ängby", "Örebro"];
        Assert.Equal(swedishOrder, names.Order(SwedishCalendar.Comparer));
        Assert.True(SwedishCalendar.Comparer.Equals("ÅSA ängby", "åsa ÄNGBY"));
        Assert.Same(SwedishCalendar.Comparer, SwedishCalendar.Comparer);
    }
}

/// <summary>Between midnight and 01:00/02:00 Swedish time: what Swedes call today is accepted and counted as today.</summary>
public sealed class SwedishCalendarTests(LateEveningAppFactory app) : IClassFixture<LateEveningAppFactory>
{
    private DateOnly SwedishToday => SwedishCalendar.Today(app.Clock);
    private DateOnly UtcDate => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Clock_IsLateUtcEvening_SwedenIsADayAhead()
    {
        Assert.Equal(23, app.Clock.GetUtcNow().Hour);
        Assert.Equal(UtcDate.AddDays(1), SwedishToday);
    }

    [Fact]
    public async Task RightsRequest_DatedTheSwedishTodayTheFormProposes_IsAccepted_AndShownWithSwedishDates()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var form = await sara.GetPageAsync("/Privacy/New");
        Assert.Equal(Iso(SwedishToday), form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.ReceivedOn']")!.Value);
        var unit = await app.SchoolUnitIdAsync("Ekbackeskolan 4–9");
        Dictionary<string, string> values = new() { ["Input.Kind"] = nameof(RightsKind.Removal), ["Input.Reference"] = "BUN 2026/2330", ["Input.Units"] = unit.ToString() };

        var refused = await sara.SubmitAsync("/Privacy/New", "main form", new Dictionary<string, string>(values) { ["Input.ReceivedOn"] = Iso(SwedishToday.AddDays(1)) });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("kan inte ligga i framtiden", EnsaClient.Text(await EnsaClient.ParseAsync(refused), "main"), StringComparison.Ordinal);

        var accepted = await sara.SubmitAsync("/Privacy/New", "main form", values);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var id = Guid.Parse(accepted.Headers.Location!.OriginalString["/Privacy/".Length..]);
        var rightsCase = await app.StoredAsync<RightsRequest>(r => r.Id == id);
        Assert.Equal(SwedishToday, rightsCase.ReceivedOn);
        Assert.False(rightsCase.IsOverdue(SwedishToday));

        // Registered "now": shown on the Swedish date, not the UTC one.
        var page = await sara.GetPageAsync($"/Privacy/{id}");
        Assert.Contains($"{rightsCase.CreatedByName}, {Iso(SwedishToday)}", EnsaClient.Text(page, "main dl"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agreement_SignedOnTheSwedishToday_IsAccepted_TomorrowRefused()
    {
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var template = await db.AgreementTemplates.OrderByDescending(t => t.Version).FirstAsync();
            var resource = await db.LearningResources.SingleAsync(r => r.Name == "Numerix Matteträning");
            var description = await db.SupplierDescriptions.SingleAsync(d => d.ResourceId == resource.Id && d.PublishedAt != null);
            var organizer = await db.Organizers.SingleAsync(o => o.Slug == Ensa.Demo.DemoData.MittkopingSlug);
            var staff = Actor.OrganizerStaff(Guid.NewGuid(), "Test", new HashSet<Role> { Role.CentralReviewer, Role.SecurityCoordinator, Role.OrganizerAdmin });
            var parts = new OrganizerParts("Grundskolenämnden", new ContactPerson("Lisa", "lisa@mittkoping.example"), new ContactPerson("Dso", "dso@mittkoping.example"));
            Assert.True(Agreement.Create(organizer.Id, staff, template, resource, description, parts, now, out var agreement).Succeeded);
            Assert.True(agreement!.StartReview(staff, now).Succeeded);
            Assert.True(agreement.RecordReview(staff, "Bra", now).Succeeded);
            Assert.True(agreement.RecordSecurityReview(staff, "Godtagbar", now).Succeeded);
            Assert.True(agreement.ApproveForSigning(staff, now).Succeeded);
            SignatoryInput[] On(DateOnly day) => [new(AgreementParty.Organizer, "O", "Ordförande", day), new(AgreementParty.Supplier, "S", "VD", day)];
            var pdf = Ensa.Demo.DemoData.DemoPdf("Signerat");

            Assert.Equal("Agreement.SignedInFuture", agreement.RecordSigning(staff, On(SwedishToday.AddDays(1)), "a.pdf", pdf, now).Error?.Code);
            Assert.True(agreement.RecordSigning(staff, On(SwedishToday), "a.pdf", pdf, now).Succeeded);
            return true;
        });
    }

    [Fact]
    public async Task EndUse_OnTheUtcDateBeforeTheSwedishStart_IsRefused_OnTheSwedishStartAccepted()
    {
        var id = await app.InUseAsync("Hagaskolan", "oskar.wikstrom@mittkoping.example", "Quizzly");
        await app.WithDbAsync(async db =>
        {
            var request = await db.ResourceRequests.IgnoreQueryFilters().Include(r => r.Use).Include(r => r.Events).SingleAsync(r => r.Id == id);
            var oskar = await RequestScenarios.ActorAsync(db, "oskar.wikstrom@mittkoping.example", Role.Principal);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            Assert.Equal(SwedishToday, SwedishCalendar.DateOf(request.Use!.InUseSince!.Value));
            Assert.Equal("Request.EndBeforeStart", request.EndUse(oskar, UtcDate, true, null, now).Error?.Code);
            Assert.True(request.EndUse(oskar, SwedishToday, true, null, now).Succeeded);
            return true;
        });
    }

    [Fact]
    public async Task AgreementReminders_CountDaysFromTheSwedishToday_AndExpireTheDayAfterTheSwedishEndDate()
    {
        var job = app.Services.GetRequiredService<AgreementReminders>();
        var admin = Actor.OrganizerStaff(Guid.NewGuid(), "Test", new HashSet<Role> { Role.OrganizerAdmin });
        var demo = await app.DemoAgreementIdAsync();
        await job.RunOnceAsync(CancellationToken.None); // the reminders other demo agreements are due (sent once), so the counts below are this one's
        Task SetDatesAsync(DateOnly? review, DateOnly end) => app.ChangeAgreementAsync(demo, a => a.SetDates(admin, review, end, app.Clock.GetUtcNow().UtcDateTime));

        // The demo agreement came into force on the Swedish today (its signatories signed "today" at 23:30 UTC).
        Assert.Equal(SwedishToday, (await app.AgreementAsync(demo)).InForceFrom);

        // 60 days ahead in Sweden (61 by the UTC date): due now.
        var review = SwedishToday.AddDays(Agreement.ReminderDaysBefore);
        await SetDatesAsync(review, review.AddDays(1));
        Assert.Equal(new AgreementReminders.RunResult(1, 0), await job.RunOnceAsync(CancellationToken.None));
        Assert.Single(await app.MailAsync(m => m.Subject.Contains("Sagoväven Läsresan") && m.Subject.Contains(Iso(review))));

        // Ends tomorrow in Sweden; two days on, the Swedish date is past it (the UTC date is only on it).
        var end = SwedishToday.AddDays(1);
        await SetDatesAsync(null, end);
        Assert.Equal(new AgreementReminders.RunResult(1, 0), await job.RunOnceAsync(CancellationToken.None));
        app.Clock.Offset += TimeSpan.FromDays(2);
        try
        {
            Assert.Equal(end, UtcDate);
            Assert.Equal(new AgreementReminders.RunResult(0, 1), await job.RunOnceAsync(CancellationToken.None));
            Assert.Equal(AgreementStatus.Expired, (await app.AgreementAsync(demo)).Status);
        }
        finally
        {
            app.Clock.Offset -= TimeSpan.FromDays(2);
        }
    }
}
