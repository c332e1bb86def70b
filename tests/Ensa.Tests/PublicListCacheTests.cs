using Ensa.Publishing;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The public list is kept per node (ADR 9): a change saved through the app shows at once.</summary>
public sealed class PublicListCacheTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public async Task KeptList_ChangeSaved_ShowsAtOnce()
    {
        using var visitor = app.NewClient();
        var before = await visitor.GetPageAsync("/public/mittkoping/resources");
        Assert.DoesNotContain("Lingua Bridge Vokabel", EnsaClient.Text(before, ".public-list h2"), StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            var organizerId = await db.Organizers.Where(o => o.Slug == "mittkoping").Select(o => o.Id).SingleAsync();
            var settings = await db.PublicListSettings.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.OrganizerId == organizerId);
            if (settings is null) db.PublicListSettings.Add(settings = new PublicListSettings(organizerId));
            settings.Change(settings.Fields, showNotApproved: true, settings.Intro);
            return await db.SaveChangesAsync();
        });

        var after = await visitor.GetPageAsync("/public/mittkoping/resources");
        Assert.Contains("Lingua Bridge Vokabel", EnsaClient.Text(after, ".public-list h2"), StringComparison.Ordinal);
    }
}
