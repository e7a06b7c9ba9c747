using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triage.Retrieval.Embedding.Remote;

/// <summary>
/// Puts the response's <c>data</c> back in input order. The API marks each vector with the <c>index</c> of its input
/// and does not promise to list them in that order, but the Microsoft.Extensions.AI adapter drops the index and keeps
/// the listing order, so a server or proxy that reorders would silently attach vectors to the wrong cases.
/// Runs per call, after the retries, on the final buffered response.
/// </summary>
internal sealed class InputOrderPolicy : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ProcessNext(message, pipeline, currentIndex);
        Reorder(message.Response);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        Reorder(message.Response);
    }

    private static void Reorder(PipelineResponse? response)
    {
        if (response is not { Status: 200 } || InOrder(response.Content))
        {
            return;
        }

        var root = JsonNode.Parse(response.Content.ToMemory().Span)!.AsObject();
        var data = root["data"]!.AsArray();
        var sorted = data.OrderBy(item => item!["index"]!.GetValue<int>()).ToList();
        data.Clear();
        foreach (var item in sorted)
        {
            data.Add(item);
        }

        response.ContentStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(root));
    }

    /// <summary>The common case, checked without building a tree. Anything unexpected counts as in order and is left
    /// for the client to parse (and reject) as it is.</summary>
    private static bool InOrder(BinaryData content)
    {
        try
        {
            using var json = JsonDocument.Parse(content.ToMemory());
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                return true;
            }

            var previous = int.MinValue;
            foreach (var item in data.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("index", out var index) || !index.TryGetInt32(out var i))
                {
                    return true;
                }

                if (i < previous)
                {
                    return false;
                }

                previous = i;
            }

            return true;
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
