using Triage.Classifier.Bundle;
using Triage.Classifier.Inference;

namespace Triage.Classifier.Training;

/// <summary>A freshly trained bundle, in memory: servable as it is, and writable with <see cref="BundleTrainer.WriteAsync"/>.</summary>
public sealed class TrainedBundle
{
    internal TrainedBundle(ModelParts parts, ClassifierModel model)
    {
        Parts = parts;
        Model = model;
    }

    internal ModelParts Parts { get; }

    public ClassifierModel Model { get; }

    public ModelCard Card => Model.Card;
}
