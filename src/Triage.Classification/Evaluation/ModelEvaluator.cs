using Triage.Classifier.Data;
using Triage.Core.Classification;

namespace Triage.Classifier.Evaluation;

/// <summary>Scores a model on labeled rows, through the same <see cref="IClassifierModel.Classify"/> the service calls, and computes each head's metrics on the rows labeled for it.</summary>
public static class ModelEvaluator
{
    public static IReadOnlyDictionary<string, HeadMetrics> Evaluate(IClassifierModel model, IReadOnlyList<TrainingExample> rows, CancellationToken ct = default) =>
        Predict(model, rows, ct).ToDictionary(p => p.Key, p => MetricsCalculator.Compute(p.Value), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, IReadOnlyList<ScoredPrediction>> Predict(IClassifierModel model, IReadOnlyList<TrainingExample> rows, CancellationToken ct = default)
    {
        var byHead = HeadNames.All.ToDictionary(h => h, _ => new List<ScoredPrediction>(), StringComparer.Ordinal);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var result = model.Classify(row.Input);
            foreach (var (head, prediction) in new[] { (HeadNames.Category, result.Category), (HeadNames.Intent, result.Intent), (HeadNames.Urgency, result.Urgency) })
            {
                if (row.LabelFor(head) is { } truth)
                {
                    byHead[head].Add(new ScoredPrediction(truth, prediction.Label, prediction.Confidence, prediction.Abstained, row.Language));
                }
            }
        }

        return byHead.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => (IReadOnlyList<ScoredPrediction>)p.Value, StringComparer.Ordinal);
    }
}
