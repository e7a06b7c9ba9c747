using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Triage.Api.V1;
using Triage.Corpus;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage bench</c>: drives a running service over gRPC with the held-out tickets at a fixed
/// concurrency (or rate) for a fixed duration, loopback only, and reports throughput, latency
/// percentiles, errors by status code and the server's peak memory.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var address = new Option<string>("--address") { Description = "The service's gRPC address (loopback only).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var apiKey = new Option<string?>("--api-key") { Description = "An intake key (default: TRIAGE_API_KEY)." };
        var call = new Option<string>("--call") { Description = "triage or classify.", DefaultValueFactory = _ => "triage" };
        call.AcceptOnlyFromAmong("triage", "classify");
        var concurrency = new Option<int>("--concurrency") { Description = "Calls in flight.", DefaultValueFactory = _ => 32 };
        var rate = new Option<int>("--rate") { Description = "Target calls per second in total (0: as fast as the concurrency allows)." };
        var duration = new Option<int>("--duration") { Description = "Seconds to run (bounded: 1-600).", DefaultValueFactory = _ => 60 };
        var warmup = new Option<int>("--warmup") { Description = "Seconds of unmeasured warm-up.", DefaultValueFactory = _ => 5 };
        var data = new Option<DirectoryInfo>("--data") { Description = "training-data: its held-out tickets are the mix.", DefaultValueFactory = _ => new DirectoryInfo("training-data") };
        var serverPid = new Option<int?>("--server-pid") { Description = "The server's process id, to report its peak memory (Linux /proc)." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the results as JSON here." };
        var command = new Command("bench", "Load-test a running service and print throughput, latency percentiles, errors and peak memory.")
        {
            address, apiKey, call, concurrency, rate, duration, warmup, data, serverPid, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var uri = new Uri(parse.GetValue(address)!);
            if (!IPAddress.TryParse(uri.Host, out var ip) ? uri.Host != "localhost" : !IPAddress.IsLoopback(ip))
            {
                Console.Error.WriteLine("triage bench only drives a service on this machine (loopback).");
                return 2;
            }

            var seconds = Math.Clamp(parse.GetValue(duration), 1, 600);
            var tickets = await HeldOutTicketsAsync(parse.GetValue(data)!.FullName, ct);
            var settings = new BenchSettings(parse.GetValue(call)!, Math.Clamp(parse.GetValue(concurrency), 1, 1024), parse.GetValue(rate), seconds, Math.Clamp(parse.GetValue(warmup), 0, 60));
            using var channel = GrpcChannel.ForAddress(uri, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
            });
            var headers = new Metadata();
            if ((parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("TRIAGE_API_KEY")) is { Length: > 0 } key)
            {
                headers.Add("x-api-key", key);
            }

            var result = await LoadRun.RunAsync(new TriageService.TriageServiceClient(channel), headers, tickets, settings, parse.GetValue(serverPid), ct);
            Console.WriteLine(result.Table());
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }), ct);
            }

            return result.Errors.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task<IReadOnlyList<Ticket>> HeldOutTicketsAsync(string dataDirectory, CancellationToken ct)
    {
        var layout = new CorpusLayout(dataDirectory);
        var heldOut = await HeldOutSplit.LoadAsync(layout.TestSplit, ct);
        var issues = new List<CorpusIssue>();
        var tickets = new List<Ticket>();
        foreach (var file in layout.TicketFiles())
        {
            await foreach (var item in JsonLines.ReadAsync<LabeledTicketRecord>(file, issues, ct))
            {
                if (heldOut.Contains(item.Record.Id))
                {
                    // The labels stay behind: the service gets what a helpdesk would send.
                    tickets.Add(new Ticket
                    {
                        TicketId = item.Record.Id,
                        Subject = item.Record.Subject,
                        Body = item.Record.Body,
                        Channel = WireChannels.Parse(item.Record.Channel, Channel.Email),
                    });
                }
            }
        }

        return tickets;
    }
}

internal sealed record BenchSettings(string Call, int Concurrency, int Rate, int Seconds, int WarmupSeconds);
