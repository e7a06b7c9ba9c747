using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Triage.Server.Security;

/// <summary>
/// Every call: who is it (API key, or loopback in development mode), may they call this method (role),
/// and are they within their budget (rate). The health service is open so probes need no key.
/// </summary>
public sealed class AuthInterceptor(ApiKeyRegistry keys, KeyRateLimiter limiter) : Interceptor
{
    private const string HealthServicePrefix = "/grpc.health.v1.Health/";
    private const string ReflectionServicePrefix = "/grpc.reflection.";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        if (context.Method.StartsWith(HealthServicePrefix, StringComparison.Ordinal))
        {
            return;
        }

        var caller = Authenticate(context, out var permits);
        var required = RequiredRoles(context);
        if ((caller.Roles & required) == TriageRole.None)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"The API key '{caller.KeyId}' lacks the role this call needs ({Describe(required)})."));
        }

        if (!limiter.TryAcquire(caller, permits))
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Rate limit exceeded for API key '{caller.KeyId}'; retry with backoff."));
        }

        caller.AttachTo(context);
    }

    private CallerIdentity Authenticate(ServerCallContext context, out int? permits)
    {
        var presented = PresentedKey(context.RequestHeaders);
        if (presented is not null)
        {
            if (keys.TryResolve(presented, out var identity, out permits))
            {
                return identity;
            }

            throw new RpcException(new Status(StatusCode.Unauthenticated, "The API key is not valid."));
        }

        permits = null;
        if (keys.OpenToLoopback && ApiKeyRegistry.IsLoopback(context.GetHttpContext().Connection.RemoteIpAddress))
        {
            return ApiKeyRegistry.LoopbackCaller;
        }

        throw new RpcException(new Status(StatusCode.Unauthenticated,
            "An API key is required: send it as 'x-api-key: <key>' or 'authorization: Bearer <key>'."));
    }

    private static string? PresentedKey(Metadata headers)
    {
        var apiKey = headers.GetValue("x-api-key");
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            return apiKey.Trim();
        }

        var authorization = headers.GetValue("authorization");
        const string bearer = "Bearer ";
        return authorization is not null && authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            ? authorization[bearer.Length..].Trim()
            : null;
    }

    private static TriageRole RequiredRoles(ServerCallContext context)
    {
        if (context.Method.StartsWith(ReflectionServicePrefix, StringComparison.Ordinal))
        {
            // Reflection describes the API, nothing more: any valid key may use it.
            return TriageRole.All;
        }

        var attribute = context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<RequireRoleAttribute>();
        return attribute?.Roles ?? TriageRole.None;
    }

    private static string Describe(TriageRole roles) => roles == TriageRole.None
        ? "the method declares no role, so nobody may call it"
        : string.Join(" or ", Enum.GetValues<TriageRole>()
            .Where(r => r is not TriageRole.None and not TriageRole.All && roles.HasFlag(r))
            .Select(r => r.ToString().ToLowerInvariant()));
}
