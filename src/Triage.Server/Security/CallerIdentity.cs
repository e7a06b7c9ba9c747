using Grpc.Core;

namespace Triage.Server.Security;

/// <summary>Who is calling: the key's id (for logs and rate limits), its tenant and its roles.</summary>
public sealed record CallerIdentity(string KeyId, string Tenant, TriageRole Roles)
{
    private const string UserStateKey = "triage.caller";

    internal void AttachTo(ServerCallContext context) => context.UserState[UserStateKey] = this;

    /// <summary>The identity the interceptor attached; absent only if the interceptor did not run, which is a bug.</summary>
    public static CallerIdentity Of(ServerCallContext context) =>
        context.UserState.TryGetValue(UserStateKey, out var value) && value is CallerIdentity caller
            ? caller
            : throw new InvalidOperationException("No caller identity: the authentication interceptor did not run.");
}
