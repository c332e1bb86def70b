using Ensa.Jobs;

namespace Ensa.Web.Jobs;

/// <summary>Runs the overdue rights-task reminders (<see cref="RightsMail.RemindOverdueAsync"/>) every hour under a
/// database lease, so with several nodes only one sends.</summary>
public sealed class RightsReminderJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<RightsReminderJob> logger) : LeasedJob<int>(scopes, clock, logger)
{
    public const string LeaseName = "rights-reminders";

    public override string Name => LeaseName;
    protected override TimeSpan Interval => configuration.GetValue("Privacy:ReminderInterval", TimeSpan.FromHours(1));
    protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(10);

    protected override Task<int> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RightsMail>().RemindOverdueAsync(Clock.GetUtcNow().UtcDateTime);
}
