using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Triage.Api.V1;
using Triage.Classifier.Data;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage ingest</c>: streams resolved cases from a JSONL (our resolved-case schema) or a CSV/TSV
/// export with a column mapping into a running service's IngestResolvedCases, with a progress bar.
/// </summary>
internal static class IngestCommand
{
    private static readonly string[] Fields = ["id", "subject", "body", "reply", "category", "intent", "urgency", "language", "channel", "outcome", "resolved_at"];

    public static Command Create()
    {
        var file = new Option<FileInfo>("--file") { Description = "JSONL (training-data/resolved-cases schema), CSV or TSV.", Required = true };
        var map = new Option<string?>("--map")
        {
            Description = "For CSV/TSV: field=column pairs, e.g. body=instruction,reply=response,category=category,intent=intent. " +
                "Fields: " + string.Join(", ", Fields) + ". Without an id column, ids are content hashes (re-ingesting is idempotent).",
        };
        var address = new Option<string>("--address") { Description = "The service's gRPC address.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var apiKey = new Option<string?>("--api-key") { Description = "An admin key (default: TRIAGE_API_KEY)." };
        var command = new Command("ingest", "Import resolved cases into a running service's index (as the key's tenant).") { file, map, address, apiKey };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            List<ResolvedCase> cases;
            try
            {
                cases = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
                    ? await ReadJsonLinesAsync(path, ct)
                    : await ReadDelimitedAsync(path, parse.GetValue(map) ?? throw new ArgumentException("--map is required for CSV/TSV files"), ct);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidDataException or JsonException or TrainingDataException)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }

            using var channel = GrpcChannel.ForAddress(parse.GetValue(address)!);
            var client = new TriageService.TriageServiceClient(channel);
            var headers = new Metadata();
            if ((parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("TRIAGE_API_KEY")) is { Length: > 0 } key)
            {
                headers.Add("x-api-key", key);
            }

            try
            {
                using var call = client.IngestResolvedCases(headers, cancellationToken: ct);
                for (var i = 0; i < cases.Count; i++)
                {
                    await call.RequestStream.WriteAsync(cases[i], ct);
                    if (i % 50 == 0 || i == cases.Count - 1)
                    {
                        Progress(i + 1, cases.Count);
                    }
                }

                await call.RequestStream.CompleteAsync();
                var result = await call;
                Console.Error.WriteLine();
                Console.WriteLine($"accepted {result.Accepted}, rejected {result.Rejected}");
                foreach (var error in result.Errors.Take(20))
                {
                    Console.WriteLine($"  item {error.Index} ({error.CaseId}): {error.Field}: {error.Message}");
                }

                return result.Rejected == 0 ? 0 : 1;
            }
            catch (RpcException ex)
            {
                Console.Error.WriteLine();
                Console.Error.WriteLine($"{ex.StatusCode}: {ex.Status.Detail}");
                return 2;
            }
        });
        return command;
    }

    private static void Progress(int done, int total)
    {
        const int width = 40;
        var filled = total == 0 ? width : done * width / total;
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total}");
    }

    private static async Task<List<ResolvedCase>> ReadJsonLinesAsync(string path, CancellationToken ct)
    {
        var cases = new List<ResolvedCase>();
        var line = 0;
        foreach (var text in await File.ReadAllLinesAsync(path, ct))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(text);
            string Get(string name) => doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
            cases.Add(Build(Get, path, line));
        }

        return cases;
    }

    private static async Task<List<ResolvedCase>> ReadDelimitedAsync(string path, string mapSpec, CancellationToken ct)
    {
        var map = mapSpec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : throw new ArgumentException($"--map: '{string.Join('=', p)}' is not field=column"), StringComparer.Ordinal);
        foreach (var field in map.Keys.Where(f => !Fields.Contains(f)))
        {
            throw new ArgumentException($"--map: unknown field '{field}'; expected {string.Join(", ", Fields)}");
        }

        var delimiter = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        var rows = DelimitedRecords.Parse(await File.ReadAllTextAsync(path, ct), delimiter, path).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0].Fields.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        foreach (var column in map.Values.Where(c => !header.ContainsKey(c)))
        {
            throw new ArgumentException($"{path}: no column '{column}' (columns: {string.Join(", ", header.Keys)})");
        }

        return rows.Skip(1).Select(row => Build(
            field => map.TryGetValue(field, out var column) && header[column] < row.Fields.Count ? row.Fields[header[column]] : string.Empty,
            path, row.Line)).ToList();
    }

    private static ResolvedCase Build(Func<string, string> get, string path, int line)
    {
        var body = get("body");
        var reply = get("reply");
        var id = get("id");
        if (id.Length == 0)
        {
            id = "h-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body + "\u0000" + reply)))[..20];
        }

        var resolved = get("resolved_at");
        var item = new ResolvedCase
        {
            CaseId = id,
            Subject = get("subject"),
            Body = body,
            Reply = reply,
            // Exports spell labels their own way (Bitext: SHIPPING_ADDRESS); the taxonomy is lower case.
            Category = get("category").Trim().ToLowerInvariant(),
            Intent = get("intent").Trim().ToLowerInvariant(),
            Urgency = get("urgency").Trim().ToLowerInvariant(),
            Language = get("language"),
            Outcome = get("outcome"),
            Channel = WireChannels.Parse(get("channel"), Channel.Unspecified),
        };
        if (resolved.Length > 0)
        {
            item.ResolvedAt = DateTimeOffset.TryParse(resolved, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? Timestamp.FromDateTimeOffset(at)
                : throw new InvalidDataException($"{path}:{line}: resolved_at '{resolved}' is not a date");
        }

        return item;
    }
}
