using Triage.Core.Classification;

namespace Triage.Classifier.Data;

/// <summary>
/// One labeled row ready for training or evaluation: what the classifier would see of it, where it came
/// from (so every error and every suspect names its file and line), and whichever labels it has. A null
/// label means the source has none for that head (Bitext has no urgency), not "unknown".
/// </summary>
public sealed record TrainingExample(
    string Id,
    string Source,
    string File,
    int Line,
    ClassifierInput Input,
    string Language,
    string? Category,
    string? Intent,
    string? Urgency)
{
    /// <summary>The --data argument the row came from (a training-data directory or one export): rows of one origin share a style.</summary>
    public string Origin { get; init; } = File;

    /// <summary>How much the row counts in training, from its source's <see cref="DataSpec.Weight"/>.</summary>
    public float Weight { get; init; } = 1f;

    public string? LabelFor(string head) => head switch
    {
        HeadNames.Category => Category,
        HeadNames.Intent => Intent,
        HeadNames.Urgency => Urgency,
        _ => throw new ArgumentOutOfRangeException(nameof(head), head, "unknown head"),
    };

    public string Location => $"{File}:{Line}";
}
