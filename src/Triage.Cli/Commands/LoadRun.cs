using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Core;
using Triage.Api.V1;

namespace Triage.Cli.Commands;

/// <summary>One bounded load run: workers call in a loop until the deadline; latencies are kept whole for exact percentiles.</summary>
internal sealed record LoadRun(
    string Call, int Concurrency, int Seconds, long Calls, double Throughput,
    double P50Ms, double P90Ms, double P99Ms, double MaxMs, IReadOnlyDictionary<string, long> Errors, double? ServerPeakMemoryMb)
{
    public static async Task<LoadRun> RunAsync(
        TriageService.TriageServiceClient client, Metadata headers, IReadOnlyList<Ticket> tickets, BenchSettings settings, int? serverPid, CancellationToken ct)
    {
        if (tickets.Count == 0)
        {
            throw new InvalidOperationException("No held-out tickets to send.");
        }

        if (settings.WarmupSeconds > 0)
        {
            await DriveAsync(client, headers, tickets, settings with { Seconds = settings.WarmupSeconds }, [], new ConcurrentDictionary<string, long>(), ct);
        }

        var latencies = new ConcurrentBag<List<double>>();
        var errors = new ConcurrentDictionary<string, long>();
        var started = Stopwatch.GetTimestamp();
        await DriveAsync(client, headers, tickets, settings, latencies, errors, ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new LoadRun(settings.Call, settings.Concurrency, settings.Seconds, all.Length, all.Length / elapsed,
            Percentile(0.50), Percentile(0.90), Percentile(0.99), all.Length == 0 ? 0 : all[^1],
            new Dictionary<string, long>(errors), serverPid is { } pid ? PeakMemoryMb(pid) : null);
    }

    private static async Task DriveAsync(
        TriageService.TriageServiceClient client, Metadata headers, IReadOnlyList<Ticket> tickets, BenchSettings settings,
        ConcurrentBag<List<double>> latencies, ConcurrentDictionary<string, long> errors, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (settings.Seconds * Stopwatch.Frequency);
        var next = -1;
        // With a target rate, each worker paces itself to its share of it.
        var interval = settings.Rate > 0 ? TimeSpan.FromSeconds((double)settings.Concurrency / settings.Rate) : TimeSpan.Zero;
        var workers = Enumerable.Range(0, settings.Concurrency).Select(async _ =>
        {
            var mine = new List<double>(4096);
            latencies.Add(mine);
            while (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested)
            {
                var ticket = tickets[(int)((uint)Interlocked.Increment(ref next) % tickets.Count)];
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    var callDeadline = DateTime.UtcNow.AddSeconds(10);
                    if (settings.Call == "classify")
                    {
                        await client.ClassifyTicketAsync(new ClassifyTicketRequest { Ticket = ticket }, headers, callDeadline, ct);
                    }
                    else
                    {
                        await client.TriageTicketAsync(new TriageTicketRequest { Ticket = ticket }, headers, callDeadline, ct);
                    }

                    mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                }
                catch (RpcException ex)
                {
                    errors.AddOrUpdate(ex.StatusCode.ToString(), 1, (_, n) => n + 1);
                }

                if (interval > TimeSpan.Zero)
                {
                    var wait = interval - Stopwatch.GetElapsedTime(begin);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, ct);
                    }
                }
            }
        });
        await Task.WhenAll(workers);
    }

    /// <summary>The server's peak resident memory (VmHWM) from /proc: what the operating system had to give it.</summary>
    private static double? PeakMemoryMb(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public string Table()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"call {Call}, concurrency {Concurrency}, {Seconds} s");
        sb.AppendLine("| calls | throughput (/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | errors | server peak memory (MB) |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---|---:|");
        var errorText = Errors.Count == 0 ? "0" : string.Join(", ", Errors.Select(e => $"{e.Key}: {e.Value}"));
        sb.Append(CultureInfo.InvariantCulture,
            $"| {Calls} | {Throughput:F0} | {P50Ms:F2} | {P90Ms:F2} | {P99Ms:F2} | {MaxMs:F2} | {errorText} | {(ServerPeakMemoryMb is { } m ? m.ToString("F0", CultureInfo.InvariantCulture) : "n/a")} |");
        return sb.ToString();
    }
}
