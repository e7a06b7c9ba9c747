namespace Triage.Tests.Api;

/// <summary>One in-process host shared by a test class.</summary>
public sealed class TriageHostFixture : IDisposable
{
    public TriageHost Host { get; } = new();

    public void Dispose() => Host.Dispose();
}
