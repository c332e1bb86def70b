using Ensa.Common;

namespace Ensa.Requests;

/// <summary>A resource in use at a school unit: counts as in use only when the unit has named its
/// registeransvarig and local system administrator and confirmed that staff and pupils are trained.</summary>
public sealed class ResourceUse : IOrganizerOwned, IAudited
{
    public const int AdministratorNameMaxLength = 200;
    public const int AdministratorEmailMaxLength = 320;
    public const int EndNoteMaxLength = 1000;

    private ResourceUse() { }

    internal ResourceUse(ResourceRequest request)
    {
        Id = Guid.NewGuid();
        OrganizerId = request.OrganizerId;
        RequestId = request.Id;
        SchoolUnitId = request.SchoolUnitId;
        ResourceId = request.ResourceId ?? throw new InvalidOperationException("An approved request has a resource.");
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid SchoolUnitId { get; private set; }
    public Guid ResourceId { get; private set; }
    public Guid? RegisteransvarigUserId { get; private set; }
    public string? AdministratorName { get; private set; }
    public string? AdministratorEmail { get; private set; }
    public DateTime? TrainingConfirmedAt { get; private set; }
    public DateTime? InUseSince { get; private set; }
    /// <summary>The last day of use at the unit, once it has ended.</summary>
    public DateOnly? EndedOn { get; private set; }
    /// <summary>Whether the supplier confirmed that the unit's data was removed (GDPR: nothing kept without purpose).</summary>
    public bool? SupplierDataRemoved { get; private set; }
    public string? EndNote { get; private set; }

    public bool IsComplete => RegisteransvarigUserId is not null && AdministratorName is not null && TrainingConfirmedAt is not null;

    internal void Name(Guid registeransvarigUserId, string administratorName, string administratorEmail)
    {
        RegisteransvarigUserId = registeransvarigUserId;
        AdministratorName = administratorName;
        AdministratorEmail = administratorEmail;
    }

    internal void ConfirmTraining(DateTime now) => TrainingConfirmedAt = now;

    internal void StartUse(DateTime now) => InUseSince ??= now;

    internal void End(DateOnly endedOn, bool supplierDataRemoved, string? note)
    {
        EndedOn = endedOn;
        SupplierDataRemoved = supplierDataRemoved;
        EndNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
