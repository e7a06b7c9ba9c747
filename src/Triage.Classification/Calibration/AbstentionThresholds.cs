namespace Triage.Classifier.Calibration;

/// <summary>
/// Per-class confidence thresholds chosen on validation data (ServiceNow-style): for each label, the
/// lowest threshold at which the predictions of that label that pass it reach the target precision,
/// which gives the most coverage the target allows. Precision is estimated by its Wilson lower bound
/// (one-sided, z = 1, about 84 %) rather than the observed ratio: picking the lowest of many cuts that
/// look good favours cuts that were lucky on validation, and thresholds chosen on the plain ratio fell
/// short of the target on held-out data (urgency 0.90 on validation, 0.87-0.89 held out). Five lucky
/// validation hits bound precision at 0.83, so they do not earn a threshold of zero.
/// A label predicted too rarely on validation to estimate its own threshold gets the pooled one.
/// Thresholds are found per origin (a training-data directory, each export) and the strictest is kept:
/// thousands of easy Bitext utterances must not set the bar that real tickets are held to.
/// </summary>
public static class AbstentionThresholds
{
    public const int MinPredictionsForOwnThreshold = 8;

    public sealed record Choice(IReadOnlyDictionary<string, double> Thresholds, IReadOnlyDictionary<string, double> Coverage, double OverallCoverage, double PrecisionAtThresholds);

    public static Choice Choose(IReadOnlyList<string> labels, IReadOnlyList<(string Predicted, double Confidence, bool Correct, string Origin)> predictions, double targetPrecision)
    {
        var origins = predictions.GroupBy(p => p.Origin).ToList();
        var pooled = origins.Where(g => g.Count() >= MinPredictionsForOwnThreshold)
            .Select(g => Threshold(g.Select(p => (p.Confidence, p.Correct)).ToList(), targetPrecision))
            .DefaultIfEmpty(Threshold(predictions.Select(p => (p.Confidence, p.Correct)).ToList(), targetPrecision))
            .Max();
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        var coverage = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var mine = predictions.Where(p => p.Predicted == label).Select(p => (p.Confidence, p.Correct)).ToList();
            var perOrigin = origins
                .Select(g => g.Where(p => p.Predicted == label).Select(p => (p.Confidence, p.Correct)).ToList())
                .Where(g => g.Count >= MinPredictionsForOwnThreshold)
                .Select(g => Threshold(g, targetPrecision))
                .ToList();
            var threshold = perOrigin.Count > 0 ? perOrigin.Max() : pooled;
            thresholds[label] = threshold;
            coverage[label] = mine.Count == 0 ? 0 : Math.Round(mine.Count(p => p.Confidence >= threshold) / (double)mine.Count, 4);
        }

        var accepted = predictions.Where(p => p.Confidence >= thresholds.GetValueOrDefault(p.Predicted, pooled)).ToList();
        return new Choice(thresholds, coverage,
            predictions.Count == 0 ? 0 : Math.Round(accepted.Count / (double)predictions.Count, 4),
            accepted.Count == 0 ? 0 : Math.Round(accepted.Count(p => p.Correct) / (double)accepted.Count, 4));
    }

    /// <summary>The lowest confidence cut at which the estimated precision above it reaches the target; above every confidence when none does.</summary>
    public static double Threshold(IReadOnlyList<(double Confidence, bool Correct)> predictions, double targetPrecision)
    {
        var ordered = predictions.OrderByDescending(p => p.Confidence).ToList();
        var best = 1.0;
        var correct = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Correct)
            {
                correct++;
            }

            // Only cut between distinct confidences: a threshold cannot split tied predictions.
            var isCut = i == ordered.Count - 1 || ordered[i + 1].Confidence < ordered[i].Confidence;
            if (isCut && WilsonLowerBound(correct, i + 1) >= targetPrecision)
            {
                best = ordered[i].Confidence;
            }
        }

        return Math.Round(Math.Floor(best * 10000) / 10000, 4);
    }

    /// <summary>The lower end of the Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static double WilsonLowerBound(int successes, int trials, double z = 1.0)
    {
        if (trials == 0)
        {
            return 0;
        }

        var p = successes / (double)trials;
        var z2 = z * z;
        var centre = p + z2 / (2 * trials);
        var spread = z * Math.Sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
        return (centre - spread) / (1 + z2 / trials);
    }
}
