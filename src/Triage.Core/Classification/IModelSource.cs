namespace Triage.Core.Classification;

/// <summary>
/// The serving model, swapped atomically when a new bundle is promoted. Callers read
/// <see cref="Current"/> once per request and use that object throughout.
/// </summary>
public interface IModelSource
{
    /// <summary>The serving model, or null while none could be loaded.</summary>
    IClassifierModel? Current { get; }

    /// <summary>Where the serving bundle came from and when it was loaded.</summary>
    string? SourcePath { get; }

    DateTimeOffset? LoadedAt { get; }

    /// <summary>Loads the active bundle now; returns whether the serving model changed. A bad bundle throws and the old one keeps serving.</summary>
    Task<bool> ReloadAsync(CancellationToken ct);
}
