using Triage.Classifier.Bundle;
using Triage.Classifier.Calibration;
using Triage.Classifier.Data;
using Triage.Classifier.Evaluation;
using Triage.Classifier.Inference;

namespace Triage.Classifier.Training;

/// <summary>
/// Chooses how much the intent head votes on the category (<see cref="CategoryBlend"/>) on the
/// validation split, and re-derives the category head's calibration figures and abstention thresholds
/// on the blended probabilities, since those are what the service will threshold.
/// </summary>
internal static class CategoryBlendSelection
{
    /// <summary>The weights tried; the smallest of equally good ones wins (0 keeps the category head alone).</summary>
    public static IReadOnlyList<double> Weights { get; } = [0, 0.25, 0.5, 1, 2];

    public sealed record Choice(double Weight, IReadOnlyDictionary<string, string> IntentCategories, HeadCard CategoryCard, IReadOnlyList<(double Weight, double MacroF1)> Tried);

    public static Choice Choose(ClassifierModel model, ModelCard card, IReadOnlyList<TrainingExample> train, IReadOnlyList<TrainingExample> validation, double targetPrecision, CancellationToken ct)
    {
        var intentCategories = IntentCategories(train);
        var rows = validation.Where(r => r.Category is not null).ToList();
        if (rows.Count == 0)
        {
            // Nothing to choose on: the category head stays alone.
            return new Choice(0, intentCategories, card.Heads[HeadNames.Category], []);
        }

        var scored = new List<(TrainingExample Row, double[] Category, double[] Intent)>(rows.Count);
        IReadOnlyList<string> categoryLabels = [];
        IReadOnlyList<string> intentLabels = [];
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var (category, intent, cl, il) = model.HeadProbabilities(row.Input);
            (categoryLabels, intentLabels) = (cl, il);
            scored.Add((row, category, intent));
        }

        var tried = new List<(double Weight, double MacroF1)>();
        foreach (var weight in Weights)
        {
            var predictions = Predict(scored, weight, intentCategories, categoryLabels, intentLabels);
            // Averaged over origins, so thousands of easy Bitext lines cannot choose the weight for real tickets.
            var f1 = predictions.GroupBy(p => p.Origin).Average(g => MetricsCalculator.MacroF1(g.Select(p => p.Prediction).ToList()));
            tried.Add((weight, Math.Round(f1, 4)));
        }

        var best = tried.Where(t => t.MacroF1 >= tried.Max(x => x.MacroF1)).Min(t => t.Weight);
        var blended = Predict(scored, best, intentCategories, categoryLabels, intentLabels);
        var thresholds = AbstentionThresholds.Choose(categoryLabels,
            blended.Select(p => (p.Prediction.Predicted, p.Prediction.Confidence, p.Prediction.Correct, p.Origin)).ToList(), targetPrecision);
        var categoryCard = card.Heads[HeadNames.Category] with
        {
            ValidationEceAfter = MetricsCalculator.Compute(blended.Select(p => p.Prediction).ToList()).ExpectedCalibrationError,
            Thresholds = thresholds.Thresholds,
            ValidationCoverage = thresholds.Coverage,
            ValidationOverallCoverage = thresholds.OverallCoverage,
            ValidationPrecisionAtThresholds = thresholds.PrecisionAtThresholds,
        };
        return new Choice(best, intentCategories, categoryCard, tried);
    }

    /// <summary>Each intent's category by majority over the rows labeled with both.</summary>
    public static IReadOnlyDictionary<string, string> IntentCategories(IEnumerable<TrainingExample> rows) =>
        rows.Where(r => r.Intent is not null && r.Category is not null)
            .GroupBy(r => r.Intent!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.Category!).OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);

    private static List<(ScoredPrediction Prediction, string Origin)> Predict(
        List<(TrainingExample Row, double[] Category, double[] Intent)> scored, double weight,
        IReadOnlyDictionary<string, string> intentCategories, IReadOnlyList<string> categoryLabels, IReadOnlyList<string> intentLabels)
    {
        var blend = CategoryBlend.Create(weight, intentCategories, categoryLabels, intentLabels);
        var result = new List<(ScoredPrediction, string)>(scored.Count);
        foreach (var (row, category, intent) in scored)
        {
            var p = (double[])category.Clone();
            if (weight > 0)
            {
                blend.Apply(p, intent);
            }

            var best = ArgMax.Of(p);

            result.Add((new ScoredPrediction(row.Category!, categoryLabels[best], p[best], false, row.Language), row.Origin));
        }

        return result;
    }
}
