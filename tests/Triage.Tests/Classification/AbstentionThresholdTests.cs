using Triage.Classifier.Calibration;

namespace Triage.Tests.Classification;

public sealed class AbstentionThresholdTests(TrainedBundleFixture fixture) : IClassFixture<TrainedBundleFixture>
{
    [Theory]
    [InlineData(0.90)]
    [InlineData(0.95)]
    [InlineData(0.80)]
    public void Thresholds_reach_the_target_precision_on_the_validation_data_they_were_chosen_on(double target)
    {
        // Confidence loosely tracks correctness, as a real model's does: label "b" is harder than "a".
        var random = new Random(5);
        var predictions = Enumerable.Range(0, 600).Select(i =>
        {
            var label = i % 3 == 0 ? "b" : "a";
            var confidence = random.NextDouble();
            var correct = random.NextDouble() < (label == "a" ? 0.55 : 0.5) + (0.6 * confidence);
            return (label, confidence, correct, i % 2 == 0 ? "tickets" : "export");
        }).ToList();

        var choice = AbstentionThresholds.Choose(["a", "b"], predictions, target);

        foreach (var label in new[] { "a", "b" })
        {
            foreach (var origin in new[] { "tickets", "export" })
            {
                var accepted = predictions.Where(p => p.label == label && p.Item4 == origin && p.confidence >= choice.Thresholds[label]).ToList();
                Assert.True(accepted.Count == 0 || accepted.Count(p => p.correct) / (double)accepted.Count >= target,
                    $"{label}/{origin}: precision below {target} at threshold {choice.Thresholds[label]}");
            }

            Assert.InRange(choice.Coverage[label], 0.01, 1.0);
        }

        Assert.True(choice.PrecisionAtThresholds >= target);
    }

    [Theory]
    [InlineData(5, 5, 0.8333)]
    [InlineData(0, 0, 0.0)]
    [InlineData(90, 100, 0.8659)]
    [InlineData(900, 1000, 0.8901)]
    public void The_precision_estimate_is_the_wilson_lower_bound(int correct, int total, double expected) =>
        Assert.Equal(expected, AbstentionThresholds.WilsonLowerBound(correct, total), 4);

    [Fact]
    public void Thresholds_chosen_on_a_validation_sample_hold_on_fresh_data_from_the_same_source()
    {
        // The point of the lower bound: the lowest passing cut is chosen among many, so on the sample it
        // was chosen on it looks better than it is. Averaged over many draws, fresh data must still meet the target.
        var precisions = Enumerable.Range(1, 30).Select(seed =>
        {
            var validation = Draw(new Random(seed), 300);
            var fresh = Draw(new Random(1000 + seed), 5000);
            var threshold = AbstentionThresholds.Choose(["a"], validation, 0.90).Thresholds["a"];
            var accepted = fresh.Where(p => p.Confidence >= threshold).ToList();
            return accepted.Count == 0 ? 1.0 : accepted.Count(p => p.Correct) / (double)accepted.Count;
        }).ToList();

        Assert.True(precisions.Average() >= 0.90, $"mean out-of-sample precision {precisions.Average():F3}");
        Assert.True(precisions.Count(p => p < 0.88) <= 3, $"{precisions.Count(p => p < 0.88)} of 30 draws fell below 0.88");
    }

    private static List<(string Predicted, double Confidence, bool Correct, string Origin)> Draw(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var confidence = random.NextDouble();
            return ("a", confidence, random.NextDouble() < 0.45 + (0.55 * confidence), "tickets");
        }).ToList();

    [Fact]
    public void A_class_that_never_reaches_the_target_always_abstains()
    {
        var predictions = Enumerable.Range(0, 50).Select(i => ("a", 0.5 + (i / 200.0), i % 2 == 0, "x")).ToList();
        Assert.Equal(1.0, AbstentionThresholds.Choose(["a"], predictions, 0.9).Thresholds["a"]);
    }

    [Fact]
    public void The_trained_bundle_meets_its_target_precision_on_validation()
    {
        foreach (var head in fixture.Bundle.Card.Heads.Values)
        {
            Assert.True(head.ValidationOverallCoverage == 0 || head.ValidationPrecisionAtThresholds >= fixture.Bundle.Card.TargetPrecision,
                $"{head.Trainer}: {head.ValidationPrecisionAtThresholds} at coverage {head.ValidationOverallCoverage}");
        }
    }

    [Fact]
    public void Temperature_scaling_softens_an_over_confident_model()
    {
        // Says 0.99 but is right 70% of the time: the fitted temperature must be above 1.
        var probabilities = Enumerable.Range(0, 200).Select(_ => new[] { 0.99f, 0.01f }).ToList();
        var labels = Enumerable.Range(0, 200).Select(i => i % 10 < 7 ? 0 : 1).ToList();
        var t = TemperatureScaling.Fit(probabilities, labels);
        Assert.True(t > 1);
        Assert.InRange(TemperatureScaling.Apply(probabilities[0], t)[0], 0.65, 0.75);
    }
}
