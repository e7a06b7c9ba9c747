using Triage.Classifier.Data;
using Triage.Classifier.Training;

namespace Triage.Tests.Classification;

/// <summary>One small bundle trained on the fixture (linear trainer only) and written to a temporary file, shared by a test class.</summary>
public sealed class TrainedBundleFixture : IAsyncLifetime
{
    public static readonly TrainingOptions Options = new() { Trainers = [TrainerKind.Sdca], ValidationFraction = 0.25 };

    public TrainedBundle Bundle { get; private set; } = null!;

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"triage-test-{Guid.NewGuid():N}", "model.zip");

    public static Task<TrainedBundle> TrainAsync(TrainingOptions options, CancellationToken ct = default)
    {
        var examples = Fixtures.Examples();
        var heldOut = Fixtures.Examples(perIntent: 6, seed: 99);
        var data = new LoadedData(examples, heldOut, []);
        return new BundleTrainer(options, TextWriter.Null).TrainAsync(data, [("held-out", heldOut)], ct);
    }

    public async Task InitializeAsync()
    {
        Bundle = await TrainAsync(Options);
        await BundleTrainer.WriteAsync(Bundle, Path, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
        return Task.CompletedTask;
    }
}
