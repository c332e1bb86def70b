using Ensa.Requests;

namespace Ensa.Register;

/// <summary>Whether a data processing agreement covers an organizer's use of a resource.</summary>
public enum AgreementCoverage { NotNeeded, InForce, Missing }

public static class Coverage
{
    /// <summary>An agreement kept in Ensa decides (in force, or not: terminated, expired, still being made); without one,
    /// the review's answer does (not needed, already signed elsewhere, needed).</summary>
    public static AgreementCoverage Of(AgreementNeed need, bool? agreementInForce) => agreementInForce is { } inForce
        ? inForce ? AgreementCoverage.InForce : AgreementCoverage.Missing
        : need switch
        {
            AgreementNeed.NotNeeded => AgreementCoverage.NotNeeded,
            AgreementNeed.AlreadySigned => AgreementCoverage.InForce,
            _ => AgreementCoverage.Missing,
        };
}
