using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Triage.Tests.Retrieval.Remote.Fake;

/// <summary>
/// POST /v1/embeddings (and Azure's /openai/deployments/{deployment}/embeddings) as OpenAI documents it: input is a
/// string or an array of strings, <c>dimensions</c> shortens the vectors, <c>encoding_format</c> is float or base64
/// (little-endian float32), and each result carries the index of its input.
/// </summary>
internal static class FakeEmbeddingsEndpoint
{
    public static IResult Handle(HttpContext http, FakeOpenAiSettings settings, string? deployment)
    {
        var body = FakeOpenAiGate.Body(http);
        var model = deployment ?? body["model"]?.GetValue<string>();
        if (string.IsNullOrEmpty(model))
        {
            return FakeOpenAiErrors.Result(400, "you must provide a model parameter");
        }

        if (!TryReadInputs(body["input"], out var inputs))
        {
            return FakeOpenAiErrors.Result(400, "'input' must be a non-empty string or array of non-empty strings.");
        }

        var requested = body["dimensions"]?.GetValue<int>();
        if (requested is not null && settings.RejectDimensions)
        {
            return FakeOpenAiErrors.Result(400, $"Model \"{model}\" does not support matryoshka representation, changing output dimensions will lead to poor results.");
        }

        if (requested is < 1)
        {
            return FakeOpenAiErrors.Result(400, "'dimensions' must be at least 1.");
        }

        var size = requested is { } d && settings.HonorDimensions ? d : settings.NativeDimensions;
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64" && !settings.IgnoreEncodingFormat;
        var order = Enumerable.Range(0, settings.DropLastVector ? inputs.Count - 1 : inputs.Count);
        var data = new JsonArray();
        foreach (var i in settings.ReverseOrder ? order.Reverse() : order)
        {
            var vector = FakeVectors.For(model, inputs[i], size);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = Encode(vector, base64) });
        }

        var tokens = inputs.Sum(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        var answer = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
        return Results.Content(answer.ToJsonString(), "application/json");
    }

    private static JsonNode Encode(float[] vector, bool base64) => base64
        ? JsonValue.Create(Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())))
        : new JsonArray(vector.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());

    private static bool TryReadInputs(JsonNode? input, out List<string> inputs)
    {
        inputs = [];
        switch (input?.GetValueKind())
        {
            case JsonValueKind.String:
                inputs.Add(input.GetValue<string>());
                break;
            case JsonValueKind.Array:
                foreach (var item in input.AsArray())
                {
                    if (item?.GetValueKind() != JsonValueKind.String)
                    {
                        return false;
                    }

                    inputs.Add(item.GetValue<string>());
                }

                break;
            default:
                return false;
        }

        return inputs.Count > 0 && inputs.All(s => s.Length > 0);
    }
}
