using Ensa.Data;
using Ensa.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Mail;

/// <summary>The e-mail each rights task's administrator gets, from the rights-request pages and the reminder job (a
/// one-time link, never the person's identity).</summary>
public sealed class RightsMail(EnsaDbContext db, MailComposer mail)
{
    /// <summary>Puts one e-mail per task in the outbox, with the link that answers it.</summary>
    public async Task MailTasksAsync(RightsRequest request, IEnumerable<(RightsTask Task, string Token)> tokens, DateTime now)
    {
        var names = await NamesAsync(request);
        foreach (var (task, token) in tokens.Where(t => t.Task.AdministratorEmail.Length > 0))
        {
            await mail.QueueAsync(db, new RightsTaskMail(request.Kind, names.Resources[task.ResourceId], names.Units[task.SchoolUnitId],
                request.CaseReference, request.Deadline, token), [task.AdministratorEmail], now);
        }
    }

    /// <summary>Reminds the administrators of overdue open tasks, every organizer's (the job has no tenant), at most once
    /// a week each; returns how many were reminded.</summary>
    public async Task<int> RemindOverdueAsync(DateTime now)
    {
        var today = SwedishCalendar.Today(now);
        var cases = await db.RightsRequests.IgnoreQueryFilters().Include(r => r.Tasks)
            .Where(r => r.ClosedAt == null && r.Deadline < today).ToListAsync();
        var reminded = 0;
        foreach (var request in cases)
        {
            var names = await NamesAsync(request);
            foreach (var task in request.Tasks.Where(t => t.NeedsReminder(request.Deadline, now) && t.AdministratorEmail.Length > 0))
            {
                await mail.QueueAsync(db, new RightsReminderMail(names.Resources[task.ResourceId], names.Units[task.SchoolUnitId],
                    request.CaseReference, request.Deadline), [task.AdministratorEmail], now);
                task.MarkReminded(now);
                reminded++;
            }
        }
        await db.SaveChangesAsync();
        return reminded;
    }

    private async Task<(Dictionary<Guid, string> Resources, Dictionary<Guid, string> Units)> NamesAsync(RightsRequest request)
    {
        var resourceIds = request.Tasks.Select(t => t.ResourceId).Distinct().ToList();
        var unitIds = request.Tasks.Select(t => t.SchoolUnitId).Distinct().ToList();
        return (await db.LearningResources.Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name),
            await db.OrganisationUnits.IgnoreQueryFilters().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name));
    }
}
