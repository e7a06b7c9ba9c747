using Microsoft.ML;

namespace Triage.Classifier.Training;

/// <summary>
/// One candidate of the bake-off for a head. <see cref="Fit"/> returns transformers that read the
/// featurized columns and leave a "Score" column of class probabilities in the head's key order.
/// </summary>
internal interface IHeadTrainer
{
    string Name { get; }

    IReadOnlyDictionary<string, string> HyperParameters { get; }

    /// <param name="linear">The head's fitted linear model (the SDCA candidate), which a stacked trainer builds on.</param>
    ITransformer Fit(MLContext ml, HeadTrainingSet set, ITransformer? linear, CancellationToken ct);
}
