using Ensa.Common;
using Ensa.Data;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Agreements;

/// <summary>Ensa's own neutral main text, written for Ensa. It is a placeholder: an organizer should use the official
/// template from SKR, Adda and Inera, which a platform admin publishes as a new version.</summary>
public static class PlaceholderTemplate
{
    /// <summary>Publishes this text as version 1 when no template exists, so an agreement can always be made; a
    /// platform admin replaces it with the official template as a new version.</summary>
    public static async Task<AgreementTemplate> EnsureAsync(EnsaDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        if (await db.AgreementTemplates.OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken) is { } latest) return latest;
        var result = AgreementTemplate.Publish(Actor.System, 0, Title, Sections, isPlaceholder: true, now, out var template);
        if (!result.Succeeded) throw new InvalidOperationException(result.Error!.Code);
        db.AgreementTemplates.Add(template!);
        await db.SaveChangesAsync(cancellationToken);
        return template!;
    }

    public const string Title = "Personuppgiftsbiträdesavtal – Ensas platshållartext (ersätts av SKR:s, Addas och Ineras mall)";

    public static readonly IReadOnlyList<TemplateSection> Sections =
    [
        new("0", "Om denna text",
            "Detta är en neutral platshållartext skriven för Ensa. Den är inte SKR:s, Addas eller Ineras mall för " +
            "personuppgiftsbiträdesavtal och ska ersättas av den officiella mallen innan avtal tecknas på riktigt."),
        new("1", "Parter och kontaktpersoner",
            "Avtalet ingås mellan huvudmannen, genom den nämnd eller styrelse som är personuppgiftsansvarig, och leverantören " +
            "som personuppgiftsbiträde. Varje part anger en kontaktperson för avtalets administration och en för samarbetet i " +
            "dataskyddsfrågor."),
        new("2", "Bakgrund och syfte",
            "Leverantören tillhandahåller en digital tjänst som huvudmannens skolor använder. Avtalet reglerar hur leverantören " +
            "får behandla personuppgifter för huvudmannens räkning enligt artikel 28 i dataskyddsförordningen."),
        new("3", "Begrepp",
            "Begrepp i avtalet har samma betydelse som i dataskyddsförordningen (EU) 2016/679 och kompletterande svensk lag."),
        new("4", "Behandling endast enligt instruktion",
            "Leverantören behandlar personuppgifter endast enligt huvudmannens dokumenterade instruktioner i bilagan " +
            "Instruktion. Anser leverantören att en instruktion strider mot dataskyddsregler ska huvudmannen genast underrättas."),
        new("5", "Leverantörens skyldigheter",
            "Leverantören ska följa tillämplig dataskyddslagstiftning, föra register över behandlingen och se till att den som " +
            "arbetar med uppgifterna har åtagit sig tystnadsplikt eller omfattas av lagstadgad sekretess."),
        new("6", "Säkerhet",
            "Leverantören vidtar lämpliga tekniska och organisatoriska åtgärder för att skydda uppgifterna, med hänsyn till att " +
            "de registrerade ofta är barn. Särskilda krav anges i bilagan Instruktion."),
        new("7", "Loggning och kontroll av åtkomst",
            "Åtkomst till personuppgifter loggas i den omfattning som anges i bilagan Instruktion. Huvudmannen får på begäran " +
            "del av loggar som rör dess uppgifter."),
        new("8", "Personuppgiftsincidenter",
            "Leverantören underrättar huvudmannen utan onödigt dröjsmål efter att ha fått kännedom om en personuppgiftsincident " +
            "och lämnar den information huvudmannen behöver för att kunna anmäla incidenten och informera de registrerade."),
        new("9", "Underbiträden",
            "Leverantören får anlita de underbiträden som anges i bilagan Lista över underbiträden. Planerade förändringar " +
            "meddelas huvudmannen i förväg, och huvudmannen har rätt att invända innan förändringen genomförs. Leverantören " +
            "ansvarar för att underbiträden åtar sig samma skyldigheter som leverantören."),
        new("10", "Överföring till tredje land",
            "Personuppgifter får behandlas utanför EU/EES endast där bilagorna anger det och endast med stöd av en skyddsåtgärd " +
            "enligt kapitel V i dataskyddsförordningen."),
        new("11", "Bistånd till huvudmannen",
            "Leverantören hjälper huvudmannen att besvara begäranden från registrerade, att göra konsekvensbedömningar och att " +
            "uppfylla sina övriga skyldigheter, i den mån det är skäligt med hänsyn till behandlingens art."),
        new("12", "Granskning",
            "Huvudmannen, eller den som huvudmannen utser, får granska att leverantören följer avtalet. Leverantören medverkar " +
            "och ger tillgång till den information som behövs."),
        new("13", "Ändringar",
            "Ändringar i avtalet och dess bilagor ska vara skriftliga. Leverantören meddelar ändringar i sin beskrivning av " +
            "behandlingen, och huvudmannen godtar eller invänder inom angiven tid."),
        new("14", "Ansvar",
            "Varje part ansvarar för skada som den orsakar genom att bryta mot avtalet eller mot dataskyddsregler, i enlighet " +
            "med artikel 82 i dataskyddsförordningen."),
        new("15", "Giltighet och upphörande",
            "Avtalet gäller från undertecknandet så länge leverantören behandlar personuppgifter för huvudmannens räkning, eller " +
            "till det slutdatum parterna har angett."),
        new("16", "Återlämnande och radering",
            "När avtalet upphör återlämnar eller raderar leverantören, enligt huvudmannens val, alla personuppgifter och " +
            "bekräftar skriftligen hur det har skett, om inte lag kräver att uppgifterna sparas."),
        new("17", "Tillämplig lag och tvister",
            "Svensk lag gäller för avtalet. Tvister avgörs av allmän domstol med huvudmannens hemort som första instans."),
    ];
}
