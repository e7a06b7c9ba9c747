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
