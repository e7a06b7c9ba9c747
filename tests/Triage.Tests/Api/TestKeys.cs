using Triage.Core.Security;
using Triage.Server.Security;

namespace Triage.Tests.Api;

/// <summary>The keys the test host is configured with: two tenants, every role, one tightly limited key.</summary>
internal static class TestKeys
{
    public const string AcmeIntake = "test-acme-intake-key";
    public const string AcmeAgent = "test-acme-agent-key";
    public const string AcmeAdmin = "test-acme-admin-key";
    public const string GlobexIntake = "test-globex-intake-key";
    public const string Throttled = "test-throttled-key";

    public static IEnumerable<KeyValuePair<string, string?>> Configuration()
    {
        var keys = new (string Id, string Key, string Tenant, string Role, int? Permits)[]
        {
            ("acme-intake", AcmeIntake, "acme", "intake", null),
            ("acme-agent", AcmeAgent, "acme", "agent", null),
            ("acme-admin", AcmeAdmin, "acme", "admin", null),
            ("globex-intake", GlobexIntake, "globex", "intake", null),
            ("throttled", Throttled, "acme", "intake", 1),
        };
        for (var i = 0; i < keys.Length; i++)
        {
            var prefix = $"{ApiKeyOptions.Section}:ApiKeys:{i}";
            yield return new($"{prefix}:Id", keys[i].Id);
            yield return new($"{prefix}:Sha256", ApiKeyHash.Of(keys[i].Key));
            yield return new($"{prefix}:Tenant", keys[i].Tenant);
            yield return new($"{prefix}:Roles:0", keys[i].Role);
            if (keys[i].Permits is { } permits)
            {
                yield return new($"{prefix}:PermitsPerSecond", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
