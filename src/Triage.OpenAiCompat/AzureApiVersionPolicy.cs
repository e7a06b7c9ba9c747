using System.ClientModel.Primitives;

namespace Triage.OpenAiCompat;

/// <summary>Azure OpenAI's deployment URLs need <c>api-version</c> on every request; the OpenAI client never adds it.</summary>
public sealed class AzureApiVersionPolicy(string apiVersion) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        AddVersion(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        AddVersion(message);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    private void AddVersion(PipelineMessage message)
    {
        var uri = message.Request.Uri!;
        if (uri.Query.Contains("api-version=", StringComparison.Ordinal))
        {
            return;
        }

        var query = uri.Query.TrimStart('?');
        var version = "api-version=" + Uri.EscapeDataString(apiVersion);
        message.Request.Uri = new UriBuilder(uri) { Query = query.Length == 0 ? version : query + "&" + version }.Uri;
    }
}
