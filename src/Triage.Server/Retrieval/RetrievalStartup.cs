namespace Triage.Server.Retrieval;

/// <summary>
/// Brings retrieval up before the host serves, so the first ticket finds the index ready; if the
/// index (or the embedding endpoint) is down at that moment, keeps retrying in the background, so the
/// service recovers without a restart. Meanwhile calls degrade and readiness says why.
/// </summary>
public sealed class RetrievalStartup(RetrievalRuntime runtime, ILogger<RetrievalStartup> logger) : BackgroundService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(10);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await runtime.InitializeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RetryEvery);
        while (runtime.Search is null && await timer.WaitForNextTickAsync(stoppingToken))
        {
            logger.LogInformation("Retrying retrieval start-up");
            await runtime.InitializeAsync(stoppingToken);
        }
    }
}
