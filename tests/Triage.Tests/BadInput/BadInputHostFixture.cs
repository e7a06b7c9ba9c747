using Triage.Core.Security;
using Triage.Server.Security;
using Triage.Tests.Api;
using Triage.Tests.Serving;

namespace Triage.Tests.BadInput;

/// <summary>The test host with two more keys for tenant globex, so another tenant can try acme's drafts and cases.</summary>
public sealed class BadInputHostFixture : IAsyncLifetime
{
    public const string GlobexAgent = "test-globex-agent-key";
    public const string GlobexAdmin = "test-globex-admin-key";

    public TriageHost Host { get; } = new TriageHost()
        .With($"{ApiKeyOptions.Section}:ApiKeys:5:Id", "globex-agent")
        .With($"{ApiKeyOptions.Section}:ApiKeys:5:Sha256", ApiKeyHash.Of(GlobexAgent))
        .With($"{ApiKeyOptions.Section}:ApiKeys:5:Tenant", "globex")
        .With($"{ApiKeyOptions.Section}:ApiKeys:5:Roles:0", "agent")
        .With($"{ApiKeyOptions.Section}:ApiKeys:6:Id", "globex-admin")
        .With($"{ApiKeyOptions.Section}:ApiKeys:6:Sha256", ApiKeyHash.Of(GlobexAdmin))
        .With($"{ApiKeyOptions.Section}:ApiKeys:6:Tenant", "globex")
        .With($"{ApiKeyOptions.Section}:ApiKeys:6:Roles:0", "admin");

    public Task InitializeAsync() => FakeBundleLoader.WriteAsync(Host.ModelPath, "fake-1");

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}
