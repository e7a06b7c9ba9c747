namespace Triage.Classifier.Data;

/// <summary>
/// One <c>--data</c> argument: a training-data directory (tickets, resolved cases, taxonomy and held-out
/// split), or a JSONL/CSV/TSV file read through a column map (the ticket schema when none is given).
/// <paramref name="Weight"/> scales how much each of its rows counts in training: a large public set in
/// another style (Bitext's short chat lines) should teach its phrasings without outvoting the e-mails
/// the service actually receives.
/// </summary>
public sealed record DataSpec(string Path, ColumnMap? Map = null, double Weight = 1.0)
{
    public bool IsDirectory => Directory.Exists(Path);
}

/// <summary>What one file contributed, for the model card: enough to tell later exactly what a model learned from.</summary>
public sealed record DataSourceSummary(
    string Name,
    string Path,
    string Sha256,
    int Rows,
    int Used,
    int HeldOut,
    int Duplicates,
    int ExcludedAsEvaluation,
    IReadOnlyDictionary<string, int> LabeledRowsPerHead)
{
    /// <summary>The training weight of each of its rows (see <see cref="DataSpec.Weight"/>).</summary>
    public double Weight { get; init; } = 1.0;
}

/// <summary>The rows read from all sources: those that may be trained on and the held-out ones that never may.</summary>
public sealed record LoadedData(
    IReadOnlyList<TrainingExample> Examples,
    IReadOnlyList<TrainingExample> HeldOut,
    IReadOnlyList<DataSourceSummary> Sources);
