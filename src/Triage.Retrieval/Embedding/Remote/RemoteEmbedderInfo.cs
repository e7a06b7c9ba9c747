using Triage.Core.Retrieval;

namespace Triage.Retrieval.Embedding.Remote;

public static class RemoteEmbedderInfo
{
    /// <summary>
    /// <c>openai:{model}@{host}-d{dimensions}</c>. The host is in it because the same model name served elsewhere may be
    /// another build or quantization; the port and path are not, so moving a server does not invalidate the index.
    /// </summary>
    public static EmbedderInfo For(RemoteEmbeddingOptions options)
    {
        var host = options.Endpoint?.IdnHost.ToLowerInvariant() ?? "unknown";
        return new EmbedderInfo($"openai:{options.Model.Trim()}@{host}-d{options.Dimensions}", options.Dimensions);
    }
}
