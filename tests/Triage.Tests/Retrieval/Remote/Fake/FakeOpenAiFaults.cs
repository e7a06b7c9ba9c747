using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Triage.Tests.Retrieval.Remote.Fake;

/// <summary>A request as the server saw it, whether or not it was accepted.</summary>
public sealed record FakeOpenAiCall(string Route, string Path, string Query, string? Authorization, string? ApiKeyHeader, JsonObject? Body);

/// <summary>What the fake server does wrong on purpose, and what it was asked.</summary>
public sealed class FakeOpenAiFaults
{
    private readonly ConcurrentDictionary<string, Countdown<(int Status, TimeSpan? RetryAfter)>> _failures = new();
    private readonly ConcurrentDictionary<string, Countdown<TimeSpan>> _delays = new();
    private readonly ConcurrentDictionary<string, Countdown<(int Status, string Body, string ContentType)>> _answers = new();

    /// <summary>Every request that reached a route, in arrival order.</summary>
    public ConcurrentQueue<FakeOpenAiCall> Calls { get; } = new();

    /// <summary>The next <paramref name="times"/> requests to the route get this status, with an OpenAI-style error body.</summary>
    public void Fail(string route, int status, int times = int.MaxValue, TimeSpan? retryAfter = null)
        => _failures[route] = new Countdown<(int, TimeSpan?)>((status, retryAfter), times);

    /// <summary>The next <paramref name="times"/> requests wait this long before being handled (a hang, when long).</summary>
    public void Delay(string route, TimeSpan delay, int times = int.MaxValue) => _delays[route] = new Countdown<TimeSpan>(delay, times);

    /// <summary>The next <paramref name="times"/> requests get exactly this response instead of the handler's:
    /// for answers a well-behaved server would never give (a proxy's HTML page, truncated JSON, a wrong shape).</summary>
    public void Answer(string route, int status, string body, string contentType = "application/json", int times = int.MaxValue)
        => _answers[route] = new Countdown<(int, string, string)>((status, body, contentType), times);

    public int CallsTo(string route) => Calls.Count(c => c.Route == route);

    public IReadOnlyList<FakeOpenAiCall> CallsOf(string route) => Calls.Where(c => c.Route == route).ToList();

    internal TimeSpan? TakeDelay(string route) => _delays.TryGetValue(route, out var d) && d.TryTake(out var delay) ? delay : null;

    internal (int Status, TimeSpan? RetryAfter)? TakeFailure(string route)
        => _failures.TryGetValue(route, out var f) && f.TryTake(out var failure) ? failure : null;

    internal (int Status, string Body, string ContentType)? TakeAnswer(string route)
        => _answers.TryGetValue(route, out var a) && a.TryTake(out var answer) ? answer : null;

    private sealed class Countdown<T>(T value, int times)
    {
        private int _left = times;

        public bool TryTake(out T taken)
        {
            taken = value;
            if (Volatile.Read(ref _left) == int.MaxValue)
            {
                return true;
            }

            return Interlocked.Decrement(ref _left) >= 0;
        }
    }
}
