using System.Text.Json;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary><c>admin organizer create</c> through the real command line, on each database.</summary>
public abstract class AdminCliTests(Func<AdminCliRunner> database)
{
    protected static readonly string[] Create =
        ["admin", "organizer", "create", "--name", "Norrby kommun", "--org-number", "212000-0142", "--slug", "norrby", "--admin-email", "anna@norrby.se"];

    [Fact]
    public async Task CreateOrganizer_MakesTheOrganizerAndInvitesItsAdmin_AndAnswersInJson()
    {
        await using var cli = database();
        var outcome = await cli.RunAsync([.. Create, "--json"]);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.Equal("norrby", json.RootElement.GetProperty("slug").GetString());
        await using var db = cli.OpenDatabase();
        var organizer = await db.Organizers.SingleAsync();
        Assert.Equal(("Norrby kommun", "212000-0142"), (organizer.Name, organizer.OrganisationNumber));
        Assert.Equal(json.RootElement.GetProperty("id").GetGuid(), organizer.Id);
        Assert.Single(await db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.OrganizerId == organizer.Id).ToListAsync());
        var invitation = await db.Invitations.IgnoreQueryFilters().SingleAsync();
        Assert.Equal((Identity.Role.OrganizerAdmin, "anna@norrby.se"), (invitation.Role, invitation.Email));
        var mail = await db.OutboxMessages.SingleAsync();
        Assert.Equal("anna@norrby.se", mail.To);
        Assert.Contains("https://ensa.example.se/Account/AcceptInvitation?token=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOrganizer_Twice_IsRefusedWithAMessage_AndChangesNothing()
    {
        await using var cli = database();
        Assert.Equal(0, (await cli.RunAsync(Create)).ExitCode);

        var again = await cli.RunAsync(Create);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("An organizer with organisation number 212000-0142 is already in Ensa.", again.Error, StringComparison.Ordinal);
        await using var db = cli.OpenDatabase();
        Assert.Equal(1, await db.Organizers.CountAsync());
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
    }
}

/// <summary>Input is checked before the database is touched: these run on one database only.</summary>
public sealed class SqliteAdminCliTests() : AdminCliTests(AdminCliRunner.Sqlite)
{
    [Theory]
    [InlineData("--org-number", "212000-0143", "valid check digit")]
    [InlineData("--slug", "Norr by", "short name may contain only")]
    [InlineData("--admin-email", "anna", "valid e-mail address")]
    public async Task CreateOrganizer_WithBadInput_SaysWhatIsWrong_AndCreatesNothing(string option, string value, string message)
    {
        await using var cli = AdminCliRunner.Sqlite();
        var args = Create.ToArray();
        args[Array.IndexOf(args, option) + 1] = value;

        var outcome = await cli.RunAsync(args);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
        await using var db = cli.OpenDatabase();
        Assert.Equal(0, await db.Organizers.CountAsync());
    }

    [Fact]
    public async Task CreateOrganizer_WithoutARequiredOption_ExitsNonZeroAndNamesIt()
    {
        await using var cli = AdminCliRunner.Sqlite();
        var outcome = await cli.RunAsync("admin", "organizer", "create", "--name", "Norrby kommun");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("org-number", outcome.Error + outcome.Output, StringComparison.Ordinal);
    }
}

public sealed class PostgresAdminCliTests() : AdminCliTests(AdminCliRunner.PostgreSql);
