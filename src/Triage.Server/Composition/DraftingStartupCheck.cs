using Triage.Core.Drafting;

namespace Triage.Server.Composition;

/// <summary>
/// Resolves the configured drafter at start-up, so a misconfigured LLM endpoint stops the host with a
/// message naming the setting instead of failing the first ticket.
/// </summary>
public sealed class DraftingStartupCheck(IServiceProvider services, ILogger<DraftingStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var drafter = services.GetRequiredService<IReplyDrafter>();
        logger.LogInformation("Drafting with {Drafter}", drafter.Name);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
