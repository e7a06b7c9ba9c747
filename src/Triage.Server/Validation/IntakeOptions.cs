using System.ComponentModel.DataAnnotations;

namespace Triage.Server.Validation;

/// <summary><c>Triage:Intake</c>: size limits on what callers may send.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Triage:Intake";

    /// <summary>Largest ticket body, in UTF-8 bytes.</summary>
    [Range(256, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; init; } = 32 * 1024;

    /// <summary>Longest subject, in characters.</summary>
    [Range(16, 64 * 1024)]
    public int MaxSubjectChars { get; init; } = 1024;

    /// <summary>
    /// Largest gRPC message accepted. Above it the transport answers RESOURCE_EXHAUSTED before the
    /// message is even parsed, so it must comfortably exceed <see cref="MaxBodyBytes"/>.
    /// </summary>
    [Range(4 * 1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; init; } = 256 * 1024;

    [Range(0, 1024)]
    public int MaxMetadataEntries { get; init; } = 32;
}
