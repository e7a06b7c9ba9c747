using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Triage.Classifier.Data;
using Triage.Classifier.Inference;
using Triage.Core.Classification;

namespace Triage.Classifier.Bundle;

/// <summary>
/// Opens a bundle zip into a servable model. Anything wrong with it (not a zip, a missing or unreadable
/// entry, a card of another format, models whose labels disagree with the card) is an
/// <see cref="InvalidDataException"/> saying what, so a hot swap can refuse it and keep the old model.
/// </summary>
public sealed class ModelBundleLoader : IModelBundleLoader
{
    public IClassifierModel Load(string bundlePath) => LoadModel(bundlePath);

    public static ClassifierModel LoadModel(string bundlePath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(bundlePath);
            var card = ReadCard(zip);
            var ml = CreateContext(card.Seed);
            var features = ReadModel(ml, zip, card.FeaturesFile, out var inputSchema);
            var assembly = ReadModel(ml, zip, card.AssemblyFile, out _);
            var heads = new Dictionary<string, ITransformer>(StringComparer.Ordinal);
            var evidence = new Dictionary<string, ITransformer>(StringComparer.Ordinal);
            foreach (var head in HeadNames.All)
            {
                var headCard = card.Heads.GetValueOrDefault(head) ?? throw new InvalidDataException($"the model card describes no '{head}' head");
                heads[head] = ReadModel(ml, zip, headCard.ModelFile, out _);
                evidence[head] = headCard.EvidenceFile == headCard.ModelFile ? heads[head] : ReadModel(ml, zip, headCard.EvidenceFile, out _);
            }

            return new ModelParts(inputSchema, features, assembly, heads, evidence).Compose(ml, card);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{bundlePath}: not a usable model bundle: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or JsonException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException or KeyNotFoundException or InvalidCastException or IndexOutOfRangeException or NullReferenceException)
        {
            if (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                throw;
            }

            throw new InvalidDataException($"{bundlePath}: not a usable model bundle: {ex.Message}", ex);
        }
    }

    /// <summary>A context that knows the tree trainers' model formats, which ML.NET finds only in assemblies it was told about.</summary>
    internal static MLContext CreateContext(int seed)
    {
        var ml = new MLContext(seed);
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmMulticlassTrainer).Assembly);
        ml.ComponentCatalog.RegisterAssembly(typeof(FastTreeBinaryTrainer).Assembly);
        return ml;
    }

    public static ModelCard ReadCard(string bundlePath)
    {
        using var zip = ZipFile.OpenRead(bundlePath);
        return ReadCard(zip);
    }

    private static ModelCard ReadCard(ZipArchive zip)
    {
        var entry = zip.GetEntry(BundleLayout.CardFile) ?? throw new InvalidDataException($"no {BundleLayout.CardFile}");
        using var reader = new StreamReader(entry.Open());
        var card = CardJson.Deserialize(reader.ReadToEnd());
        if (card.Format != ModelCard.CurrentFormat)
        {
            throw new InvalidDataException($"bundle format '{card.Format}' is not '{ModelCard.CurrentFormat}'");
        }

        return card;
    }

    private static ITransformer ReadModel(MLContext ml, ZipArchive zip, string name, out DataViewSchema schema)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"no {name}");
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        try
        {
            return ml.Model.Load(buffer, out schema);
        }
        catch (Exception ex) when (ex is not InvalidDataException)
        {
            throw new InvalidDataException($"{name} is not a loadable ML.NET model: {ex.Message}", ex);
        }
    }
}
