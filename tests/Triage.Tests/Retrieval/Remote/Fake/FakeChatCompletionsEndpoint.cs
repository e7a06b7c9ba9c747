using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Triage.Tests.Retrieval.Remote.Fake;

/// <summary>
/// POST /v1/chat/completions (and Azure's deployment route) as OpenAI documents it: a <c>chat.completion</c> object, or
/// with <c>"stream": true</c> server-sent events of <c>chat.completion.chunk</c> objects (role first, then content
/// deltas, then an empty delta with the finish reason), closed by <c>data: [DONE]</c>. Each event is flushed on its own
/// so a client's time to first token is measurable.
/// </summary>
internal static class FakeChatCompletionsEndpoint
{
    public static IResult Handle(HttpContext http, FakeChatScript script, string? deployment)
    {
        var body = FakeOpenAiGate.Body(http);
        var model = deployment ?? body["model"]?.GetValue<string>();
        if (string.IsNullOrEmpty(model))
        {
            return FakeOpenAiErrors.Result(400, "you must provide a model parameter");
        }

        if (body["messages"] is not JsonArray { Count: > 0 })
        {
            return FakeOpenAiErrors.Result(400, "'messages' must be a non-empty array.");
        }

        var reply = script.Reply(body);
        return body["stream"]?.GetValue<bool>() == true ? new StreamResult(script, model, reply) : Results.Content(Completion(model, reply).ToJsonString(), "application/json");
    }

    private static JsonObject Completion(string model, string reply) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = "stop",
        }),
        ["usage"] = Usage(reply),
    };

    private static JsonObject Chunk(string model, JsonObject delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion.chunk",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }),
    };

    private static JsonObject Usage(string reply) => new()
    {
        ["prompt_tokens"] = 10,
        ["completion_tokens"] = reply.Length,
        ["total_tokens"] = 10 + reply.Length,
    };

    private sealed class StreamResult(FakeChatScript script, string model, string reply) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var ct = http.RequestAborted;
            http.Response.StatusCode = 200;
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            await SendAsync(http, Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null), ct);
            try
            {
                await Task.Delay(script.FirstChunkDelay, ct);
                var sent = 0;
                for (var i = 0; i < reply.Length; i += script.ChunkSize)
                {
                    if (sent == script.CutAfterChunks)
                    {
                        if (script.CutAbruptly)
                        {
                            // A reset discards what the client has not read yet; let the sent chunks land first, as they
                            // would from a server that dies some time into its answer.
                            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
                            http.Abort();
                        }

                        return;
                    }

                    if (sent > 0)
                    {
                        await Task.Delay(script.ChunkDelay, ct);
                    }

                    var text = reply.Substring(i, Math.Min(script.ChunkSize, reply.Length - i));
                    await SendAsync(http, Chunk(model, new JsonObject { ["content"] = text }, null), ct);
                    script.Record(text);
                    sent++;
                }

                await SendAsync(http, Chunk(model, [], "stop"), ct);
                await http.Response.WriteAsync("data: [DONE]\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (its deadline); nobody is listening any more.
            }
        }

        private static async Task SendAsync(HttpContext http, JsonObject chunk, CancellationToken ct)
        {
            await http.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
        }
    }
}
