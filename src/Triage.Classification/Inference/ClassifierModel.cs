using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Triage.Classifier.Bundle;
using Triage.Classifier.Data;
using Triage.Classifier.Features;
using Triage.Core.Classification;

namespace Triage.Classifier.Inference;

/// <summary>
/// A loaded bundle scored through two chained prediction engines: the text featurizer, then everything
/// downstream of it (channel and urgency features, the three heads). Two engines because ML.NET
/// recomputes a column for each consumer within a row, and every head reads the text features: one
/// engine would featurize the text several times per ticket. Engines are pooled, since a
/// PredictionEngine is not thread-safe but is too expensive to create per call; everything else is
/// immutable, so any number of threads may classify at once.
/// </summary>
public sealed class ClassifierModel : IClassifierModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _featurizer;
    private readonly ITransformer _downstream;
    private readonly DataViewSchema _inputSchema;
    private readonly SchemaDefinition _featureRowSchema;
    private readonly HeadRuntime _category;
    private readonly HeadRuntime _intent;
    private readonly HeadRuntime _urgency;
    private readonly CategoryBlend? _blend;
    private readonly ConcurrentBag<Scorer> _pool = [];

    internal ClassifierModel(MLContext ml, ITransformer featurizer, ITransformer downstream, DataViewSchema inputSchema, int textFeatureCount, ModelCard card, IReadOnlyList<HeadRuntime> heads)
    {
        _ml = ml;
        _featurizer = featurizer;
        _downstream = downstream;
        _inputSchema = inputSchema;
        _featureRowSchema = SchemaDefinition.Create(typeof(FeatureRow), SchemaDefinition.Direction.Read);
        _featureRowSchema[nameof(FeatureRow.TextFeatures)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, textFeatureCount);
        _featureRowSchema[nameof(FeatureRow.Cues)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, UrgencyCues.Count);
        Card = card;
        _category = heads.Single(h => h.Head == HeadNames.Category);
        _intent = heads.Single(h => h.Head == HeadNames.Intent);
        _urgency = heads.Single(h => h.Head == HeadNames.Urgency);
        _blend = CategoryBlend.From(card, _category.Labels, _intent.Labels);
        Description = Describe(card);
        _pool.Add(CreateScorer());
    }

    public ModelDescription Description { get; }

    public ModelCard Card { get; }

    /// <summary>The whole pipeline as one transformer, for batch scoring and the no-label-leak check.</summary>
    internal ITransformer Pipeline => new TransformerChain<ITransformer>(_featurizer, _downstream);

    internal DataViewSchema InputSchema => _inputSchema;

    public TicketClassification Classify(ClassifierInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return WithScorer(input, (features, output) =>
        {
            var category = _category.Probabilities(output.CategoryScore);
            var intent = _intent.Probabilities(output.IntentScore);
            _blend?.Apply(category, intent);
            return new TicketClassification(
                Description.Version,
                _category.Decide(category, features.TextFeatures),
                _intent.Decide(intent, features.TextFeatures),
                _urgency.Predict(output.UrgencyScore, output.UrgencyFeatures));
        });
    }

    /// <summary>
    /// The category and intent heads' calibrated probabilities before any blend, in label order, for
    /// choosing the blend on validation data.
    /// </summary>
    internal (double[] Category, double[] Intent, IReadOnlyList<string> CategoryLabels, IReadOnlyList<string> IntentLabels) HeadProbabilities(ClassifierInput input) =>
        WithScorer(input, (_, output) => (_category.Probabilities(output.CategoryScore), _intent.Probabilities(output.IntentScore), _category.Labels, _intent.Labels));

    /// <summary>
    /// Scores <paramref name="input"/> on a pooled scorer and reads the result with <paramref name="read"/>
    /// before the scorer goes back to the pool: its rows are reused by the next call.
    /// </summary>
    private T WithScorer<T>(ClassifierInput input, Func<FeatureRow, ModelOutput, T> read)
    {
        if (!_pool.TryTake(out var scorer))
        {
            scorer = CreateScorer();
        }

        try
        {
            var (features, output) = scorer.Predict(ModelInput.From(input));
            return read(features, output);
        }
        finally
        {
            _pool.Add(scorer);
        }
    }

    private static ModelDescription Describe(ModelCard card)
    {
        var heldOut = card.Evaluations.Count > 0 ? card.Evaluations[0] : null;
        var heads = HeadNames.All.Select(name =>
        {
            var head = card.Heads[name];
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["validation_macro_f1"] = head.BakeOff.FirstOrDefault(b => b.Trainer == head.Trainer)?.ValidationMacroF1 ?? 0,
                ["validation_coverage"] = head.ValidationOverallCoverage,
                ["validation_precision_at_thresholds"] = head.ValidationPrecisionAtThresholds,
                ["ece_before_calibration"] = head.ValidationEceBefore,
                ["ece_after_calibration"] = head.ValidationEceAfter,
                ["temperature"] = head.Temperature,
            };
            if (name == HeadNames.Category)
            {
                metrics["intent_weight_in_category"] = card.IntentWeightInCategory;
            }

            if (heldOut?.Heads.GetValueOrDefault(name) is { } m)
            {
                metrics["heldout_accuracy"] = m.Accuracy;
                metrics["heldout_macro_f1"] = m.MacroF1;
                metrics["heldout_coverage"] = m.Coverage;
                metrics["heldout_precision_at_thresholds"] = m.PrecisionAtThresholds;
                metrics["heldout_ece"] = m.ExpectedCalibrationError;
                foreach (var (language, lm) in m.ByLanguage)
                {
                    metrics[$"heldout_macro_f1_{language}"] = lm.MacroF1;
                }
            }

            return new HeadDescription(name, head.Labels, head.Trainer, head.Thresholds, metrics);
        }).ToList();
        return new ModelDescription(card.Version, card.CreatedAt, heads);
    }

    private Scorer CreateScorer() => new(
        _ml.Model.CreatePredictionEngine<ModelInput, TextFeaturesRow>(_featurizer, _inputSchema),
        _ml.Model.CreatePredictionEngine<FeatureRow, ModelOutput>(_downstream, ignoreMissingColumns: true, inputSchemaDefinition: _featureRowSchema));

    /// <summary>The two engines with their reusable rows; one thread at a time.</summary>
    private sealed class Scorer(PredictionEngine<ModelInput, TextFeaturesRow> featurizer, PredictionEngine<FeatureRow, ModelOutput> heads)
    {
        private TextFeaturesRow _text = new();
        private readonly FeatureRow _features = new();
        private ModelOutput _output = new();

        public (FeatureRow Features, ModelOutput Output) Predict(ModelInput input)
        {
            featurizer.Predict(input, ref _text);
            _features.TextFeatures = _text.TextFeatures;
            _features.Channel = input.Channel;
            _features.Cues = input.Cues;
            heads.Predict(_features, ref _output);
            return (_features, _output);
        }
    }
}
