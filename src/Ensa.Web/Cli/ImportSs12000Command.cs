using System.ComponentModel;
using System.Text.Json;
using Ensa.Data;
using Ensa.MasterData;
using Ensa.Web.MasterData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ensa.Web.Cli;

/// <summary><c>admin import ss12000</c>: imports an organizer's school units, staff and principals from its SS 12000 API
/// or from the three saved responses; with <c>--dry-run</c> a preview that saves nothing.</summary>
internal sealed class ImportSs12000Command(EnsaDbContext db, TimeProvider clock, IHttpClientFactory httpClients, IStringLocalizer<SharedResource> l)
    : AsyncCommand<ImportSs12000Command.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--organizer <SLUG>", isRequired: true), Description("The organizer's short name.")]
        public string Organizer { get; init; } = "";

        [CommandOption("--from <FOLDER>"), Description("A folder with organisations.json, persons.json and duties.json.")]
        public string? From { get; init; }

        [CommandOption("--base-url <URL>"), Description("The SS 12000 API, e.g. https://skolsystem.example/ss12000/v2.")]
        public string? BaseUrl { get; init; }

        [CommandOption("--token <TOKEN>"), Description("A bearer token for the API.")]
        public string? Token { get; init; }

        [CommandOption("--token-url <URL>"), Description("OAuth2 token endpoint for client credentials.")]
        public string? TokenUrl { get; init; }

        [CommandOption("--client-id <ID>")]
        public string? ClientId { get; init; }

        [CommandOption("--client-secret <SECRET>")]
        public string? ClientSecret { get; init; }

        [CommandOption("--dry-run"), Description("Show what would change, and change nothing.")]
        public bool DryRun { get; init; }

        [CommandOption("--json"), Description("Print the summary as one JSON object.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if ((From is null) == (BaseUrl is null)) return ValidationResult.Error("Give either --from or --base-url.");
            if (BaseUrl is not null && !Uri.TryCreate(BaseUrl, UriKind.Absolute, out _)) return ValidationResult.Error("--base-url is not an absolute URL.");
            if (BaseUrl is not null && Token is null && (TokenUrl is null || ClientId is null || ClientSecret is null))
                return ValidationResult.Error("Give --token, or --token-url, --client-id and --client-secret.");
            if (TokenUrl is not null && !Uri.TryCreate(TokenUrl, UriKind.Absolute, out _)) return ValidationResult.Error("--token-url is not an absolute URL.");
            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var organizer = await db.Organizers.SingleOrDefaultAsync(o => o.Slug == settings.Organizer, cancellationToken);
        if (organizer is null)
        {
            await Console.Error.WriteLineAsync(l["Cli.OrganizerNotFound", settings.Organizer]);
            return 1;
        }
        Ss12000Snapshot snapshot;
        var http = httpClients.CreateClient(Ss12000Options.HttpClient);
        try
        {
            snapshot = settings.From is not null
                ? await Ss12000Source.ReadFolderAsync(settings.From, cancellationToken)
                : await Ss12000Source.ReadAsync(http, new Ss12000Connection(new Uri(settings.BaseUrl!), settings.Token,
                    settings.TokenUrl is null ? null : new Uri(settings.TokenUrl), settings.ClientId, settings.ClientSecret), cancellationToken);
        }
        catch (Ss12000Exception e)
        {
            await Console.Error.WriteLineAsync(l[e.Error.Code, e.Error.Args]);
            return 1;
        }
        var (result, summary) = await Ss12000Import.RunAsync(db, organizer.Id, snapshot, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(l[result.Error!.Code, result.Error.Args]);
            return 1;
        }
        if (!settings.DryRun) await db.SaveChangesAsync(cancellationToken);
        Console.WriteLine(settings.Json ? Json(summary!) : Text(summary!, settings.DryRun));
        return 0;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static object Counts(ImportCounts c) => new { created = c.Created, updated = c.Updated, closed = c.Closed, skipped = c.Skipped };

    private string Json(ImportSummary s) => JsonSerializer.Serialize(new
    {
        organisations = Counts(s.Organisations),
        persons = Counts(s.Persons),
        duties = Counts(s.Duties),
        skipped = s.Skipped.Select(k => new { type = k.Type, id = k.Id, reason = l[k.Reason.Code, k.Reason.Args].Value }),
    }, JsonOptions);

    private string Text(ImportSummary s, bool dryRun)
    {
        var lines = new List<string>
        {
            l[dryRun ? "Cli.ImportPreview" : "Cli.ImportDone"],
            l["Cli.ImportCounts", l["Cli.ImportOrganisations"], s.Organisations.Created, s.Organisations.Updated, s.Organisations.Closed, s.Organisations.Skipped],
            l["Cli.ImportCounts", l["Cli.ImportPersons"], s.Persons.Created, s.Persons.Updated, s.Persons.Closed, s.Persons.Skipped],
            l["Cli.ImportCounts", l["Cli.ImportDuties"], s.Duties.Created, s.Duties.Updated, s.Duties.Closed, s.Duties.Skipped],
        };
        lines.AddRange(s.Changes.Select(c => $"  {l[c.What.Code, c.What.Args]}"));
        lines.AddRange(s.Skipped.Select(k => $"  {k.Type} {k.Id}: {l[k.Reason.Code, k.Reason.Args]}"));
        return string.Join(Environment.NewLine, lines);
    }
}
