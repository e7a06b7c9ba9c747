namespace Triage.Classifier.Bundle;

/// <summary>Why a new bundle was or was not promoted: per evaluation set and head, its macro-F1 next to the serving bundle's.</summary>
public sealed record PromotionDecision(bool Promote, string Reason, IReadOnlyList<HeadComparison> Comparisons);

public sealed record HeadComparison(string Evaluation, string Head, double Candidate, double? Active)
{
    public double? Change => Active is null ? null : Math.Round(Candidate - Active.Value, 4);
}
