namespace Triage.Core.Classification;

/// <summary>
/// One loaded model bundle. Immutable once loaded and safe to call from many threads; a hot swap
/// replaces the whole object, so one call never mixes two versions.
/// </summary>
public interface IClassifierModel
{
    ModelDescription Description { get; }

    TicketClassification Classify(ClassifierInput input);
}

/// <summary>What GetModelInfo reports: version, when trained, and per head its labels, trainer, thresholds and held-out metrics.</summary>
public sealed record ModelDescription(string Version, DateTimeOffset TrainedAt, IReadOnlyList<HeadDescription> Heads);

public sealed record HeadDescription(
    string Head,
    IReadOnlyList<string> Labels,
    string Trainer,
    IReadOnlyDictionary<string, double> Thresholds,
    IReadOnlyDictionary<string, double> Metrics);
