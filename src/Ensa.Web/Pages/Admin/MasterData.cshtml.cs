using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.MasterData;
using Ensa.Web.MasterData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ensa.Web.Pages.Admin;

/// <summary>The organizer admin's SS 12000 import: the connection (its secrets never shown again), a preview from the API or
/// from three uploaded responses, read and planned in the background, then applied (also in the background) exactly as
/// previewed, or discarded;
/// and the log of every run.</summary>
public sealed class MasterDataModel(EnsaDbContext db, Ss12000Secrets secrets, ImportRunWorker worker, TimeProvider clock,
    IOptions<Ss12000Options> options, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(Ss12000Settings.UrlMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "MasterData.BaseUrl")]
        public string BaseUrl { get; set; } = "";

        [StringLength(Ss12000Settings.SecretMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "MasterData.Token")]
        public string? Token { get; set; }

        [StringLength(Ss12000Settings.UrlMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "MasterData.TokenUrl")]
        public string? TokenUrl { get; set; }

        [StringLength(Ss12000Settings.ClientIdMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "MasterData.ClientId")]
        public string? ClientId { get; set; }

        [StringLength(Ss12000Settings.SecretMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "MasterData.ClientSecret")]
        public string? ClientSecret { get; set; }

        public bool DailySync { get; set; }
    }

    public sealed record RunRow(Guid Id, DateTime StartedAt, string StartedByName, ImportSource Source, ImportRunStatus Status,
        ImportRunSummary? Summary);

    /// <summary>The run the page is about, without its snapshot.</summary>
    public sealed record RunView(Guid Id, ImportSource Source, ImportRunStatus Status, int ListsRead, int RecordsRead, ImportRunSummary? Summary,
        DomainError? Error);

    public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Organisations { get; set; }
    [BindProperty] public IFormFile? Persons { get; set; }
    [BindProperty] public IFormFile? Duties { get; set; }

    public bool Connected { get; private set; }
    public bool HasToken { get; private set; }
    public bool HasClientSecret { get; private set; }
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];
    public RunView? Run { get; private set; }
    /// <summary>When the daily sync is on: about when its next run is due (at the job's first check from then).</summary>
    public DateTime? NextSync { get; private set; }
    public long MaxFileMegabytes => options.Value.MaxFileBytes / (1024 * 1024);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid? run, CancellationToken cancellationToken)
    {
        var settings = await db.Ss12000Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings is not null)
            Input = new InputModel { BaseUrl = settings.BaseUrl, TokenUrl = settings.TokenUrl, ClientId = settings.ClientId, DailySync = settings.DailySync };
        return await ShowAsync(run, settings, cancellationToken);
    }

    /// <summary>Bound here only: the other forms carry no connection fields.</summary>
    public async Task<IActionResult> OnPostSaveAsync([Bind(Prefix = nameof(Input))] InputModel input, CancellationToken cancellationToken)
    {
        Input = input;
        var settings = await db.Ss12000Settings.SingleOrDefaultAsync(cancellationToken);
        CheckUrl(nameof(Input.BaseUrl), Input.BaseUrl);
        if (!string.IsNullOrWhiteSpace(Input.TokenUrl)) CheckUrl(nameof(Input.TokenUrl), Input.TokenUrl);
        var token = Blank(Input.Token);
        var secret = Blank(Input.ClientSecret);
        var clientCredentials = !string.IsNullOrWhiteSpace(Input.TokenUrl) && !string.IsNullOrWhiteSpace(Input.ClientId)
            && (secret is not null || settings?.ProtectedClientSecret is not null);
        if (ModelState.IsValid && token is null && settings?.ProtectedToken is null && !clientCredentials)
            ModelState.AddModelError("", l["MasterData.NoCredentials"]);
        if (!ModelState.IsValid) return await ShowAsync(null, settings, cancellationToken);
        if (settings is null) db.Ss12000Settings.Add(settings = new Ss12000Settings(User.OrganizerId()!.Value));
        settings.Update(Input.BaseUrl.Trim(), Blank(Input.TokenUrl), Blank(Input.ClientId), Input.DailySync,
            token is null ? null : secrets.Protect(token), secret is null ? null : secrets.Protect(secret));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["MasterData.Saved"].Value;
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostRemoveTokenAsync(CancellationToken cancellationToken) => RemoveAsync(s => s.RemoveToken(), cancellationToken);

    public Task<IActionResult> OnPostRemoveSecretAsync(CancellationToken cancellationToken) => RemoveAsync(s => s.RemoveClientSecret(), cancellationToken);

    private async Task<IActionResult> RemoveAsync(Action<Ss12000Settings> remove, CancellationToken cancellationToken)
    {
        if (await db.Ss12000Settings.SingleOrDefaultAsync(cancellationToken) is not { } settings) return NotFound();
        remove(settings);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["MasterData.Removed"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPreviewApiAsync(CancellationToken cancellationToken)
    {
        if (!await db.Ss12000Settings.AnyAsync(cancellationToken))
            return await RefuseAsync(new DomainError("MasterData.NotConnected"), cancellationToken);
        return await QueueAsync(ImportRun.FromApi(User.OrganizerId()!.Value, User.UserId(), UserName, Now), cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewFilesAsync(CancellationToken cancellationToken)
    {
        var files = new[] { ("organisations", Organisations), ("persons", Persons), ("duties", Duties) };
        foreach (var (list, file) in files)
        {
            if (file is null || file.Length == 0) ModelState.AddModelError("", l["MasterData.FileMissing", l["MasterData.File." + list]]);
            else if (file.Length > options.Value.MaxFileBytes)
                ModelState.AddModelError("", l["MasterData.FileTooLarge", file.FileName, MaxFileMegabytes]);
        }
        if (!ModelState.IsValid) return await ShowAsync(null, null, cancellationToken);
        Ss12000Snapshot snapshot;
        try
        {
            await using var organisations = Organisations!.OpenReadStream();
            await using var persons = Persons!.OpenReadStream();
            await using var duties = Duties!.OpenReadStream();
            snapshot = await Ss12000Source.ReadFilesAsync(organisations, persons, duties, cancellationToken);
        }
        catch (Ss12000Exception e) when (e.Error.Code == "Ss12000.FileMalformed")
        {
            var (list, file) = files.Single(f => f.Item1 == (string)e.Error.Args[0]);
            return await RefuseAsync(new DomainError("MasterData.FileNotSs12000", file!.FileName, l["MasterData.File." + list].Value), cancellationToken);
        }
        return await QueueAsync(ImportRun.FromFiles(User.OrganizerId()!.Value, User.UserId(), UserName, snapshot, Now), cancellationToken);
    }

    private string UserName => User.FindFirst(EnsaClaimTypes.DisplayName)?.Value ?? User.Identity?.Name ?? "";

    private async Task<IActionResult> QueueAsync(ImportRun run, CancellationToken cancellationToken)
    {
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        worker.Wake();
        return RedirectToPage(new { run = run.Id });
    }

    /// <summary>Hands the preview to the background worker, which re-runs the import on the snapshot the preview was made
    /// from and saves. The conditional update claims the preview: of two applies at once (two tabs, two nodes) one wins.</summary>
    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken cancellationToken)
    {
        var (by, now) = (User.UserId(), Now);
        var claimed = await WaitingPreview(id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ImportRunStatus.ApplyQueued).SetProperty(r => r.FinishedBy, by).SetProperty(r => r.UpdatedAt, now),
            cancellationToken);
        if (claimed == 0) return await RefuseClaimAsync(id, cancellationToken);
        worker.Wake();
        TempData["Message"] = l["MasterData.ApplyStarted"].Value;
        return RedirectToPage(new { run = id });
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken cancellationToken)
    {
        var (by, now) = (User.UserId(), Now);
        var claimed = await WaitingPreview(id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ImportRunStatus.Discarded).SetProperty(r => r.SnapshotJson, (string?)null)
            .SetProperty(r => r.FinishedBy, by).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.UpdatedAt, now), cancellationToken);
        if (claimed == 0) return await RefuseClaimAsync(id, cancellationToken);
        TempData["Message"] = l["MasterData.Discarded"].Value;
        return RedirectToPage(new { run = id });
    }

    private IQueryable<ImportRun> WaitingPreview(Guid id) => db.ImportRuns.Where(r => r.Id == id && r.Status == ImportRunStatus.Previewed);

    /// <summary>The run was not a waiting preview (or another tab took it first): says which, changes nothing.</summary>
    private async Task<IActionResult> RefuseClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var status = await db.ImportRuns.Where(r => r.Id == id).Select(r => (ImportRunStatus?)r.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null) return NotFound();
        var taken = status is ImportRunStatus.ApplyQueued or ImportRunStatus.Applying or ImportRunStatus.Applied;
        return await RefuseAsync(new DomainError(taken ? "MasterData.ApplyTaken" : "MasterData.RunNotPreviewed"), cancellationToken, id);
    }

    /// <summary>The run's progress for the page's script; the same state a reload shows.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.Where(r => r.Id == id).Select(r => new { r.Status, r.UpdatedAt, r.ListsRead, r.RecordsRead })
            .SingleOrDefaultAsync(cancellationToken);
        if (run is null) return NotFound();
        var status = ImportRun.Shown(run.Status, run.UpdatedAt, Now, options.Value.StaleAfter);
        return new JsonResult(new
        {
            status = status.ToString(),
            inProgress = ImportRun.IsInProgress(status),
            steps = Ss12000Progress.Lists + 1,
            step = run.ListsRead,
            recordsRead = run.RecordsRead,
            text = l["MasterData.Progress", run.RecordsRead].Value,
        });
    }

    private async Task<IActionResult> RefuseAsync(DomainError error, CancellationToken cancellationToken, Guid? run = null)
    {
        ModelState.AddModelError("", l[error.Code, error.Args]);
        return await ShowAsync(run, null, cancellationToken);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private void CheckUrl(string field, string? value)
    {
        if (!ServiceUrl.TryParse(value, out _))
            ModelState.AddModelError($"{nameof(Input)}.{field}", l["MasterData.BadUrl"]);
    }

    private async Task<IActionResult> ShowAsync(Guid? runId, Ss12000Settings? settings, CancellationToken cancellationToken)
    {
        settings ??= await db.Ss12000Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        (Connected, HasToken, HasClientSecret) = (settings is not null, settings?.ProtectedToken is not null, settings?.ProtectedClientSecret is not null);
        var (now, staleAfter) = (Now, options.Value.StaleAfter);
        if (settings?.DailySync == true)
        {
            var last = await db.ImportRuns.Where(r => r.Source == ImportSource.Scheduled).MaxAsync(r => (DateTime?)r.StartedAt, cancellationToken);
            NextSync = last is { } at && at + options.Value.SyncAfter > now ? at + options.Value.SyncAfter : now;
        }
        Runs = (await db.ImportRuns.OrderByDescending(r => r.StartedAt).Take(50)
                .Select(r => new { r.Id, r.StartedAt, r.StartedByName, r.Source, r.Status, r.UpdatedAt, r.SummaryJson }).ToListAsync(cancellationToken))
            .Select(r => new RunRow(r.Id, r.StartedAt, r.StartedByName, r.Source, ImportRun.Shown(r.Status, r.UpdatedAt, now, staleAfter),
                ImportRunSummary.Parse(r.SummaryJson)))
            .ToList();
        if (runId is { } id)
        {
            var run = await db.ImportRuns.AsNoTracking().Where(r => r.Id == id)
                .Select(r => new { r.Id, r.Source, r.Status, r.UpdatedAt, r.ListsRead, r.RecordsRead, r.SummaryJson, r.ErrorCode, r.ErrorArgs })
                .SingleOrDefaultAsync(cancellationToken);
            if (run is null) return NotFound();
            var status = ImportRun.Shown(run.Status, run.UpdatedAt, now, staleAfter);
            var error = run.ErrorCode is not null ? new DomainError(run.ErrorCode, run.ErrorArgs.Cast<object>().ToArray())
                : status == ImportRunStatus.Failed ? new DomainError("MasterData.WorkerLost") : null;
            Run = new RunView(run.Id, run.Source, status, run.ListsRead, run.RecordsRead, ImportRunSummary.Parse(run.SummaryJson), error);
        }
        return Page();
    }
}
