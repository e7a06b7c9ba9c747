using Grpc.Core;
using Triage.Api.V1;

namespace Triage.Tests.Api;

public sealed class AuthTests(TriageHostFixture fixture) : IClassFixture<TriageHostFixture>
{
    private readonly TriageHost _host = fixture.Host;

    [Fact]
    public async Task A_call_without_a_key_is_unauthenticated()
    {
        var ex = await RpcAssert.Fails(StatusCode.Unauthenticated, () => _host.Client(null).ClassifyTicketAsync(Tickets.Classify()).ResponseAsync);
        Assert.Contains("x-api-key", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_unauthenticated()
    {
        await RpcAssert.Fails(StatusCode.Unauthenticated, () => _host.Client("not-a-key").ClassifyTicketAsync(Tickets.Classify()).ResponseAsync);
    }

    [Fact]
    public async Task A_key_sent_as_bearer_token_is_accepted()
    {
        var client = new TriageService.TriageServiceClient(_host.Channel());
        var headers = new Metadata { { "authorization", "Bearer " + TestKeys.AcmeIntake } };
        var response = await client.ClassifyTicketAsync(Tickets.Classify(), headers);
        Assert.Equal("fake-1", response.ModelVersion);
    }

    [Fact]
    public async Task A_key_without_the_role_is_permission_denied()
    {
        var intake = _host.Client(TestKeys.AcmeIntake);
        var review = new SubmitReviewRequest { ReviewId = "R1", DraftId = "D1", Decision = ReviewDecision.Accepted, RepresentativeId = "rep-1" };
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => intake.SubmitReviewAsync(review).ResponseAsync);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => intake.DeleteCaseAsync(new DeleteCaseRequest { CaseId = "c1" }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => intake.ReloadModelAsync(new ReloadModelRequest()).ResponseAsync);
        var agent = _host.Client(TestKeys.AcmeAgent);
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => agent.TriageTicketAsync(new TriageTicketRequest { Ticket = Tickets.Valid() }).ResponseAsync);
    }

    [Fact]
    public async Task A_key_with_the_role_gets_through_to_the_method()
    {
        var admin = _host.Client(TestKeys.AcmeAdmin);
        Assert.False((await admin.DeleteCaseAsync(new DeleteCaseRequest { CaseId = "no-such-case" })).Deleted);
        var agent = _host.Client(TestKeys.AcmeAgent);
        var review = new SubmitReviewRequest { ReviewId = "R1", DraftId = "D1", Decision = ReviewDecision.Accepted, RepresentativeId = "rep-1" };
        // Through to the method, which finds no such draft.
        await RpcAssert.Fails(StatusCode.NotFound, () => agent.SubmitReviewAsync(review).ResponseAsync);
    }

    [Fact]
    public async Task Authentication_comes_before_validation()
    {
        // An invalid request from an unknown caller learns nothing about the validation rules.
        await RpcAssert.Fails(StatusCode.Unauthenticated, () => _host.Client("nope").ClassifyTicketAsync(new ClassifyTicketRequest()).ResponseAsync);
    }

    [Fact]
    public async Task A_key_over_its_rate_is_resource_exhausted()
    {
        var client = _host.Client(TestKeys.Throttled);
        var codes = new List<StatusCode>();
        for (var i = 0; i < 6; i++)
        {
            try
            {
                await client.ClassifyTicketAsync(Tickets.Classify());
                codes.Add(StatusCode.OK);
            }
            catch (RpcException ex)
            {
                codes.Add(ex.StatusCode);
            }
        }

        Assert.Equal(StatusCode.OK, codes[0]);
        Assert.Contains(StatusCode.ResourceExhausted, codes);
        // Another key is unaffected by the throttled one.
        Assert.Equal("fake-1", (await _host.Client(TestKeys.AcmeIntake).ClassifyTicketAsync(Tickets.Classify())).ModelVersion);
    }

    [Fact]
    public async Task With_no_keys_configured_a_non_loopback_caller_is_refused()
    {
        using var open = new TriageHost(withKeys: false);
        // TestServer has no remote address: it is not loopback, so development mode must refuse it.
        await RpcAssert.Fails(StatusCode.Unauthenticated, () => open.Client(null).ClassifyTicketAsync(Tickets.Classify()).ResponseAsync);
    }
}
