using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Triage.Classifier.Features;

namespace Triage.Classifier.Training;

/// <summary>
/// Multinomial logistic regression by SDCA on the sparse n-grams: fast, well-behaved probabilities, and
/// weights per n-gram that double as the evidence shown to representatives. One thread, so the same
/// seed always gives the same weights.
/// </summary>
internal sealed class SdcaHeadTrainer(float l2 = 1e-6f, int iterations = 60) : IHeadTrainer
{
    public string Name => TrainerKind.Sdca;

    public IReadOnlyDictionary<string, string> HyperParameters => new Dictionary<string, string>
    {
        ["l2"] = l2.ToString("G", CultureInfo.InvariantCulture),
        ["maxIterations"] = iterations.ToString(CultureInfo.InvariantCulture),
        ["threads"] = "1",
        ["classWeights"] = "sqrt inverse frequency",
    };

    public ITransformer Fit(MLContext ml, HeadTrainingSet set, ITransformer? linear, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return CreateEstimator(ml, set.Head).Fit(set.HeadTrain);
    }

    public IEstimator<ITransformer> CreateEstimator(MLContext ml, string head) =>
        ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = FeatureColumns.LabelKey,
            FeatureColumnName = FeatureColumns.FeaturesOf(head),
            ExampleWeightColumnName = FeatureColumns.Weight,
            L2Regularization = l2,
            MaximumNumberOfIterations = iterations,
            NumberOfThreads = 1,
            Shuffle = true,
        });
}
