using Triage.Classifier.Calibration;

namespace Triage.Classifier.Evaluation;

/// <summary>Computes <see cref="HeadMetrics"/> from scored predictions. Macro-F1 averages over every label that is true or predicted at least once.</summary>
public static class MetricsCalculator
{
    public static HeadMetrics Compute(IReadOnlyList<ScoredPrediction> predictions)
    {
        var labels = predictions.SelectMany(p => new[] { p.Truth, p.Predicted }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        foreach (var p in predictions)
        {
            confusion[index[p.Truth]][index[p.Predicted]]++;
        }

        var perClass = labels.Select((label, i) =>
        {
            var tp = confusion[i][i];
            var support = confusion[i].Sum();
            var predicted = confusion.Sum(row => row[i]);
            var precision = predicted == 0 ? 0 : tp / (double)predicted;
            var recall = support == 0 ? 0 : tp / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassMetrics(label, Round(precision), Round(recall), Round(f1), support, predicted);
        }).ToList();

        var calibration = predictions.Select(p => (p.Confidence, p.Correct)).ToList();
        var byLanguage = predictions.GroupBy(p => p.Language).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Summary(g.ToList()), StringComparer.Ordinal);
        var summary = Summary(predictions);
        return new HeadMetrics(predictions.Count, summary.Accuracy, summary.MacroF1, perClass, labels, confusion,
            Round(CalibrationError.Expected(calibration)), CalibrationError.Reliability(calibration),
            summary.Coverage, summary.PrecisionAtThresholds, byLanguage);
    }

    public static double MacroF1(IReadOnlyList<ScoredPrediction> predictions) => Summary(predictions).MacroF1;

    private static LanguageMetrics Summary(IReadOnlyList<ScoredPrediction> predictions)
    {
        if (predictions.Count == 0)
        {
            return new LanguageMetrics(0, 0, 0, 0, 0);
        }

        var labels = predictions.SelectMany(p => new[] { p.Truth, p.Predicted }).Distinct().ToList();
        var f1s = labels.Select(label =>
        {
            var tp = predictions.Count(p => p.Truth == label && p.Predicted == label);
            var predicted = predictions.Count(p => p.Predicted == label);
            var support = predictions.Count(p => p.Truth == label);
            var precision = predicted == 0 ? 0 : tp / (double)predicted;
            var recall = support == 0 ? 0 : tp / (double)support;
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        });
        var accepted = predictions.Where(p => !p.Abstained).ToList();
        return new LanguageMetrics(
            predictions.Count,
            Round(predictions.Count(p => p.Correct) / (double)predictions.Count),
            Round(f1s.Average()),
            Round(accepted.Count / (double)predictions.Count),
            accepted.Count == 0 ? 0 : Round(accepted.Count(p => p.Correct) / (double)accepted.Count));
    }

    private static double Round(double value) => Math.Round(value, 4);
}
