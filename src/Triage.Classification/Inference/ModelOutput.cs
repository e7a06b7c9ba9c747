using Microsoft.ML.Data;

namespace Triage.Classifier.Inference;

/// <summary>The text featurizer's output, handed to the heads' engine.</summary>
internal sealed class TextFeaturesRow
{
    public VBuffer<float> TextFeatures { get; set; }
}

/// <summary>What the heads' engine reads: the text features and the raw fields the assembly turns into channel and urgency features.</summary>
internal sealed class FeatureRow
{
    public VBuffer<float> TextFeatures { get; set; }

    public string Channel { get; set; } = "";

    public float[] Cues { get; set; } = [];
}

/// <summary>What the heads' engine returns per ticket: each head's probabilities and the urgency feature vector its evidence is computed from.</summary>
internal sealed class ModelOutput
{
    public float[] CategoryScore { get; set; } = [];

    public float[] IntentScore { get; set; } = [];

    public float[] UrgencyScore { get; set; } = [];

    public VBuffer<float> UrgencyFeatures { get; set; }
}
