using System.Net;
using Microsoft.Extensions.Options;
using Triage.Core.Security;

namespace Triage.Server.Security;

/// <summary>
/// Resolves a presented key to its identity. With no keys configured the service is in development
/// mode: loopback callers only, as tenant <c>default</c> with every role.
/// </summary>
public sealed class ApiKeyRegistry
{
    public const string DefaultTenant = "default";
    private readonly Dictionary<string, (CallerIdentity Identity, int? Permits)> _byHash;

    public ApiKeyRegistry(IOptions<ApiKeyOptions> options)
    {
        _byHash = options.Value.ApiKeys.ToDictionary(
            k => k.Sha256,
            k => (new CallerIdentity(k.Id, k.Tenant, RoleNames.Parse(k.Roles)), k.PermitsPerSecond),
            StringComparer.Ordinal);
    }

    public bool OpenToLoopback => _byHash.Count == 0;

    public static CallerIdentity LoopbackCaller { get; } = new("loopback", DefaultTenant, TriageRole.All);

    public bool TryResolve(string presentedKey, out CallerIdentity identity, out int? permitsPerSecond)
    {
        if (_byHash.TryGetValue(ApiKeyHash.Of(presentedKey), out var entry))
        {
            identity = entry.Identity;
            permitsPerSecond = entry.Permits;
            return true;
        }

        identity = null!;
        permitsPerSecond = null;
        return false;
    }

    public static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
