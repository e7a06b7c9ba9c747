using System.ComponentModel.DataAnnotations;

namespace Triage.Server.Security;

/// <summary>
/// <c>Triage:Auth</c>. Keys are configured by their SHA-256 (hex), never in clear: `triage keys new`
/// prints a fresh key and the entry to paste here.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Triage:Auth";

    public List<ApiKeyEntry> ApiKeys { get; init; } = [];

    /// <summary>Default per-key budget: sustained calls per second...</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; init; } = 2_000;

    /// <summary>...and the burst allowed above it.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; init; } = 4_000;
}

public sealed class ApiKeyEntry
{
    /// <summary>A name for the key, used in logs and rate limiting; never the key itself.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public string Sha256 { get; init; } = string.Empty;

    public string Tenant { get; init; } = string.Empty;

    /// <summary>Any of intake, agent, admin.</summary>
    public List<string> Roles { get; init; } = [];

    /// <summary>Overrides the default budget for this key.</summary>
    public int? PermitsPerSecond { get; init; }
}
