using System.Text.Json;
using Triage.Core.Classification;

namespace Triage.Tests.Serving;

/// <summary>
/// A stand-in bundle format for testing the serving side (hot swap, readiness, RPC mapping) without
/// training: a JSON file naming a version and the label every head predicts. The real format is
/// tested in Classification/.
/// </summary>
internal sealed class FakeBundleLoader : IModelBundleLoader
{
    public IClassifierModel Load(string bundlePath)
    {
        try
        {
            var spec = JsonSerializer.Deserialize<Spec>(File.ReadAllText(bundlePath)) ?? throw new InvalidDataException("empty bundle");
            if (string.IsNullOrEmpty(spec.Version))
            {
                throw new InvalidDataException("bundle has no version");
            }

            return new FakeModel(spec);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"not a bundle: {ex.Message}", ex);
        }
    }

    public static async Task WriteAsync(string path, string version, string category = "refund", double confidence = 0.95)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(new Spec { Version = version, Category = category, Confidence = confidence }));
        File.Move(temp, path, overwrite: true);
    }

    internal sealed class Spec
    {
        public string Version { get; init; } = "";
        public string Category { get; init; } = "refund";
        public double Confidence { get; init; } = 0.95;
    }

    private sealed class FakeModel(Spec spec) : IClassifierModel
    {
        public ModelDescription Description { get; } = new(spec.Version, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        [
            new HeadDescription("category", ["refund", "order"], "Fake", new Dictionary<string, double> { ["refund"] = 0.5 }, new Dictionary<string, double> { ["macro_f1"] = 0.9 }),
        ]);

        public TicketClassification Classify(ClassifierInput input)
        {
            HeadPrediction Head(string head, string label) => new(head, label, spec.Confidence, 0.5, spec.Confidence < 0.5,
                [new LabelProbability(label, spec.Confidence), new LabelProbability("other", 1 - spec.Confidence)],
                [new EvidenceTerm(input.Text.Split(' ')[0], 1.0)]);
            return new TicketClassification(spec.Version, Head("category", spec.Category), Head("intent", "get_refund"), Head("urgency", "urgent"));
        }
    }
}
