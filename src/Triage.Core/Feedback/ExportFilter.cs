namespace Triage.Core.Feedback;

/// <summary>
/// Which reviewed tickets to export: one tenant, reviews in [<see cref="From"/>, <see cref="To"/>)
/// by review time, optionally one language and one label source (null: any).
/// </summary>
public sealed record ExportFilter(
    string TenantId,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Language = null,
    LabelSource? Source = null);
