using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Triage.Classifier.Bundle;
using Triage.Classifier.Data;
using Triage.Classifier.Evaluation;
using Triage.Classifier.Features;
using Triage.Classifier.Inference;

namespace Triage.Classifier.Training;

/// <summary>
/// Trains a whole bundle: splits validation off the training rows, fits the shared featurizer on the
/// training part only, runs each head's bake-off, composes the servable model and scores it on every
/// evaluation set (the held-out split first). Everything is seeded; the same data and options give the
/// same predictions.
/// </summary>
public sealed class BundleTrainer(TrainingOptions options, TextWriter log)
{
    public Task<TrainedBundle> TrainAsync(LoadedData data, IReadOnlyList<(string Name, IReadOnlyList<TrainingExample> Rows)> evaluations, CancellationToken ct) =>
        Task.Run(() => Train(data, evaluations, ct), ct);

    public static Task WriteAsync(TrainedBundle bundle, string path, CancellationToken ct) =>
        BundleWriter.WriteAsync(ModelBundleLoader.CreateContext(bundle.Card.Seed), bundle.Parts, bundle.Card, path, ct);

    private TrainedBundle Train(LoadedData data, IReadOnlyList<(string Name, IReadOnlyList<TrainingExample> Rows)> evaluations, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var ml = ModelBundleLoader.CreateContext(options.Seed);
        var (train, validation) = ValidationSplit.Split(data.Examples, options.ValidationFraction, options.Seed);
        log.WriteLine($"{data.Examples.Count} training rows: {train.Count} train, {validation.Count} validation; {data.HeldOut.Count} held out.");

        var raw = ml.Data.LoadFromEnumerable(train.Select(e => ModelInput.From(e.Input)).ToList());
        var (textFeatures, assembly) = FeaturePipeline.Fit(ml, options.Featurizer, raw);
        var features = new Microsoft.ML.Data.TransformerChain<ITransformer>(textFeatures, assembly);
        var featureCount = ((Microsoft.ML.Data.VectorDataViewType)textFeatures.GetOutputSchema(raw.Schema)[FeatureColumns.TextFeatures].Type).Size;
        log.WriteLine($"featurizer: {featureCount} text features ({watch.Elapsed.TotalSeconds:F1} s)");

        var bakeOff = new HeadBakeOff(ml, options, log);
        var heads = new Dictionary<string, ITransformer>(StringComparer.Ordinal);
        var evidence = new Dictionary<string, ITransformer>(StringComparer.Ordinal);
        var headCards = new Dictionary<string, HeadCard>(StringComparer.Ordinal);
        foreach (var head in HeadNames.All)
        {
            ct.ThrowIfCancellationRequested();
            // Urgency may lean on what the ticket is about: its stacked candidate sees the category and intent scores.
            var context = head == HeadNames.Urgency ? heads : null;
            var set = HeadTrainingSet.Build(ml, head, features, train, validation, context)
                ?? throw new TrainingDataException($"no training row has a '{head}' label: every bundle predicts {string.Join(", ", HeadNames.All)}");
            var result = bakeOff.Run(set, ct);
            heads[head] = result.Model;
            evidence[head] = result.Evidence;
            headCards[head] = result.Card;
        }

        var parts = new ModelParts(raw.Schema, textFeatures, assembly, heads, evidence);
        var createdAt = DateTimeOffset.UtcNow;
        var draft = new ModelCard
        {
            Version = Version(createdAt, data),
            CreatedAt = createdAt,
            Seed = options.Seed,
            TargetPrecision = options.TargetPrecision,
            ValidationFraction = options.ValidationFraction,
            SelectionMargin = options.SelectionMargin,
            Featurizer = options.Featurizer,
            DataSources = data.Sources,
            Heads = headCards,
            Notes = options.Notes,
        };
        var blend = CategoryBlendSelection.Choose(parts.Compose(ml, draft), draft, train, validation, options.TargetPrecision, ct);
        log.WriteLine($"  category blended with intent: weight {blend.Weight} (validation macro-F1 by weight: {string.Join(", ", blend.Tried.Select(t => $"{t.Weight} -> {t.MacroF1:F3}"))}); at thresholds: coverage {blend.CategoryCard.ValidationOverallCoverage:P1}, precision {blend.CategoryCard.ValidationPrecisionAtThresholds:P1}");
        draft = draft with
        {
            Heads = new Dictionary<string, HeadCard>(headCards, StringComparer.Ordinal) { [HeadNames.Category] = blend.CategoryCard },
            IntentWeightInCategory = blend.Weight,
            IntentCategories = blend.IntentCategories,
        };
        var model = parts.Compose(ml, draft);
        var evaluated = evaluations.Where(e => e.Rows.Count > 0)
            .Select(e => new EvaluationCard(e.Name, e.Rows.Count, ModelEvaluator.Evaluate(model, e.Rows, ct)))
            .ToList();
        var card = draft with { Evaluations = evaluated, TrainingSeconds = Math.Round(watch.Elapsed.TotalSeconds, 1) };
        return new TrainedBundle(parts, parts.Compose(ml, card));
    }

    private string Version(DateTimeOffset createdAt, LoadedData data)
    {
        var identity = string.Join("|", data.Sources.Select(s => s.Sha256)) + $"|{options.Seed}|{options.Featurizer}|{string.Join(",", options.Trainers)}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..8];
        return $"{createdAt:yyyyMMdd-HHmmss}-{hash}";
    }
}
