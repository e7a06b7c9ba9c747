using Triage.Classifier.Bundle;
using Triage.Classifier.Training;

namespace Triage.Tests.Classification;

public sealed class PromotionTests(TrainedBundleFixture fixture) : IClassFixture<TrainedBundleFixture>, IDisposable
{
    private readonly string _models = Directory.CreateTempSubdirectory("triage-models-").FullName;

    private string Staged => Path.Combine(_models, "staged", "model.zip");

    private string Active => Path.Combine(_models, "active", "model.zip");

    private string Backup => Path.Combine(_models, "backup", "model.zip");

    [Fact]
    public async Task The_first_bundle_is_promoted_and_the_next_one_moves_the_old_active_to_backup()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Staged)!);
        File.Copy(fixture.Path, Staged);
        await BundlePromotion.PromoteAsync(Staged, Active, Backup, CancellationToken.None);
        Assert.True(File.Exists(Active));
        Assert.False(File.Exists(Backup));
        Assert.Equal(fixture.Bundle.Card.Version, CardJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(_models, "active", BundleLayout.CardFile))).Version);

        var second = await TrainedBundleFixture.TrainAsync(TrainedBundleFixture.Options with { Seed = 3 });
        await BundleTrainer.WriteAsync(second, Staged, CancellationToken.None);
        await BundlePromotion.PromoteAsync(Staged, Active, Backup, CancellationToken.None);
        Assert.Equal(second.Card.Version, ModelBundleLoader.ReadCard(Active).Version);
        Assert.Equal(fixture.Bundle.Card.Version, ModelBundleLoader.ReadCard(Backup).Version);
        Assert.Empty(Directory.EnumerateFiles(_models, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_bundle_worse_on_the_held_out_data_is_not_promoted_and_an_equal_one_is()
    {
        var heldOut = Fixtures.Examples(perIntent: 6, seed: 99);
        var same = BundlePromotion.Decide(fixture.Bundle.Model, fixture.Bundle.Model, null, [("held-out", heldOut)], 0.005, CancellationToken.None);
        Assert.True(same.Promote, same.Reason);
        Assert.All(same.Comparisons, c => Assert.Equal(0, c.Change));

        // Scored against data whose labels it gets wrong more often, the candidate loses to a model that fits them.
        var relabeled = heldOut.Select(e => e with { Category = "refund" }).ToList();
        var worse = BundlePromotion.Decide(fixture.Bundle.Model, new ConstantModel(fixture.Bundle.Model, "refund"), null, [("held-out", relabeled)], 0.005, CancellationToken.None);
        Assert.False(worse.Promote);
        Assert.Contains("category", worse.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_active_bundle_the_candidate_is_promoted()
    {
        var decision = BundlePromotion.Decide(fixture.Bundle.Model, null, null, [("held-out", Fixtures.Examples(perIntent: 3, seed: 5))], 0.005, CancellationToken.None);
        Assert.True(decision.Promote);
        Assert.All(decision.Comparisons, c => Assert.Null(c.Active));
    }

    public void Dispose() => Directory.Delete(_models, recursive: true);

    /// <summary>A model that always answers one category, to be the better model on data labeled with it.</summary>
    private sealed class ConstantModel(Core.Classification.IClassifierModel inner, string category) : Core.Classification.IClassifierModel
    {
        public Core.Classification.ModelDescription Description => inner.Description;

        public Core.Classification.TicketClassification Classify(Core.Classification.ClassifierInput input)
        {
            var result = inner.Classify(input);
            return result with { Category = result.Category with { Label = category, Confidence = 1 } };
        }
    }
}
