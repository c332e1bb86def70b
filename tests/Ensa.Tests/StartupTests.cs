using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task SecondStart_SameDatabase_KeepsTheDataAndSeedsNothingTwice()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ensa-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new EnsaAppFactory { DataDirectory = directory, KeepFiles = true })
            {
                await first.InitializeAsync();
                await first.CreateUserWithPasswordAsync("kept@mittkoping.example", "ett långt lösenord här", Role.Requester);
            }
            await using var second = new EnsaAppFactory { DataDirectory = directory };
            await second.InitializeAsync();
            Assert.Equal(2, await second.WithDbAsync(db => db.Organizers.CountAsync()));
            Assert.Equal(1, await second.CountStoredAsync<EnsaUser>(u => u.Email == "kept@mittkoping.example"));
            Assert.Equal(1, await second.CountStoredAsync<EnsaUser>(u => u.Email == "lisa.ekstrom@mittkoping.example"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
