using Microsoft.Extensions.Options;

namespace Triage.Server.Model;

/// <summary>
/// Loads the active bundle at start-up and again whenever it changes: a file-system watcher on its
/// directory (which sees the atomic rename `triage train` promotes with) plus a slow poll for the
/// mounts where watchers miss events. Start-up does not fail without a model: readiness says why.
/// </summary>
public sealed class ModelWatcher(ModelHolder holder, IOptions<ModelOptions> options, ILogger<ModelWatcher> logger) : BackgroundService
{
    /// <summary>The first load happens before the host starts serving, so the first call finds the model.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changed = System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1)
        {
            FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite,
        });
        using var watcher = CreateWatcher(() => changed.Writer.TryWrite(true));
        // The file may have changed between StartAsync's load and the watcher starting.
        await TryReloadAsync(stoppingToken);

        using var timer = new PeriodicTimer(options.Value.PollInterval);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            var signal = changed.Reader.WaitToReadAsync(stoppingToken).AsTask();
            var winner = await Task.WhenAny(tick, signal);
            if (winner == tick)
            {
                if (!await tick)
                {
                    break;
                }

                tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            }
            else
            {
                changed.Reader.TryRead(out _);
                // A writer may still be finishing: let the burst of events settle before loading.
                await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);
                changed.Reader.TryRead(out _);
            }

            await TryReloadAsync(stoppingToken);
        }
    }

    private FileSystemWatcher? CreateWatcher(Action onChange)
    {
        var directory = Path.GetDirectoryName(holder.ActivePath);
        if (directory is null || !Directory.Exists(directory))
        {
            logger.LogWarning("Model directory {Directory} does not exist; polling only", directory);
            return null;
        }

        var watcher = new FileSystemWatcher(directory, Path.GetFileName(holder.ActivePath))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => onChange();
        watcher.Created += (_, _) => onChange();
        watcher.Renamed += (_, _) => onChange();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private async Task TryReloadAsync(CancellationToken ct)
    {
        try
        {
            await holder.ReloadAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
        {
            // Already logged by the holder (or simply absent); the previous model keeps serving.
            logger.LogDebug(ex, "Model reload skipped");
        }
    }
}
