using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Triage.Classifier.Features;

namespace Triage.Classifier.Training;

/// <summary>
/// Gradient-boosted trees on the same n-gram features, narrowed first to the slots that tell the head's
/// labels apart best (mutual information): on all 200k sparse slots LightGBM takes minutes per head,
/// and trees could not split on the rare n-grams usefully anyway.
/// </summary>
internal sealed class LightGbmHeadTrainer(int seed, int iterations = 50, int leaves = 12, double learningRate = 0.2, int slots = 1500) : IHeadTrainer
{
    public string Name => TrainerKind.LightGbm;

    public IReadOnlyDictionary<string, string> HyperParameters => new Dictionary<string, string>
    {
        ["iterations"] = iterations.ToString(CultureInfo.InvariantCulture),
        ["leaves"] = leaves.ToString(CultureInfo.InvariantCulture),
        ["learningRate"] = learningRate.ToString(CultureInfo.InvariantCulture),
        ["minExamplesPerLeaf"] = "8",
        ["selectedSlots"] = slots.ToString(CultureInfo.InvariantCulture),
    };

    public ITransformer Fit(MLContext ml, HeadTrainingSet set, ITransformer? linear, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        const string selected = "SelectedFeatures";
        var estimator = ml.Transforms.FeatureSelection.SelectFeaturesBasedOnMutualInformation(selected, FeatureColumns.FeaturesOf(set.Head), FeatureColumns.LabelKey, slots)
            .Append(ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = FeatureColumns.LabelKey,
                FeatureColumnName = selected,
                ExampleWeightColumnName = FeatureColumns.Weight,
                NumberOfIterations = iterations,
                NumberOfLeaves = leaves,
                LearningRate = learningRate,
                MinimumExampleCountPerLeaf = 8,
                UseSoftmax = true,
                Seed = seed,
                NumberOfThreads = Math.Max(1, Environment.ProcessorCount),
                Silent = true,
            }));
        return estimator.Fit(set.HeadTrain);
    }
}
