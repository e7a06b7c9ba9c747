using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Triage.Api.V1;
using Triage.Tests.Api;

namespace Triage.Tests.BadInput;

/// <summary>
/// Runs <see cref="BadInputCorpus"/>: each case over gRPC (raw bytes, so broken payloads go out as they
/// are) and over HTTP/JSON, asserting the exact status and the field named, then that the service still
/// answers a good request on the same transport.
/// </summary>
public sealed class BadInputTests(BadInputHostFixture fixture) : IClassFixture<BadInputHostFixture>
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>HTTP statuses of JSON transcoding for the gRPC codes the corpus expects.</summary>
    private static readonly Dictionary<StatusCode, HttpStatusCode> HttpStatus = new()
    {
        [StatusCode.OK] = HttpStatusCode.OK,
        [StatusCode.InvalidArgument] = HttpStatusCode.BadRequest,
        [StatusCode.Unauthenticated] = HttpStatusCode.Unauthorized,
        [StatusCode.PermissionDenied] = HttpStatusCode.Forbidden,
        [StatusCode.NotFound] = HttpStatusCode.NotFound,
        [StatusCode.AlreadyExists] = HttpStatusCode.Conflict,
        [StatusCode.ResourceExhausted] = HttpStatusCode.TooManyRequests,
    };

    private readonly GrpcChannel _channel = fixture.Host.Channel();

    public static TheoryData<string> GrpcCases() => new(BadInputCorpus.All.Where(c => c.Grpc is not null).Select(c => c.Name));

    public static TheoryData<string> JsonCases() => new(BadInputCorpus.All.Where(c => c.Json is not null && c.Route is not null).Select(c => c.Name));

    [Fact]
    public void The_corpus_covers_what_issue_8_lists()
    {
        var names = BadInputCorpus.All.Select(c => c.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(BadInputCorpus.NoiseSamples().Count(), names.Count(n => n.StartsWith("noise sample", StringComparison.Ordinal)));
        Assert.True(GrpcCases().Count >= 60 && JsonCases().Count >= 60, $"{GrpcCases().Count} gRPC and {JsonCases().Count} JSON cases");
    }

    [Theory]
    [MemberData(nameof(GrpcCases))]
    public async Task Over_grpc(string name)
    {
        var entry = BadInputCorpus.Named(name);
        var method = new Method<byte[], byte[]>(MethodType.Unary, TriageService.Descriptor.FullName, entry.Method, Bytes, Bytes);
        var headers = new Metadata();
        if (entry.Key is not null)
        {
            headers.Add("x-api-key", entry.Key);
        }

        var call = () => _channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(headers), entry.Grpc!).ResponseAsync;
        if (entry.Expected.Code == StatusCode.OK)
        {
            await call();
        }
        else
        {
            var ex = await RpcAssert.Fails(entry.Expected.Code, call);
            Assert.NotEmpty(ex.Status.Detail);
            if (entry.Expected.Detail is { } detail)
            {
                Assert.Contains(detail, ex.Status.Detail, StringComparison.Ordinal);
            }

            if (entry.Expected.Field is { } field)
            {
                var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
                Assert.NotNull(badRequest);
                Assert.Contains(badRequest!.FieldViolations, v => v.Field == field);
            }
        }

        await StillServesGrpc();
    }

    [Theory]
    [MemberData(nameof(JsonCases))]
    public async Task Over_json(string name)
    {
        var entry = BadInputCorpus.Named(name);
        var expected = entry.JsonExpected ?? entry.Expected;
        using var http = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, entry.Route) { Content = new ByteArrayContent(entry.Json!) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (entry.Key is not null)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", entry.Key);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatus[expected.Code], $"expected {HttpStatus[expected.Code]}, got {response.StatusCode}: {text}");
        if (expected.Code != StatusCode.OK)
        {
            using var body = JsonDocument.Parse(text);
            Assert.Equal((int)expected.Code, body.RootElement.GetProperty("code").GetInt32());
            var message = body.RootElement.GetProperty("message").GetString();
            Assert.False(string.IsNullOrWhiteSpace(message));
            if (expected.Detail is { } detail)
            {
                Assert.Contains(detail, message, StringComparison.Ordinal);
            }

            if (expected.Field is { } field)
            {
                var fields = body.RootElement.GetProperty("details").EnumerateArray()
                    .SelectMany(d => d.TryGetProperty("fieldViolations", out var v) ? v.EnumerateArray() : Enumerable.Empty<JsonElement>())
                    .Select(v => v.GetProperty("field").GetString());
                Assert.Contains(field, fields);
            }
        }

        await StillServesJson(http);
    }

    private async Task StillServesGrpc()
    {
        var client = new TriageService.TriageServiceClient(_channel);
        var answer = await client.ClassifyTicketAsync(Tickets.Classify(), new Metadata { { "x-api-key", TestKeys.AcmeIntake } });
        Assert.Equal("fake-1", answer.ModelVersion);
    }

    private static async Task StillServesJson(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tickets:classify")
        {
            Content = new StringContent("""{"ticket": {"ticketId": "W-OK", "body": "환불 언제 돼요?", "channel": "CHANNEL_WEB_FORM"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", TestKeys.AcmeIntake);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
