using System.Collections.Concurrent;
using Grpc.Core;
using Triage.Retrieval.Qdrant.Wire;

namespace Triage.Tests.Retrieval.Qdrant.Fake;

/// <summary>The fake server's collections, reachable by tests directly to arrange a state (a collection made by someone else) or break one (drop it).</summary>
public sealed class FakeQdrantStore
{
    private readonly ConcurrentDictionary<string, FakeCollection> _collections = new(StringComparer.Ordinal);

    /// <summary>How long a write sent without wait=true stays invisible.</summary>
    public TimeSpan UnwaitedDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    public bool Exists(string name) => _collections.ContainsKey(name);

    public void Create(string name, ulong size, Distance distance)
    {
        if (name.Length == 0 || size == 0 || distance == Distance.UnknownDistance)
        {
            throw FakePoint.Fail(StatusCode.InvalidArgument, "Wrong input: collection name, vector size and distance are required");
        }

        if (!_collections.TryAdd(name, new FakeCollection(name, size, distance, UnwaitedDelay)))
        {
            throw FakePoint.Fail(StatusCode.AlreadyExists, $"Wrong input: Collection `{name}` already exists!");
        }
    }

    public bool Drop(string name) => _collections.TryRemove(name, out _);

    internal FakeCollection this[string name] =>
        _collections.TryGetValue(name, out var c) ? c : throw FakePoint.Fail(StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!");

    /// <summary>Which index, if any, the client created on a payload field.</summary>
    public (bool IsTenant, PayloadSchemaType Type)? IndexOf(string collection, string field) => this[collection].IndexOf(field);
}
