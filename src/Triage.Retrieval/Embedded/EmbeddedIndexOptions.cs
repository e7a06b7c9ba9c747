using System.ComponentModel.DataAnnotations;

namespace Triage.Retrieval.Embedded;

/// <summary><c>Triage:Index:Embedded</c>: where the in-process index keeps its files.</summary>
public sealed class EmbeddedIndexOptions
{
    public const string Section = "Triage:Index:Embedded";

    /// <summary>Directory for the snapshot, the write-ahead log and the embedder stamp.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data/index";

    /// <summary>After this many logged changes the log is folded into a fresh snapshot.</summary>
    [Range(100, 10_000_000)]
    public int CompactAfterRecords { get; set; } = 50_000;
}
