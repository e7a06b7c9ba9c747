using Google.Protobuf;
using Grpc.Core;

namespace Triage.Tests.BadInput;

/// <summary>What a case must get: a status code, the field its google.rpc.BadRequest names, words of its message.</summary>
public sealed record Expect(StatusCode Code, string? Field = null, string? Detail = null)
{
    public static Expect Ok { get; } = new(StatusCode.OK);

    public static Expect Invalid(string field) => new(StatusCode.InvalidArgument, field);

    /// <summary>INVALID_ARGUMENT that cannot name a field (the JSON did not parse): the message says what is wrong.</summary>
    public static Expect Unparsable(string detail) => new(StatusCode.InvalidArgument, null, detail);
}

/// <summary>
/// One entry of the bad-input corpus: a call and its payload over gRPC (protobuf bytes, possibly
/// hand-broken) and/or HTTP/JSON (bytes, possibly not even UTF-8), with what each must get.
/// </summary>
public sealed record BadInputCase(string Name, string Method, Expect Expected)
{
    /// <summary>The API key sent as <c>x-api-key</c>; null sends none.</summary>
    public string? Key { get; init; } = Api.TestKeys.AcmeIntake;

    /// <summary>The serialized request message; null when the case is JSON-only.</summary>
    public byte[]? Grpc { get; init; }

    /// <summary>The HTTP request body; null when the case is gRPC-only or the method has no HTTP route.</summary>
    public byte[]? Json { get; init; }

    /// <summary>Where the JSON side must answer differently (say the transport's size limit is gRPC's only).</summary>
    public Expect? JsonExpected { get; init; }

    public string? Route => Routes.GetValueOrDefault(Method);

    public override string ToString() => Name;

    private static readonly Dictionary<string, string> Routes = new()
    {
        ["TriageTicket"] = "/v1/tickets:triage",
        ["ClassifyTicket"] = "/v1/tickets:classify",
        ["FindSimilarCases"] = "/v1/cases:search",
        ["DraftReply"] = "/v1/tickets:draft",
        ["SubmitReview"] = "/v1/reviews",
    };

    /// <summary>The same request over both transports: protobuf bytes, and the canonical proto3 JSON of it.</summary>
    public static BadInputCase Both(string name, string method, IMessage request, Expect expected, Expect? json = null) =>
        new(name, method, expected)
        {
            Grpc = request.ToByteArray(),
            Json = Routes.ContainsKey(method) ? System.Text.Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(request)) : null,
            JsonExpected = json,
        };

    public static BadInputCase GrpcOnly(string name, string method, byte[] payload, Expect expected) =>
        new(name, method, expected) { Grpc = payload };

    public static BadInputCase JsonOnly(string name, string method, byte[] body, Expect expected) =>
        new(name, method, expected) { Json = body };

    public static BadInputCase JsonOnly(string name, string method, string body, Expect expected) =>
        JsonOnly(name, method, System.Text.Encoding.UTF8.GetBytes(body), expected);
}
