using Microsoft.ML;
using Triage.Classifier.Bundle;
using Triage.Classifier.Data;
using Triage.Classifier.Features;

namespace Triage.Classifier.Training;

/// <summary>A training row whose label a cross-validated model confidently disputes.</summary>
public sealed record Suspect(string Head, TrainingExample Example, string Label, string Predicted, double Confidence, double LabelProbability);

/// <summary>
/// Label-noise detection before retraining: every labeled row is scored by a linear model trained on the
/// other folds (so no row is judged by a model that saw it), and rows whose label the model rejects with
/// high confidence are listed, most confident first, for a person to check. A suspect is not
/// necessarily wrong: hard tickets with two topics show up too, which is worth knowing as well.
/// </summary>
public sealed class LabelSuspects(TrainingOptions options, TextWriter log)
{
    public Task<IReadOnlyList<Suspect>> FindAsync(IReadOnlyList<TrainingExample> examples, int folds, double minConfidence, CancellationToken ct) =>
        Task.Run(() => Find(examples, folds, minConfidence, ct), ct);

    private IReadOnlyList<Suspect> Find(IReadOnlyList<TrainingExample> examples, int folds, double minConfidence, CancellationToken ct)
    {
        var ml = ModelBundleLoader.CreateContext(options.Seed);
        var features = FeaturePipeline.Create(ml, options.Featurizer).Fit(ml.Data.LoadFromEnumerable(examples.Select(e => ModelInput.From(e.Input)).ToList()));
        // Cross-validation multiplies the training cost by the number of folds: a quicker linear model
        // suffices to flag labels, it is not the model that ships.
        var trainer = new SdcaHeadTrainer(l2: 1e-5f, iterations: 20);
        var suspects = new List<Suspect>();
        foreach (var head in HeadNames.All)
        {
            var set = HeadTrainingSet.Build(ml, head, features, examples, []);
            if (set is null)
            {
                continue;
            }

            var foldsOfRows = ValidationSplit.Folds(set.TrainRows.Select(r => r.Example.Id).ToList(), set.TrainRows.Select(r => r.Label).ToList(), folds, options.Seed);
            var foldOf = new int[set.TrainRows.Count];
            for (var f = 0; f < foldsOfRows.Count; f++)
            {
                foreach (var row in foldsOfRows[f])
                {
                    foldOf[row] = f;
                }
            }

            for (var f = 0; f < foldsOfRows.Count; f++)
            {
                ct.ThrowIfCancellationRequested();
                var fold = f;
                var train = ml.Data.FilterByCustomPredicate<RowIndex>(set.Train, r => foldOf[(int)r.Row] == fold);
                var test = ml.Data.FilterByCustomPredicate<RowIndex>(set.Train, r => foldOf[(int)r.Row] != fold);
                var scored = trainer.CreateEstimator(ml, head).Fit(train).Transform(test);
                var scores = ScoreColumn.Read(scored, FeatureColumns.Score);
                var rows = ScoreColumn.ReadScalar(scored, FeatureColumns.Row);
                for (var i = 0; i < rows.Length; i++)
                {
                    var (example, label) = set.TrainRows[(int)rows[i]];
                    var best = Array.IndexOf(scores[i], scores[i].Max());
                    var labelIndex = set.TrainLabels[(int)rows[i]];
                    if (set.Labels[best] != label && scores[i][best] >= minConfidence)
                    {
                        suspects.Add(new Suspect(head, example, label, set.Labels[best], Math.Round(scores[i][best], 4), Math.Round(scores[i][labelIndex], 4)));
                    }
                }
            }

            log.WriteLine($"  {head}: {suspects.Count(s => s.Head == head)} of {set.TrainRows.Count} rows confidently disputed ({folds}-fold)");
        }

        return suspects.OrderByDescending(s => s.Confidence).ThenBy(s => s.Example.Id, StringComparer.Ordinal).ToList();
    }

    private sealed class RowIndex
    {
        public float Row { get; set; }
    }
}
