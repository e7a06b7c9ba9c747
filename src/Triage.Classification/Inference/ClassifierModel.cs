using System.Collections.Concurrent;
using Microsoft.ML;
using Triage.Classifier.Bundle;
using Triage.Classifier.Data;
using Triage.Classifier.Features;
using Triage.Core.Classification;

namespace Triage.Classifier.Inference;

/// <summary>
/// A loaded bundle: one composed ML.NET pipeline (featurizer, then the three heads) scored through
/// pooled prediction engines, since a PredictionEngine is not thread-safe but is expensive enough to
/// reuse. Immutable otherwise, so any number of threads may classify at once.
/// </summary>
public sealed class ClassifierModel : IClassifierModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _pipeline;
    private readonly DataViewSchema _inputSchema;
    private readonly HeadRuntime _category;
    private readonly HeadRuntime _intent;
    private readonly HeadRuntime _urgency;
    private readonly ConcurrentBag<Scorer> _pool = [];

    internal ClassifierModel(MLContext ml, ITransformer pipeline, DataViewSchema inputSchema, ModelCard card, IReadOnlyList<HeadRuntime> heads)
    {
        _ml = ml;
        _pipeline = pipeline;
        _inputSchema = inputSchema;
        Card = card;
        _category = heads.Single(h => h.Head == HeadNames.Category);
        _intent = heads.Single(h => h.Head == HeadNames.Intent);
        _urgency = heads.Single(h => h.Head == HeadNames.Urgency);
        Description = Describe(card);
        _pool.Add(new Scorer(_ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(_pipeline, _inputSchema)));
    }

    public ModelDescription Description { get; }

    public ModelCard Card { get; }

    /// <summary>The composed pipeline, for batch scoring and the no-label-leak check.</summary>
    internal ITransformer Pipeline => _pipeline;

    internal DataViewSchema InputSchema => _inputSchema;

    public TicketClassification Classify(ClassifierInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!_pool.TryTake(out var scorer))
        {
            scorer = new Scorer(_ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(_pipeline, _inputSchema));
        }

        try
        {
            var output = scorer.Predict(ModelInput.From(input));
            return new TicketClassification(
                Description.Version,
                _category.Predict(output.CategoryScore, output.TextFeatures),
                _intent.Predict(output.IntentScore, output.TextFeatures),
                _urgency.Predict(output.UrgencyScore, output.UrgencyFeatures));
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

    /// <summary>An engine with its reusable output row; one thread at a time.</summary>
    private sealed class Scorer(PredictionEngine<ModelInput, ModelOutput> engine)
    {
        private ModelOutput _output = new();

        public ModelOutput Predict(ModelInput input)
        {
            engine.Predict(input, ref _output);
            return _output;
        }
    }
}
