using Ensa.Requests;

namespace Ensa.Register;

/// <summary>Whether a data processing agreement covers an organizer's use of a resource: one in force in Ensa, one the
/// review recorded as signed elsewhere, none needed, or missing.</summary>
public enum AgreementCoverage { NotNeeded, InForce, Missing }

public static class Coverage
{
    public static AgreementCoverage Of(AgreementNeed need, bool agreementInForce) => agreementInForce
        ? AgreementCoverage.InForce
        : need switch
        {
            AgreementNeed.NotNeeded => AgreementCoverage.NotNeeded,
            AgreementNeed.AlreadySigned => AgreementCoverage.InForce,
            _ => AgreementCoverage.Missing,
        };
}
