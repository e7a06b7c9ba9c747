namespace Triage.Core.Classification;

/// <summary>A label with its calibrated probability.</summary>
public sealed record LabelProbability(string Label, double Probability);

/// <summary>A term that pushed a prediction towards its label, with its contribution.</summary>
public sealed record EvidenceTerm(string Term, double Weight);

/// <summary>
/// One head's answer. <see cref="Label"/> is always the most probable label; <see cref="Abstained"/>
/// says its confidence fell below the label's threshold, so a person should triage.
/// </summary>
public sealed record HeadPrediction(
    string Head,
    string Label,
    double Confidence,
    double Threshold,
    bool Abstained,
    IReadOnlyList<LabelProbability> Top,
    IReadOnlyList<EvidenceTerm> Evidence);
