using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Triage.Tests.Api;

/// <summary>Health, reflection, JSON transcoding, and what the transport does with malformed frames.</summary>
public sealed class HostingTests(TriageHostFixture fixture) : IClassFixture<TriageHostFixture>
{
    private readonly TriageHost _host = fixture.Host;

    [Fact]
    public async Task Health_is_open_to_probes_and_serving()
    {
        var health = new Health.HealthClient(_host.Channel());
        var overall = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, overall.Status);
    }

    [Fact]
    public async Task Reflection_lists_the_triage_service_to_a_keyed_caller()
    {
        var invoker = _host.Channel().CreateCallInvoker();
        var reflection = new ServerReflection.ServerReflectionClient(invoker);
        using var call = reflection.ServerReflectionInfo(new Metadata { { "x-api-key", TestKeys.AcmeIntake } });
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("triage.v1.TriageService", names);
    }

    [Fact]
    public async Task Reflection_needs_a_key()
    {
        var reflection = new ServerReflection.ServerReflectionClient(_host.Channel());
        using var call = reflection.ServerReflectionInfo();
        // The server refuses the call as it opens, before reading any request: writing one first would race
        // that refusal and could surface as CANCELLED on the client side, so only the answer is read.
        await RpcAssert.Fails(StatusCode.Unauthenticated, () => call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task Json_transcoding_reaches_the_service_with_auth_and_validation()
    {
        using var http = _host.CreateClient();
        const string json = """{"ticket": {"ticketId": "W-1", "subject": "환불", "body": "환불 언제 돼요?", "channel": "CHANNEL_WEB_FORM"}}""";

        using var anonymous = await http.PostAsync("/v1/tickets:classify", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var valid = new HttpRequestMessage(HttpMethod.Post, "/v1/tickets:classify") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        valid.Headers.Add("x-api-key", TestKeys.AcmeIntake);
        using var accepted = await http.SendAsync(valid);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var answer = await accepted.Content.ReadAsStringAsync();
        Assert.Contains("\"modelVersion\": \"fake-1\"", answer.Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);

        using var invalid = new HttpRequestMessage(HttpMethod.Post, "/v1/tickets:classify")
        {
            Content = new StringContent("""{"ticket": {"ticketId": "W-1", "body": "   ", "channel": "CHANNEL_CHAT"}}""", Encoding.UTF8, "application/json"),
        };
        invalid.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.AcmeIntake);
        using var refused = await http.SendAsync(invalid);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ticket.body", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"ticket": {"ticketId": "W-1", "body": "x", "channel": "CHANNEL_NOPE"}}""")]
    [InlineData("""{"ticket": {"ticketId": 12, "body": ["x"]}}""")]
    [InlineData("""{"ticket": """)]
    [InlineData("""[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]""")]
    public async Task Malformed_json_is_a_client_error(string json)
    {
        using var http = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tickets:classify") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", TestKeys.AcmeIntake);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_in_json_is_a_client_error()
    {
        using var http = _host.CreateClient();
        var bytes = Encoding.UTF8.GetBytes("""{"ticket": {"ticketId": "W-1", "body": "AB", "channel": "CHANNEL_CHAT"}}""");
        var at = Array.IndexOf(bytes, (byte)'A');
        bytes[at] = 0xFF;
        bytes[at + 1] = 0xFE;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tickets:classify") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("x-api-key", TestKeys.AcmeIntake);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_grpc_message_is_refused_and_the_service_stays_up()
    {
        // grpc-dotnet parses the message before any interceptor runs (and would answer UNKNOWN); the
        // service's StrictRequestBinding makes it INVALID_ARGUMENT, and it hurts nothing else.
        // ClassifyTicketRequest { ticket (1) = Ticket { body (3) = 0xFF 0xFE } }, framed by hand.
        byte[] ticket = [0x1A, 0x02, 0xFF, 0xFE];
        byte[] message = [0x0A, (byte)ticket.Length, .. ticket];
        byte[] frame = [0, 0, 0, 0, (byte)message.Length, .. message];
        using var http = new HttpClient(_host.Server.CreateHandler()) { BaseAddress = _host.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/triage.v1.TriageService/ClassifyTicket")
        {
            Version = HttpVersion.Version20,
            Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.Add("x-api-key", TestKeys.AcmeIntake);
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.Single()
            : response.Headers.GetValues("grpc-status").Single();
        Assert.Equal(((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture), status);

        Assert.Equal("fake-1", (await _host.Client(TestKeys.AcmeIntake).ClassifyTicketAsync(Tickets.Classify())).ModelVersion);
    }
}
