using Triage.Classifier.Data;
using Triage.Classifier.Evaluation;
using Triage.Classifier.Features;

namespace Triage.Classifier.Bundle;

/// <summary>
/// Everything known about a bundle, stored inside it as model-card.json: what it learned from (files,
/// row counts, SHA-256 hashes), how (featurizer, trainers, hyper-parameters, seed), what it chose and
/// why (the bake-off), how its probabilities were calibrated, its thresholds, and how it did on data it
/// never saw. Labels are those read from the models' score slot names.
/// </summary>
public sealed record ModelCard
{
    public const string CurrentFormat = "triage-bundle/2";

    public string Format { get; init; } = CurrentFormat;

    public required string Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int Seed { get; init; }

    public double TargetPrecision { get; init; }

    public double ValidationFraction { get; init; }

    /// <summary>Validation macro-F1 within which the cheaper candidate is chosen over the best one.</summary>
    public double SelectionMargin { get; init; }

    public double TrainingSeconds { get; init; }

    public string FeaturesFile { get; init; } = BundleLayout.FeaturesFile;

    /// <summary>Channel one-hot and the urgency feature vector, applied to the text featurizer's output.</summary>
    public string AssemblyFile { get; init; } = BundleLayout.AssemblyFile;

    public required FeaturizerSettings Featurizer { get; init; }

    public IReadOnlyList<DataSourceSummary> DataSources { get; init; } = [];

    public required IReadOnlyDictionary<string, HeadCard> Heads { get; init; }

    /// <summary>
    /// How much the intent head's probabilities, summed per category, count in the category head's (0: not
    /// at all). Chosen on the validation split; see <see cref="Inference.CategoryBlend"/>.
    /// </summary>
    public double IntentWeightInCategory { get; init; }

    /// <summary>The category each intent belongs to, as the training rows have them (the blend's mapping).</summary>
    public IReadOnlyDictionary<string, string> IntentCategories { get; init; } = new Dictionary<string, string>();

    /// <summary>Scores on data never trained on: the held-out split first, then any extra evaluation files.</summary>
    public IReadOnlyList<EvaluationCard> Evaluations { get; init; } = [];

    public string Notes { get; init; } = "";
}

public sealed record HeadCard
{
    public required IReadOnlyList<string> Labels { get; init; }

    public required string Trainer { get; init; }

    public required string ModelFile { get; init; }

    /// <summary>The linear model whose weights explain predictions (the SDCA candidate, whichever trainer won).</summary>
    public required string EvidenceFile { get; init; }

    public int TrainRows { get; init; }

    public int ValidationRows { get; init; }

    public IReadOnlyList<CandidateResult> BakeOff { get; init; } = [];

    public double Temperature { get; init; } = 1.0;

    public double ValidationEceBefore { get; init; }

    public double ValidationEceAfter { get; init; }

    public required IReadOnlyDictionary<string, double> Thresholds { get; init; }

    public IReadOnlyDictionary<string, double> ValidationCoverage { get; init; } = new Dictionary<string, double>();

    public double ValidationOverallCoverage { get; init; }

    public double ValidationPrecisionAtThresholds { get; init; }
}

/// <summary>One trainer's result on the validation split.</summary>
public sealed record CandidateResult(
    string Trainer,
    double ValidationMacroF1,
    double ValidationAccuracy,
    double ValidationEce,
    double TrainSeconds,
    IReadOnlyDictionary<string, string> HyperParameters);

public sealed record EvaluationCard(string Name, int Rows, IReadOnlyDictionary<string, HeadMetrics> Heads);
