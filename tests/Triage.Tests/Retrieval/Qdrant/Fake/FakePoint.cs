using Google.Protobuf.Collections;
using Grpc.Core;
using Triage.Retrieval.Qdrant.Wire;

namespace Triage.Tests.Retrieval.Qdrant.Fake;

/// <summary>A stored point: its id in canonical form, its vector as stored (normalized under cosine, as Qdrant does), its payload.</summary>
internal sealed record FakePoint(PointId Id, float[] Vector, MapField<string, Value> Payload, ulong Version)
{
    /// <summary>Qdrant keys points by number or by UUID, and prints a UUID in lower-case hyphenated form whatever form it was sent in.</summary>
    public static (string Key, PointId Canonical) Identify(PointId? id) => id?.PointIdOptionsCase switch
    {
        PointId.PointIdOptionsOneofCase.Num => ($"n:{id.Num}", new PointId { Num = id.Num }),
        PointId.PointIdOptionsOneofCase.Uuid when Guid.TryParse(id.Uuid, out var uuid) => ($"u:{uuid:D}", new PointId { Uuid = uuid.ToString("D") }),
        PointId.PointIdOptionsOneofCase.Uuid => throw Fail(StatusCode.InvalidArgument, $"Unable to parse UUID: {id.Uuid}"),
        _ => throw Fail(StatusCode.InvalidArgument, "Wrong input: point id is missing"),
    };

    /// <summary>The forms a real server accepts for a single unnamed vector: the packed <c>data</c> field or <c>dense</c>.</summary>
    public static float[] ReadVector(Vectors? vectors, ulong size)
    {
        var vector = vectors?.Vector ?? throw Fail(StatusCode.InvalidArgument, "Wrong input: point has no vector");
        var data = vector.Data.Count > 0 ? vector.Data.ToArray() : vector.Dense?.Data.ToArray() ?? [];
        return (ulong)data.Length == size
            ? data
            : throw Fail(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {size}, got {data.Length}");
    }

    public static RpcException Fail(StatusCode code, string detail) => new(new Status(code, detail));
}
