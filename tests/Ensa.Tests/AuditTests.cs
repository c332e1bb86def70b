using System.Text.Json;
using Ensa.Audit;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

public sealed class AuditTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public async Task RoleGranted_IsLoggedWithWhoWhenAndWhat()
    {
        var sara = await app.UserIdAsync("sara.nilsson@mittkoping.example");
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var before = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        await admin.FollowAsync(await admin.SubmitAsync($"/Admin/Users/Roles/{sara}", "form[action*=Add]",
            new Dictionary<string, string> { ["Role.Role"] = "SecurityCoordinator", ["Role.UnitId"] = "" }));

        var entry = await app.StoredAsync<AuditEntry>(a => a.EntityType == nameof(Membership) && a.Action == "Added" && a.ActorName == "Lisa Ekström" && a.At >= before);
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(entry.Changes)!;
        Assert.Equal("SecurityCoordinator", changes["Role"][1].ToString());
        Assert.Equal(JsonValueKind.Null, changes["Role"][0].ValueKind);
        Assert.Equal(sara.ToString(), changes["UserId"][1].ToString());

        var log = await admin.GetPageAsync("/Admin/Audit");
        Assert.Contains("Lisa Ekström", log.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_RecordsBeforeAndAfter_AndHidesSecrets()
    {
        var email = "audit.change@mittkoping.example";
        var user = await app.CreateUserWithPasswordAsync(email, "ett långt lösenord här", Role.Requester);
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Users.SingleAsync(u => u.Id == user.Id);
            tracked.DisplayName = "Nytt Namn";
            return await db.SaveChangesAsync();
        });
        var entries = await app.AllStoredAsync<AuditEntry>(a => a.EntityId == user.Id.ToString());
        var modified = entries.Single(e => e.Action == "Modified" && e.Changes.Contains("DisplayName", StringComparison.Ordinal));
        Assert.Contains("\"Nytt Namn\"", modified.Changes, StringComparison.Ordinal);
        Assert.Contains("Test audit.change", modified.Changes, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.DoesNotContain("PasswordHash", e.Changes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditEntry_ChangeOrDelete_IsRefused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.IgnoreQueryFilters().FirstAsync();
            db.AuditEntries.Remove(entry);
            return await db.SaveChangesAsync();
        }));
    }
}
