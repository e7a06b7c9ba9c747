using Microsoft.ML;
using Triage.Classifier.Bundle;
using Triage.Classifier.Data;
using Triage.Classifier.Features;

namespace Triage.Classifier.Inference;

/// <summary>
/// The fitted pieces of a bundle, in memory: the featurizer, each head's chosen model (ending in its
/// renamed score column) and each head's linear evidence model. <see cref="Compose"/> turns them into a
/// servable <see cref="ClassifierModel"/>; the bundle writer saves them and the loader reads them back.
/// </summary>
internal sealed record ModelParts(
    DataViewSchema InputSchema,
    ITransformer Features,
    ITransformer Assembly,
    IReadOnlyDictionary<string, ITransformer> Heads,
    IReadOnlyDictionary<string, ITransformer> Evidence)
{
    public ClassifierModel Compose(MLContext ml, ModelCard card)
    {
        var downstream = new Microsoft.ML.Data.TransformerChain<ITransformer>(
            [Assembly, .. HeadNames.All.Select(h => Heads.TryGetValue(h, out var t) ? t : throw new InvalidDataException($"the bundle has no '{h}' head"))]);
        var textSchema = Features.GetOutputSchema(InputSchema);
        var output = downstream.GetOutputSchema(textSchema);
        var featurized = Assembly.GetOutputSchema(textSchema);
        var runtimes = new List<HeadRuntime>();
        foreach (var head in HeadNames.All)
        {
            var scoreColumn = output.GetColumnOrNull(FeatureColumns.ScoreOf(head)) ?? throw new InvalidDataException($"the '{head}' model leaves no {FeatureColumns.ScoreOf(head)} column");
            var labels = Training.ScoreColumn.SlotNames(scoreColumn);
            var headCard = card.Heads.GetValueOrDefault(head) ?? throw new InvalidDataException($"the model card describes no '{head}' head");
            if (!labels.SequenceEqual(headCard.Labels, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"the '{head}' model's labels ({string.Join(", ", labels)}) differ from its model card's ({string.Join(", ", headCard.Labels)})");
            }

            var features = featurized.GetColumnOrNull(FeatureColumns.FeaturesOf(head)) ?? throw new InvalidDataException($"the featurizer leaves no {FeatureColumns.FeaturesOf(head)} column");
            var evidence = LinearEvidence.Create(Evidence.GetValueOrDefault(head) ?? Heads[head], features);
            runtimes.Add(new HeadRuntime(head, labels, headCard.Temperature, headCard.Thresholds, evidence));
        }

        var textColumn = textSchema.GetColumnOrNull(FeatureColumns.TextFeatures) ?? throw new InvalidDataException($"the featurizer leaves no {FeatureColumns.TextFeatures} column");
        return new ClassifierModel(ml, Features, downstream, InputSchema, ((Microsoft.ML.Data.VectorDataViewType)textColumn.Type).Size, card, runtimes);
    }
}
