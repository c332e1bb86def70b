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

/// <summary>A framework agreement (ramavtal) the organizer buys under, e.g. "ATEA" or "GR Utbildning": the central
/// department keeps the list; an ended one is no longer offered for new purchases.</summary>
public sealed class FrameworkAgreement : IOrganizerOwned, IAudited
{
    public const int NameMaxLength = 200;
    public const int SupplierMaxLength = 200;
    public const int ReferenceMaxLength = 100;

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
    /// <summary>Who the agreement is with (the supplier or reseller), as the agreement names it.</summary>
    public string? Supplier { get; private set; }
    /// <summary>The agreement's number or registry reference (diarienummer).</summary>
    public string? Reference { get; private set; }
    public DateOnly? ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    /// <summary>Offered for new purchases; false once ended.</summary>
    public bool Active { get; private set; }

    public static Result Create(Guid organizerId, FrameworkAgreementTerms terms, out FrameworkAgreement? agreement)
    {
        agreement = null;
        if (Check(terms) is { Succeeded: false } refused) return refused;
        agreement = new FrameworkAgreement(organizerId, terms.Name);
        agreement.Apply(terms);
        return Result.Ok;
    }

    public Result Change(FrameworkAgreementTerms terms)
    {
        if (Check(terms) is { Succeeded: false } refused) return refused;
        Apply(terms);
        return Result.Ok;
    }

    /// <summary>Ends the agreement today (or keeps an earlier end date): purchases made under it keep naming it.</summary>
    public Result End(DateOnly today)
    {
        if (!Active) return new DomainError("FrameworkAgreements.AlreadyEnded");
        if (ValidFrom > today) return new DomainError("FrameworkAgreements.NotStarted");
        Active = false;
        if (ValidTo is null || ValidTo > today) ValidTo = today;
        return Result.Ok;
    }

    /// <summary>Only an agreement no purchase names can be removed; one that was used is ended instead.</summary>
    public static Result CheckRemove(int purchases) =>
        purchases == 0 ? Result.Ok : new DomainError("FrameworkAgreements.InUse", purchases);

    private static Result Check(FrameworkAgreementTerms terms)
    {
        if (string.IsNullOrWhiteSpace(terms.Name)) return new DomainError("FrameworkAgreements.NameRequired");
        if (terms.Name.Trim().Length > NameMaxLength || terms.Supplier?.Trim().Length > SupplierMaxLength
            || terms.Reference?.Trim().Length > ReferenceMaxLength)
            return new DomainError("FrameworkAgreements.TooLong");
        if (terms.ValidTo < terms.ValidFrom) return new DomainError("FrameworkAgreements.EndsBeforeStart");
        return Result.Ok;
    }

    private void Apply(FrameworkAgreementTerms terms) =>
        (Name, Supplier, Reference, ValidFrom, ValidTo) = (terms.Name.Trim(), Blank(terms.Supplier), Blank(terms.Reference), terms.ValidFrom, terms.ValidTo);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the central department writes about a framework agreement.</summary>
public sealed record FrameworkAgreementTerms(string Name, string? Supplier, string? Reference, DateOnly? ValidFrom, DateOnly? ValidTo);
