using Ensa.Common;

namespace Ensa.Requests;

public enum ProcurementKind { FrameworkAgreement, DirectProcurement, FreeService }

/// <summary>How an approved resource was acquired (step 3). A service agreement is recorded for free services too.</summary>
public sealed class Purchase : IOrganizerOwned, IAudited
{
    public const int ReferenceMaxLength = 200;

    private Purchase() { }

    public Purchase(ProcurementKind kind, Guid? frameworkAgreementId, int? licences, DateOnly? periodStart, DateOnly? periodEnd,
        decimal? cost, string? orderReference, string? serviceAgreementReference)
    {
        if (kind == ProcurementKind.FrameworkAgreement && frameworkAgreementId is null)
            throw new ArgumentException("A purchase under a framework agreement names it.", nameof(frameworkAgreementId));
        if (periodStart > periodEnd) throw new ArgumentException("The period ends before it starts.", nameof(periodEnd));
        Id = Guid.NewGuid();
        Kind = kind;
        FrameworkAgreementId = kind == ProcurementKind.FrameworkAgreement ? frameworkAgreementId : null;
        Licences = licences;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Cost = cost;
        OrderReference = orderReference;
        ServiceAgreementReference = serviceAgreementReference;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid RequestId { get; private set; }
    public ProcurementKind Kind { get; private set; }
    public Guid? FrameworkAgreementId { get; private set; }
    public int? Licences { get; private set; }
    public DateOnly? PeriodStart { get; private set; }
    public DateOnly? PeriodEnd { get; private set; }
    public decimal? Cost { get; private set; }
    public string? OrderReference { get; private set; }
    public string? ServiceAgreementReference { get; private set; }

    internal Purchase For(ResourceRequest request)
    {
        OrganizerId = request.OrganizerId;
        RequestId = request.Id;
        return this;
    }

    internal void CopyFrom(Purchase other)
    {
        (Kind, FrameworkAgreementId, Licences, PeriodStart, PeriodEnd, Cost, OrderReference, ServiceAgreementReference) =
            (other.Kind, other.FrameworkAgreementId, other.Licences, other.PeriodStart, other.PeriodEnd, other.Cost,
                other.OrderReference, other.ServiceAgreementReference);
    }
}

/// <summary>A framework agreement (ramavtal) the organizer buys under, e.g. "ATEA" or "GR Utbildning".</summary>
public sealed class FrameworkAgreement : IOrganizerOwned, IAudited
{
    private FrameworkAgreement() { }

    public FrameworkAgreement(Guid organizerId, string name)
    {
        Id = Guid.NewGuid();
        OrganizerId = organizerId;
        Name = name.Trim();
        Active = true;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public string Name { get; private set; } = "";
    public bool Active { get; set; }
}
