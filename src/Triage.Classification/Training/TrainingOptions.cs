using Triage.Classifier.Features;

namespace Triage.Classifier.Training;

/// <summary>How <c>triage train</c> trains a bundle; everything here is recorded in the model card.</summary>
public sealed record TrainingOptions
{
    public const int DefaultSeed = 20261129;

    public int Seed { get; init; } = DefaultSeed;

    public double TargetPrecision { get; init; } = 0.90;

    public double ValidationFraction { get; init; } = 0.2;

    public FeaturizerSettings Featurizer { get; init; } = new();

    /// <summary>The bake-off's candidates, by <see cref="TrainerKind"/> name; the linear one is always trained (it explains predictions).</summary>
    public IReadOnlyList<string> Trainers { get; init; } = TrainerKind.All;

    /// <summary>Validation macro-F1 within which a cheaper (earlier listed) candidate beats the best one.</summary>
    public double SelectionMargin { get; init; } = 0.005;

    public string Notes { get; init; } = "";
}
