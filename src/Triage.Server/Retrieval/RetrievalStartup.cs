namespace Triage.Server.Retrieval;

/// <summary>Runs retrieval's start-up before the host serves, so the first ticket finds the index ready.</summary>
public sealed class RetrievalStartup(RetrievalRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
