using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Triage.Tests.Retrieval.Remote.Fake;

/// <summary>A streamed chunk as the fake sent it: its text and the moment it was flushed to the socket.</summary>
public sealed record FakeChatChunk(string Text, long FlushedAt);

/// <summary>
/// What the fake chat model answers and how it streams it. Settable while the server runs, so one server can play a
/// well-behaved model, an echoing one, a slow one and one whose stream breaks off.
/// </summary>
public sealed class FakeChatScript
{
    /// <summary>The reply for a request (the whole JSON body); by default a short polite Korean reply.</summary>
    public Func<JsonObject, string> Reply { get; set; } = _ => "안녕하세요, 고객님. 문의해 주셔서 감사합니다. 확인 후 안내해 드리겠습니다.";

    /// <summary>Characters per streamed content chunk.</summary>
    public int ChunkSize { get; set; } = 8;

    /// <summary>Wait before the first content chunk (after the role chunk), as a model "thinking".</summary>
    public TimeSpan FirstChunkDelay { get; set; }

    /// <summary>Wait between content chunks.</summary>
    public TimeSpan ChunkDelay { get; set; }

    /// <summary>Stop after this many content chunks without a finish reason or <c>[DONE]</c>.</summary>
    public int? CutAfterChunks { get; set; }

    /// <summary>How the stream is cut: a reset connection (true) or a response that simply ends early (false).</summary>
    public bool CutAbruptly { get; set; } = true;

    /// <summary>Every content chunk streamed, with the moment it was flushed.</summary>
    public ConcurrentQueue<FakeChatChunk> Sent { get; } = new();

    internal void Record(string text) => Sent.Enqueue(new FakeChatChunk(text, Stopwatch.GetTimestamp()));

    /// <summary>All message contents of a request, joined: what an "echo" model would repeat.</summary>
    public static string Prompt(JsonObject body) => string.Join("\n", Messages(body).Select(m => m.Content));

    /// <summary>The request's messages as (role, text); content may be a string or an array of text parts.</summary>
    public static IReadOnlyList<(string Role, string Content)> Messages(JsonObject body) =>
        (body["messages"]?.AsArray() ?? []).Select(m => (
            m?["role"]?.GetValue<string>() ?? "",
            m?["content"] switch
            {
                JsonValue v => v.GetValue<string>(),
                JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
                _ => "",
            })).ToList();
}
