namespace Triage.Retrieval.Qdrant;

/// <summary>Where and how to reach Qdrant (configuration section <c>Qdrant</c>).</summary>
public sealed class QdrantOptions
{
    public const string Section = "Qdrant";

    /// <summary>The gRPC endpoint (port 6334 by default, not the REST port 6333). Use https:// whenever an API key is sent.</summary>
    public Uri Address { get; set; } = new("http://localhost:6334");

    /// <summary>Sent as the <c>api-key</c> header on every call; null when the server has no key configured.</summary>
    public string? ApiKey { get; set; }

    /// <summary>One collection per embedding space: vectors of another embedder go to another collection.</summary>
    public string Collection { get; set; } = "triage_cases";

    /// <summary>Per attempt: Qdrant sets no deadline of its own, so a stalled server would otherwise hold a request forever.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Points per Upsert call: a few hundred keeps each request well under gRPC's message limit.</summary>
    public int UpsertBatchSize { get; set; } = 256;

    /// <summary>Retries after the first attempt of a call that failed transiently (unavailable, deadline, rate limited, write unconfirmed).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Backoff before the first retry; doubled per retry, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Copies of each shard when the collection is created in a cluster (null: the server's default, 1).
    /// Two or more, on three or more nodes, keep search available while a node is down.</summary>
    public uint? ReplicationFactor { get; set; }

    /// <summary>Replicas that must acknowledge a write when the collection is created (null: the server's default, 1).</summary>
    public uint? WriteConsistencyFactor { get; set; }
}
