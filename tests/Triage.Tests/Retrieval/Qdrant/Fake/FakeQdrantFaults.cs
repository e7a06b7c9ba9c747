using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;

namespace Triage.Tests.Retrieval.Qdrant.Fake;

/// <summary>Full gRPC method names, as the fault switches and the call log name them.</summary>
public static class QdrantMethods
{
    public const string HealthCheck = "/qdrant.Qdrant/HealthCheck";
    public const string GetCollection = "/qdrant.Collections/Get";
    public const string CreateCollection = "/qdrant.Collections/Create";
    public const string Upsert = "/qdrant.Points/Upsert";
    public const string DeletePoints = "/qdrant.Points/Delete";
    public const string GetPoints = "/qdrant.Points/Get";
    public const string CreateFieldIndex = "/qdrant.Points/CreateFieldIndex";
    public const string Count = "/qdrant.Points/Count";
    public const string Query = "/qdrant.Points/Query";
}

/// <summary>A call as the server saw it: the request, the client's deadline (MaxValue when none) and its api-key header.</summary>
public sealed record FakeCall(string Method, IMessage Request, DateTime Deadline, string? ApiKey);

/// <summary>What the fake server does wrong on purpose, and what it was asked.</summary>
public sealed class FakeQdrantFaults
{
    private readonly ConcurrentDictionary<string, (StatusCode Code, int Remaining)> _failures = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new();
    private int _waitTimeouts;

    /// <summary>Reported by HealthCheck.</summary>
    public string Version { get; set; } = "1.13.2";

    /// <summary>Every call that reached the server (authenticated or not), in arrival order.</summary>
    public ConcurrentQueue<FakeCall> Calls { get; } = new();

    public void Fail(string method, StatusCode code, int times = int.MaxValue) => _failures[method] = (code, times);

    public void Delay(string method, TimeSpan delay) => _delays[method] = delay;

    /// <summary>The next <paramref name="times"/> upserts are applied but answered WaitTimeout, as an overloaded server does.</summary>
    public void ReportWaitTimeout(int times) => Interlocked.Exchange(ref _waitTimeouts, times);

    public int CallsTo(string method) => Calls.Count(c => c.Method == method);

    public IReadOnlyList<T> Requests<T>(string method) where T : IMessage => Calls.Where(c => c.Method == method).Select(c => (T)c.Request).ToList();

    internal TimeSpan DelayFor(string method) => _delays.TryGetValue(method, out var d) ? d : TimeSpan.Zero;

    internal StatusCode? FailureFor(string method)
    {
        while (_failures.TryGetValue(method, out var f))
        {
            if (f.Remaining <= 0)
            {
                return null;
            }

            if (_failures.TryUpdate(method, (f.Code, f.Remaining == int.MaxValue ? f.Remaining : f.Remaining - 1), f))
            {
                return f.Code;
            }
        }

        return null;
    }

    internal bool TakeWaitTimeout()
    {
        var left = Volatile.Read(ref _waitTimeouts);
        while (left > 0)
        {
            var seen = Interlocked.CompareExchange(ref _waitTimeouts, left - 1, left);
            if (seen == left)
            {
                return true;
            }

            left = seen;
        }

        return false;
    }
}
