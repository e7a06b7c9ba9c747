using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Triage.Tests.Feedback;

/// <summary>
/// The real service as a separate operating-system process (the Triage.Server build output next to the
/// tests), on free loopback ports, so a test can kill it the hard way and start it again on the same data.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(string dataDirectory)
    {
        var grpcPort = FreePort();
        var info = new ProcessStartInfo("dotnet", [
            Path.Combine(AppContext.BaseDirectory, "Triage.Server.dll"),
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Json:Url=http://127.0.0.1:{FreePort()}",
            $"--Triage:Model:ActivePath={Path.Combine(dataDirectory, "no-model.zip")}",
            $"--Triage:Index:Embedded:DataDirectory={Path.Combine(dataDirectory, "index")}",
            $"--Triage:Feedback:Path={Path.Combine(dataDirectory, "feedback.db")}",
            "--Triage:Retrieval:SeedDirectory=",
        ])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(60))) != ready.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the server did not start within 60 s");
        }

        return new ServerProcess(process, new Uri($"http://127.0.0.1:{grpcPort}"));
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
