namespace Ensa.Jobs;

/// <summary>A named lease in the database: the node whose name is in <see cref="Holder"/> runs the job until
/// <see cref="ExpiresAt"/>.</summary>
public sealed class JobLease
{
    private JobLease() { }

    public JobLease(string name)
    {
        Name = name;
        ExpiresAt = DateTime.UnixEpoch;
    }

    public string Name { get; private set; } = "";
    public string? Holder { get; private set; }
    public DateTime ExpiresAt { get; private set; }
}
