namespace Triage.Core.Feedback;

/// <summary>One head's answer as logged: the label shown to the representative, how sure the model was,
/// and whether it abstained (asked a person to triage).</summary>
public sealed record PredictedLabel(string Label, double Confidence, bool Abstained);
