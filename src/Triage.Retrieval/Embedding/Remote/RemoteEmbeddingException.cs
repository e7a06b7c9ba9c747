namespace Triage.Retrieval.Embedding.Remote;

/// <summary>
/// The embedding endpoint could not produce usable vectors, after retries where retrying made sense. Callers answer
/// without similar cases (a degraded answer) rather than failing the ticket; <see cref="Transient"/> says whether the
/// same request may succeed later or an operator has to change the configuration.
/// </summary>
public sealed class RemoteEmbeddingException(string message, bool transient, int? status = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>True for timeouts, unreachable servers, rate limits and 5xx; false for refused keys, unknown models,
    /// rejected requests and vectors of the wrong size.</summary>
    public bool Transient { get; } = transient;

    /// <summary>The HTTP status of the last attempt, when one was received.</summary>
    public int? Status { get; } = status;
}
