using System.ComponentModel;
using System.Text.Json;
using Ensa.Organizers;
using Microsoft.Extensions.Localization;
using Spectre.Console.Cli;

namespace Ensa.Web.Cli;

/// <summary><c>admin organizer create</c>: the command-line twin of the platform admin's "new organizer" form.</summary>
internal sealed class CreateOrganizerCommand(OrganizerCreation creation, IStringLocalizer<SharedResource> l)
    : AsyncCommand<CreateOrganizerCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--name <NAME>", isRequired: true), Description("The organizer's name, e.g. \"Mittköpings kommun\".")]
        public string Name { get; init; } = "";

        [CommandOption("--org-number <NUMBER>", isRequired: true), Description("Organisation number, NNNNNN-NNNN.")]
        public string OrgNumber { get; init; } = "";

        [CommandOption("--slug <SLUG>", isRequired: true), Description("Short name for addresses: a-z, 0-9 and hyphens.")]
        public string Slug { get; init; } = "";

        [CommandOption("--admin-email <EMAIL>", isRequired: true), Description("The first organizer admin, invited by e-mail.")]
        public string AdminEmail { get; init; } = "";

        [CommandOption("--admin-name <NAME>"), Description("The admin's name as others see it (default: the e-mail address).")]
        public string? AdminName { get; init; }

        [CommandOption("--controller <COMMITTEE>"), Description("The committee that is controller (default: the organizer's name).")]
        public string? Controller { get; init; }

        [CommandOption("--kind <KIND>"), Description("Municipality, IndependentSchool, Region or State (default: Municipality).")]
        public OrganizerKind Kind { get; init; } = OrganizerKind.Municipality;

        [CommandOption("--json"), Description("Print the result as one JSON object.")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var input = new NewOrganizer(settings.Name, settings.OrgNumber, settings.Slug, settings.Kind, settings.Controller ?? settings.Name,
            settings.AdminName ?? settings.AdminEmail, settings.AdminEmail);
        var (result, created) = await creation.CreateAsync(input, Guid.Empty, cancellationToken);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(l[result.Error!.Code, result.Error.Args]);
            return 1;
        }
        Console.WriteLine(settings.Json
            ? JsonSerializer.Serialize(new { id = created!.Organizer.Id, slug = created.Organizer.Slug, invited = created.Invitation.Email })
            : l["Cli.OrganizerCreated", created!.Organizer.Name, created.Organizer.Slug, created.Invitation.Email].Value);
        return 0;
    }
}
