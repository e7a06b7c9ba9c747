using Triage.Retrieval.Embedding.Remote;

namespace Triage.Tests.Retrieval.Remote;

internal static class RemoteTestOptions
{
    public const string Model = "text-embedding-3-small";
    public const string Key = "sk-test-key";

    /// <summary>Short backoff, so retried failures surface well within a test's time budget.</summary>
    public static RemoteEmbeddingOptions For(Uri endpoint, Action<RemoteEmbeddingOptions>? adjust = null)
    {
        var options = new RemoteEmbeddingOptions
        {
            Endpoint = endpoint,
            ApiKey = Key,
            Model = Model,
            Dimensions = 16,
            // Long enough never to fire by accident on a loaded machine; the hang tests set a short one.
            Timeout = TimeSpan.FromSeconds(5),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        adjust?.Invoke(options);
        return options;
    }
}
