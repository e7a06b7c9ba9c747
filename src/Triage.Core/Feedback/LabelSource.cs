namespace Triage.Core.Feedback;

/// <summary>Where an exported ticket's labels come from.</summary>
public enum LabelSource
{
    /// <summary>A representative corrected at least one head; heads left uncorrected keep the prediction they saw.</summary>
    Corrected,

    /// <summary>The prediction, confirmed by the representative accepting the draft unchanged.</summary>
    AcceptedPrediction,
}
