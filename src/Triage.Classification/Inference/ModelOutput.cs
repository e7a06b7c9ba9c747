using Microsoft.ML.Data;

namespace Triage.Classifier.Inference;

/// <summary>What the composed pipeline returns per ticket: each head's probabilities and the feature vectors the evidence is computed from.</summary>
internal sealed class ModelOutput
{
    public float[] CategoryScore { get; set; } = [];

    public float[] IntentScore { get; set; } = [];

    public float[] UrgencyScore { get; set; } = [];

    public VBuffer<float> TextFeatures { get; set; }

    public VBuffer<float> UrgencyFeatures { get; set; }
}
