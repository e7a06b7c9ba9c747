using Microsoft.ML;
using Microsoft.ML.Data;
using Triage.Classifier.Bundle;
using Triage.Classifier.Data;
using Triage.Classifier.Features;
using Triage.Classifier.Training;

namespace Triage.Tests.Classification;

public sealed class ClassifierTrainingTests(TrainedBundleFixture fixture) : IClassFixture<TrainedBundleFixture>
{
    [Fact]
    public async Task Training_with_the_same_seed_gives_the_same_predictions()
    {
        var again = await TrainedBundleFixture.TrainAsync(TrainedBundleFixture.Options);
        foreach (var probe in Fixtures.Probes)
        {
            Assert.Equal(Summary(fixture.Bundle.Model.Classify(probe)), Summary(again.Model.Classify(probe)));
        }
    }

    [Fact]
    public void Labels_never_reach_the_features_scoring_with_labels_blanked_scores_the_same()
    {
        var rows = Fixtures.Examples(perIntent: 5, seed: 3);
        var ml = new MLContext(1);
        var labeled = ml.Data.LoadFromEnumerable(rows.Select((r, i) => LabeledModelInput.From(r.Input, r.Category!, i)).ToList());
        var blanked = ml.Data.LoadFromEnumerable(rows.Select((r, i) => LabeledModelInput.From(r.Input, "", i)).ToList());
        var wrong = ml.Data.LoadFromEnumerable(rows.Select((r, i) => LabeledModelInput.From(r.Input, "newsletter", i)).ToList());
        foreach (var head in HeadNames.All)
        {
            var column = FeatureColumns.ScoreOf(head);
            var expected = Scores(fixture.Bundle.Model.Pipeline.Transform(labeled), column);
            Assert.Equal(expected, Scores(fixture.Bundle.Model.Pipeline.Transform(blanked), column));
            Assert.Equal(expected, Scores(fixture.Bundle.Model.Pipeline.Transform(wrong), column));
        }

        // And the saved pipeline's input schema has no label column to feed.
        var loaded = ModelBundleLoader.LoadModel(fixture.Path);
        Assert.DoesNotContain(FeatureColumns.Label, loaded.InputSchema.Select(c => c.Name));
    }

    [Fact]
    public void A_written_bundle_loads_and_predicts_exactly_as_the_trained_one()
    {
        var loaded = new ModelBundleLoader().Load(fixture.Path);
        Assert.Equal(fixture.Bundle.Card.Version, loaded.Description.Version);
        foreach (var probe in Fixtures.Probes)
        {
            Assert.Equal(Summary(fixture.Bundle.Model.Classify(probe)), Summary(loaded.Classify(probe)));
        }
    }

    [Fact]
    public void Predictions_carry_top_three_thresholds_and_evidence_terms()
    {
        var result = fixture.Bundle.Model.Classify(Fixtures.Input("환불 받고 싶어요 지금 당장 처리해주세요"));
        Assert.Equal("refund", result.Category.Label);
        Assert.Equal("get_refund", result.Intent.Label);
        foreach (var head in new[] { result.Category, result.Intent, result.Urgency })
        {
            Assert.InRange(head.Top.Count, 1, 3);
            Assert.Equal(head.Label, head.Top[0].Label);
            Assert.Equal(head.Confidence < head.Threshold, head.Abstained);
            Assert.InRange(head.Top.Sum(t => t.Probability), 0, 1.0001);
        }

        Assert.NotEmpty(result.Category.Evidence);
        Assert.Contains(result.Category.Evidence, e => e.Term.Contains("환불", StringComparison.Ordinal));
        Assert.All(result.Category.Evidence, e => Assert.True(e.Weight > 0));
    }

    [Fact]
    public void The_model_description_reads_labels_from_the_model_and_names_the_version()
    {
        var description = fixture.Bundle.Model.Description;
        Assert.Equal(HeadNames.All, description.Heads.Select(h => h.Head));
        Assert.Equal(["account", "delivery", "refund"], description.Heads[0].Labels);
        Assert.Equal(["low", "normal", "urgent"], description.Heads[2].Labels);
        Assert.All(description.Heads, h => Assert.Equal(h.Labels.Order(StringComparer.Ordinal), h.Thresholds.Keys.Order(StringComparer.Ordinal)));
        Assert.Equal(description.Version, fixture.Bundle.Model.Classify(Fixtures.Probes[0]).ModelVersion);
        Assert.True(description.Heads[0].Metrics.ContainsKey("heldout_macro_f1"));
    }

    [Fact]
    public async Task The_loaded_model_is_safe_under_concurrent_calls()
    {
        var model = new ModelBundleLoader().Load(fixture.Path);
        var inputs = Fixtures.Examples(perIntent: 10, seed: 11).Select(e => e.Input).ToList();
        var expected = inputs.Select(i => Summary(model.Classify(i))).ToList();
        var tasks = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var round = 0; round < 5; round++)
            {
                for (var i = 0; i < inputs.Count; i++)
                {
                    var index = (i + (worker * 7)) % inputs.Count;
                    Assert.Equal(expected[index], Summary(model.Classify(inputs[index])));
                }
            }
        }));
        await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task The_bake_off_reports_every_trainer_per_head()
    {
        var bundle = await TrainedBundleFixture.TrainAsync(TrainedBundleFixture.Options with { Trainers = TrainerKind.All });
        foreach (var head in HeadNames.All)
        {
            var card = bundle.Card.Heads[head];
            Assert.Equal(TrainerKind.All, card.BakeOff.Select(b => b.Trainer));
            Assert.Contains(card.Trainer, TrainerKind.All);
            var best = card.BakeOff.Max(b => b.ValidationMacroF1);
            var chosen = card.BakeOff.Single(b => b.Trainer == card.Trainer);
            Assert.True(chosen.ValidationMacroF1 >= best - bundle.Card.SelectionMargin);
            Assert.DoesNotContain(card.BakeOff.TakeWhile(b => b != chosen), b => b.ValidationMacroF1 >= best - bundle.Card.SelectionMargin);
        }

        Assert.NotNull(bundle.Model.Classify(Fixtures.Probes[0]));
    }

    private static string Summary(Core.Classification.TicketClassification c) =>
        string.Join(" | ", new[] { c.Category, c.Intent, c.Urgency }.Select(h =>
            $"{h.Label}:{h.Confidence:F4}:{h.Abstained}:{string.Join(",", h.Top.Select(t => $"{t.Label}={t.Probability:F4}"))}:{string.Join(",", h.Evidence.Select(e => e.Term))}"));

    private static List<float[]> Scores(IDataView view, string column) => view.GetColumn<float[]>(column).ToList();
}
