using Ensa.Data;
using Ensa.Requests;
using Ensa.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Resources;

/// <summary>One learning resource: what it is, what the user's own organizer decided about it (with its conditions, which
/// every user must see), where it is in use here, and how many organizers approve it. Every organizer also sees the changes
/// proposed to its shared facts and their history from the audit log; the platform admin or the supplier decides proposals.</summary>
public sealed class DetailsModel(EnsaDbContext db, Catalogue catalogue, Publishing.PublicList publicList, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record DecisionRow(Decision Decision, string? Conditions, string? Reason, DateTime DecidedAt, string? DecidedBy);
    public sealed record FieldChange(string Field, string? Before, string? After);
    public sealed record ProposalRow(Guid Id, string ProposedBy, string Organizer, DateTime ProposedAt, IReadOnlyList<FieldChange> Changes);
    /// <summary>One change to the entry or to a proposal for it, from the audit log.</summary>
    public sealed record HistoryRow(DateTime At, string Who, string? Organizer, string What, IReadOnlyList<FieldChange> Changes);

    /// <summary>The shared facts' labels, by property name.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>
    {
        ["Name"] = "Resources.Name", ["SupplierId"] = "Resources.Supplier", ["Type"] = "Resources.Type", ["Description"] = "Resources.Description",
        ["WebAddress"] = "Resources.WebAddress", ["AppStoreLinks"] = "Resources.AppStoreLinks", ["Platforms"] = "Resources.Platforms",
        ["SchoolForms"] = "Resources.SchoolForms", ["Grades"] = "Resources.Grades", ["Subjects"] = "Resources.Subjects",
        ["SignInMethods"] = "Resources.SignIn", ["ProcessesPersonalData"] = "Resources.PersonalData", ["Pricing"] = "Resources.Pricing",
        ["Status"] = "Catalogue.ProposalStatus",
    };

    public IReadOnlyList<ProposalRow> Proposals { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    /// <summary>One change to a shared fact, newest first. <paramref name="ByOtherOrganizer"/>: made for an organizer other than the reader's.</summary>
    public sealed record RevisionRow(DateTime At, string Who, string? Organizer, bool ByOtherOrganizer, string? AppliedBy, FieldChange Change);
    public IReadOnlyList<RevisionRow> Revisions { get; private set; } = [];
    public bool ChangesDirectly { get; private set; }
    public bool MayDecideProposals { get; private set; }

    public LearningResource Resource { get; private set; } = null!;
    public string? SupplierName { get; private set; }
    public string? SupplierCountry { get; private set; }
    public int ApprovedBy { get; private set; }
    /// <summary>This organizer's decisions, newest first: the first is where the resource stands here.</summary>
    public IReadOnlyList<DecisionRow> Decisions { get; private set; } = [];
    public IReadOnlyList<(string Unit, DateTime Since)> InUseAt { get; private set; } = [];
    public bool HasOrganizer => User.OrganizerId() is not null;
    public bool CanEdit => Catalogue.CanEdit(User);
    public bool CanWriteGuidance => User.IsInRole(Identity.Roles.CentralReviewer);
    public Publishing.ResourceGuidance? Guidance { get; private set; }
    /// <summary>The organizer's public list entry, when the resource is on it.</summary>
    public string? PublicAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var resource = await db.LearningResources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (resource is null) return NotFound();
        Resource = resource;
        var supplier = await db.Suppliers.AsNoTracking().Where(s => s.Id == resource.SupplierId)
            .Select(s => new { s.Name, s.CountryCode }).SingleOrDefaultAsync();
        (SupplierName, SupplierCountry) = (supplier?.Name, supplier?.CountryCode);
        ApprovedBy = (await catalogue.DescribeAsync([id])).Single().ApprovedBy;
        ChangesDirectly = CanEdit && await catalogue.MayChangeDirectlyAsync(resource, User, User.OrganizerId());
        MayDecideProposals = Catalogue.MayDecideProposals(resource, User, User.SupplierId());
        await LoadProposalsAndHistoryAsync(id);
        if (!HasOrganizer) return Page();

        // The query filter keeps decisions and uses to the current organizer. The current decision first, then its history.
        Decisions = (await db.ResourceDecisions.AsNoTracking().Where(d => d.ResourceId == id)
                .Select(d => new DecisionRow(d.Decision, d.Conditions, d.Reason, d.DecidedAt, d.DecidedByName)).ToListAsync())
            .OrderByDescending(r => r.DecidedAt).ToList();
        InUseAt = (await db.ResourceUses.AsNoTracking().Where(u => u.ResourceId == id && u.InUseSince != null)
                .Join(db.OrganisationUnits, u => u.SchoolUnitId, o => o.Id, (u, o) => new { o.Name, Since = u.InUseSince!.Value }).ToListAsync())
            .OrderBy(u => u.Name, SwedishCalendar.Comparer).Select(u => (u.Name, u.Since)).ToList();
        Guidance = await db.ResourceGuidance.AsNoTracking().SingleOrDefaultAsync(g => g.ResourceId == id);
        var organizerId = User.OrganizerId()!.Value;
        if (await publicList.FindAsync(organizerId, id) is not null)
            PublicAddress = Url.Page("/Published/Resource",
                new { organizer = await db.Organizers.Where(o => o.Id == organizerId).Select(o => o.Slug).SingleAsync(), resource = id });
        return Page();
    }

    public Task<IActionResult> OnPostApplyProposalAsync(Guid id, Guid proposalId) =>
        DecideAsync(id, proposalId, (proposal, resource, by, now) =>
        {
            var result = proposal.Apply(resource, by, now, out var revisions);
            db.ResourceRevisions.AddRange(revisions);
            return result;
        }, "Catalogue.ProposalApplied");

    public Task<IActionResult> OnPostRejectProposalAsync(Guid id, Guid proposalId) =>
        DecideAsync(id, proposalId, (proposal, _, by, now) => proposal.Reject(by, now), "Catalogue.ProposalRejected");

    private async Task<IActionResult> DecideAsync(Guid id, Guid proposalId,
        Func<ResourceChangeProposal, LearningResource, string, DateTime, Common.Result> decide, string done)
    {
        if (await db.LearningResources.SingleOrDefaultAsync(r => r.Id == id) is not { } resource) return NotFound();
        if (!Catalogue.MayDecideProposals(resource, User, User.SupplierId())) return Forbid();
        if (await db.ResourceChangeProposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.ResourceId == id) is not { } proposal) return NotFound();
        var result = decide(proposal, resource, User.FindFirst(EnsaClaimTypes.DisplayName)?.Value ?? "", clock.GetUtcNow().UtcDateTime);
        if (result.Succeeded) await db.SaveChangesAsync();
        TempData["Message"] = l[result.Succeeded ? done : result.Error!.Code, resource.Name].Value;
        return RedirectToPage("/Resources/Details", new { id });
    }

    private async Task LoadProposalsAndHistoryAsync(Guid id)
    {
        var proposals = await db.ResourceChangeProposals.AsNoTracking().Where(p => p.ResourceId == id).ToListAsync();
        var organizers = await db.Organizers.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name);
        var suppliers = await db.Suppliers.AsNoTracking().Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id.ToString(), s => s.Name);
        string? Show(string field, object? value) => value switch
        {
            null => null,
            Guid g when field == "SupplierId" => suppliers.GetValueOrDefault(g.ToString()) ?? g.ToString(),
            string text when field == "SupplierId" => suppliers.GetValueOrDefault(text) ?? text,
            bool b => l[b ? "Common.Yes" : "Common.No"].Value,
            _ => value.ToString(),
        };
        // Shared data, like the entry itself: every organizer reads every revision.
        var reader = User.OrganizerId();
        Revisions = (await db.ResourceRevisions.AsNoTracking().Where(r => r.ResourceId == id).OrderByDescending(r => r.At).Take(200).ToListAsync())
            .Select(r => new RevisionRow(r.At, r.ChangedByName, r.OrganizerId is { } o ? organizers.GetValueOrDefault(o) : null,
                r.OrganizerId is not null && r.OrganizerId != reader, r.AppliedByName,
                new FieldChange(r.Field, Show(r.Field, Revised(r.Field, r.Before)), Show(r.Field, Revised(r.Field, r.After)))))
            .ToList();
        Proposals = proposals.Where(p => p.Status == ProposalStatus.Open).OrderBy(p => p.ProposedAt).Select(p =>
        {
            var (before, after) = (ResourceFacts.FromJson(p.BaseFacts), ResourceFacts.FromJson(p.ProposedFacts));
            return new ProposalRow(p.Id, p.ProposedByName, organizers.GetValueOrDefault(p.ProposedByOrganizerId) ?? "", p.ProposedAt,
                p.Fields.Select(f => new FieldChange(f, Show(f, before.Value(f)), Show(f, after.Value(f)))).ToList());
        }).ToList();

        // Shared data: every organizer reads the whole history, whichever organizer's user made the change.
        var resourceKey = id.ToString();
        var proposalKeys = proposals.Select(p => p.Id.ToString()).ToList();
        var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => (a.EntityType == nameof(LearningResource) && a.EntityId == resourceKey)
                        || (a.EntityType == nameof(ResourceChangeProposal) && proposalKeys.Contains(a.EntityId)))
            .OrderByDescending(a => a.At).Take(100).ToListAsync();
        History = entries.Select(a =>
        {
            var changes = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement[]>>(a.Changes) ?? [];
            var shown = changes.Where(c => FieldLabels.ContainsKey(c.Key))
                .Select(c => new FieldChange(c.Key, Show(c.Key, Plain(c.Value.ElementAtOrDefault(0))), Show(c.Key, Plain(c.Value.ElementAtOrDefault(1))))).ToList();
            var what = (a.EntityType, a.Action) switch
            {
                (nameof(LearningResource), "Added") => "Catalogue.HistoryAdded",
                (nameof(LearningResource), _) => "Catalogue.HistoryChanged",
                (_, "Added") => "Catalogue.HistoryProposed",
                _ => "Catalogue.HistoryProposalDecided",
            };
            return new HistoryRow(a.At, a.ActorName ?? "–", a.OrganizerId is { } o ? organizers.GetValueOrDefault(o) : null, what,
                what == "Catalogue.HistoryProposed" ? [] : shown);
        }).ToList();
    }

    /// <summary>A revision's stored text as the value <see cref="LoadProposalsAndHistoryAsync"/> shows (yes/no, supplier name).</summary>
    private static object? Revised(string field, string? text) => text switch
    {
        null => null,
        "true" or "false" when field == nameof(LearningResource.ProcessesPersonalData) => text == "true",
        _ when field == nameof(LearningResource.SupplierId) && Guid.TryParse(text, out var g) => g,
        _ => text,
    };

    private static object? Plain(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => e.GetString(),
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined => null,
        _ => e.ToString(),
    };
}
