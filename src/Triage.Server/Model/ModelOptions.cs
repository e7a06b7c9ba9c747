using System.ComponentModel.DataAnnotations;

namespace Triage.Server.Model;

/// <summary><c>Triage:Model</c>: where the serving bundle lives and how often to look for a new one.</summary>
public sealed class ModelOptions
{
    public const string Section = "Triage:Model";

    /// <summary>The active bundle. Relative paths resolve against the content root (the repository when run from it).</summary>
    [Required]
    public string ActivePath { get; init; } = "models/active/model.zip";

    /// <summary>
    /// Fallback poll for changes the file watcher may miss (network file systems, some container mounts).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);
}
