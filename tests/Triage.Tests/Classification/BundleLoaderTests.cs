using System.IO.Compression;
using System.Text;
using Triage.Classifier.Bundle;

namespace Triage.Tests.Classification;

public sealed class BundleLoaderTests(TrainedBundleFixture fixture) : IClassFixture<TrainedBundleFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("triage-bundle-").FullName;

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused()
    {
        var path = Path.Combine(_dir, "model.zip");
        File.WriteAllText(path, "not a zip at all");
        Assert.Throws<InvalidDataException>(() => new ModelBundleLoader().Load(path));
    }

    [Fact]
    public void A_truncated_bundle_is_refused()
    {
        var path = Path.Combine(_dir, "model.zip");
        var bytes = File.ReadAllBytes(fixture.Path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Throws<InvalidDataException>(() => new ModelBundleLoader().Load(path));
    }

    [Fact]
    public void A_bundle_without_its_card_is_refused() =>
        AssertRefused(zip => zip.GetEntry(BundleLayout.CardFile)!.Delete(), "model-card.json");

    [Fact]
    public void A_bundle_of_another_format_is_refused() =>
        AssertRefused(zip => ReplaceCard(zip, card => card with { Format = "triage-bundle/99" }), "triage-bundle/99");

    [Fact]
    public void A_bundle_whose_labels_disagree_with_its_card_is_refused() =>
        AssertRefused(zip => ReplaceCard(zip, card => card with
        {
            Heads = card.Heads.ToDictionary(h => h.Key, h => h.Key == "category" ? h.Value with { Labels = ["a", "b", "c"] } : h.Value),
        }), "labels");

    [Fact]
    public void A_bundle_with_a_damaged_model_is_refused() =>
        AssertRefused(zip =>
        {
            var name = BundleLayout.HeadFile("intent");
            zip.GetEntry(name)!.Delete();
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes("garbage where a model was"));
        }, "intent");

    [Fact]
    public void A_bundle_missing_a_model_is_refused() =>
        AssertRefused(zip => zip.GetEntry(BundleLayout.FeaturesFile)!.Delete(), BundleLayout.FeaturesFile);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void AssertRefused(Action<ZipArchive> damage, string mention)
    {
        var path = Path.Combine(_dir, "model.zip");
        File.Copy(fixture.Path, path, overwrite: true);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            damage(zip);
        }

        var ex = Assert.Throws<InvalidDataException>(() => new ModelBundleLoader().Load(path));
        Assert.Contains(mention, ex.Message, StringComparison.Ordinal);
    }

    private static void ReplaceCard(ZipArchive zip, Func<ModelCard, ModelCard> change)
    {
        var entry = zip.GetEntry(BundleLayout.CardFile)!;
        string json;
        using (var reader = new StreamReader(entry.Open()))
        {
            json = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(BundleLayout.CardFile).Open());
        writer.Write(CardJson.Serialize(change(CardJson.Deserialize(json))));
    }
}
