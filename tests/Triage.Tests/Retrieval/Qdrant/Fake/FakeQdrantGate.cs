using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Triage.Tests.Retrieval.Qdrant.Fake;

/// <summary>
/// In front of every fake method: logs the call, checks the <c>api-key</c> header as Qdrant does when a key is
/// configured (its health check stays open), then applies injected delays and failures.
/// </summary>
internal sealed class FakeQdrantGate(FakeQdrantFaults faults, FakeQdrantAuth auth) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var sent = context.RequestHeaders.GetValue("api-key");
        faults.Calls.Enqueue(new FakeCall(context.Method, (IMessage)request, context.Deadline, sent));
        if (auth.ApiKey is { } expected && context.Method != QdrantMethods.HealthCheck)
        {
            if (sent != expected)
            {
                throw FakePoint.Fail(StatusCode.Unauthenticated,
                    sent is null ? "Must provide an API key or an Authorization bearer token" : "Invalid API key or JWT");
            }
        }

        var delay = faults.DelayFor(context.Method);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.CancellationToken);
        }

        if (faults.FailureFor(context.Method) is { } code)
        {
            throw FakePoint.Fail(code, $"injected {code}");
        }

        return await continuation(request, context);
    }
}

internal sealed record FakeQdrantAuth(string? ApiKey);
