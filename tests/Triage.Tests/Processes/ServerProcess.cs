using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Triage.Api.V1;

namespace Triage.Tests.Processes;

/// <summary>
/// The real service as a separate operating-system process (the Triage.Server build output next to the
/// tests), on free loopback ports, so a test can point it at fakes, kill it the hard way and start it again
/// on the same data. No API keys are configured: loopback callers act as tenant <c>default</c> with every role.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private GrpcChannel? _channel;

    private ServerProcess(Process process, Uri address, ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    /// <summary>The gRPC endpoint (HTTP/2 cleartext).</summary>
    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far, line by line.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <param name="dataDirectory">Holds the index and the feedback database unless <paramref name="settings"/> say otherwise.</param>
    /// <param name="settings">Configuration keys (<c>Triage:Index:Provider</c>, ...) passed on the command line, overriding the defaults here.</param>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var grpcPort = FreePort();
        var effective = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:Json:Url"] = $"http://127.0.0.1:{FreePort()}",
            ["Triage:Model:ActivePath"] = Path.Combine(dataDirectory, "no-model.zip"),
            ["Triage:Index:Embedded:DataDirectory"] = Path.Combine(dataDirectory, "index"),
            ["Triage:Feedback:Path"] = Path.Combine(dataDirectory, "feedback.db"),
            ["Triage:Retrieval:SeedDirectory"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            effective[key] = value;
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Triage.Server.dll"));
        foreach (var (key, value) in effective)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        var output = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.Contains("Application started", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("the server exited during start-up:\n" + string.Join('\n', output)));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, Task.Delay(StartTimeout)) != ready.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the server did not start within {StartTimeout.TotalSeconds:0} s:\n" + string.Join('\n', output));
        }

        await ready.Task;
        return new ServerProcess(process, new Uri($"http://127.0.0.1:{grpcPort}"), output);
    }

    /// <summary>One channel per process, shared by its clients (as a helpdesk would hold one).</summary>
    public GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(Address);

    public TriageService.TriageServiceClient Client() => new(Channel);

    /// <summary>True when some output line contains the fragment.</summary>
    public bool Logged(string fragment) => _output.Any(l => l.Contains(fragment, StringComparison.Ordinal));

    /// <summary>The process is still running; its output is the failure message when not.</summary>
    public void AssertAlive() => Assert.False(_process.HasExited, "the server process exited:\n" + string.Join('\n', _output));

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        _channel?.Dispose();
        _channel = null;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _channel?.Dispose();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
