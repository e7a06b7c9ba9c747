using Microsoft.Extensions.Options;
using Triage.Core.Classification;
using Triage.Core.Health;

namespace Triage.Server.Model;

/// <summary>
/// Holds the serving model and swaps it atomically when the active bundle file changes (written or
/// renamed into place). A request reads <see cref="Current"/> once, so it never mixes two versions;
/// a bundle that fails to load is refused and the previous model keeps serving.
/// </summary>
public sealed class ModelHolder(
    IModelBundleLoader loader,
    IOptions<ModelOptions> options,
    IHostEnvironment environment,
    ILogger<ModelHolder> logger) : IModelSource, IReadinessProbe, IDisposable
{
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private volatile Loaded? _loaded;
    private string? _lastError;

    private sealed record Loaded(IClassifierModel Model, string Path, DateTimeOffset LoadedAt, BundleStamp Stamp);

    public IClassifierModel? Current => _loaded?.Model;

    public string? SourcePath => _loaded?.Path;

    public DateTimeOffset? LoadedAt => _loaded?.LoadedAt;

    public string ActivePath => Path.GetFullPath(options.Value.ActivePath, environment.ContentRootPath);

    public string Name => "model";

    public void Dispose() => _reloadLock.Dispose();

    public Readiness Check() => _loaded is { } loaded
        ? Readiness.Ready($"serving {loaded.Model.Description.Version}")
        : Readiness.NotReady(_lastError ?? $"no model loaded from {ActivePath}");

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await _reloadLock.WaitAsync(ct);
        try
        {
            var path = ActivePath;
            var stamp = BundleStamp.Of(path) ?? throw new FileNotFoundException($"No model bundle at {path}.", path);
            if (_loaded is { } current && current.Stamp == stamp)
            {
                return false;
            }

            IClassifierModel model;
            try
            {
                // Loading is CPU-bound (deserializing the ML.NET pipeline): keep it off the request threads' way.
                model = await Task.Run(() => loader.Load(path), ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
            {
                _lastError = $"bundle at {path} refused: {ex.Message}";
                logger.LogError(ex, "Model bundle at {Path} refused; {Serving} keeps serving", path, _loaded?.Model.Description.Version ?? "no model");
                throw new InvalidDataException(_lastError, ex);
            }

            var previous = _loaded?.Model.Description.Version;
            _loaded = new Loaded(model, path, DateTimeOffset.UtcNow, stamp);
            _lastError = null;
            logger.LogInformation("Model {Version} serving (was {Previous}) from {Path}", model.Description.Version, previous ?? "none", path);
            return true;
        }
        finally
        {
            _reloadLock.Release();
        }
    }
}
