using System.CommandLine;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Triage.Api.V1;

namespace Triage.Cli.Commands;

/// <summary><c>triage ticket</c>: send one ticket to a running service and print the answer readably.</summary>
internal static class TicketCommand
{
    public static Command Create()
    {
        var address = new Option<string>("--address") { Description = "The service's gRPC address.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var apiKey = new Option<string?>("--api-key") { Description = "API key (default: the TRIAGE_API_KEY environment variable; none for a local development service)." };
        var id = new Option<string>("--id") { Description = "Ticket id.", DefaultValueFactory = _ => $"cli-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}" };
        var subject = new Option<string>("--subject") { Description = "Subject line.", DefaultValueFactory = _ => string.Empty };
        var body = new Option<string?>("--body") { Description = "Body text; omit to read it from standard input." };
        var channel = new Option<string>("--channel") { Description = "email, chat, phone, social or web_form.", DefaultValueFactory = _ => "email" };
        channel.AcceptOnlyFromAmong([.. Triage.Core.Tickets.ChannelNames.All]);
        var mode = new Option<string>("--call") { Description = "triage (everything) or classify.", DefaultValueFactory = _ => "triage" };
        mode.AcceptOnlyFromAmong("triage", "classify");
        var skipDraft = new Option<bool>("--skip-draft") { Description = "Do not draft a reply." };
        var command = new Command("ticket", "Send one ticket to a running service and print the answer.")
        {
            address, apiKey, id, subject, body, channel, mode, skipDraft,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ticket = new Ticket
            {
                TicketId = parse.GetValue(id)!,
                Subject = parse.GetValue(subject)!,
                Body = parse.GetValue(body) ?? await Console.In.ReadToEndAsync(ct),
                Channel = WireChannels.Parse(parse.GetValue(channel), Channel.Email),
            };
            using var channelToService = GrpcChannel.ForAddress(parse.GetValue(address)!);
            var client = new TriageService.TriageServiceClient(channelToService);
            var headers = new Metadata();
            var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("TRIAGE_API_KEY");
            if (!string.IsNullOrEmpty(key))
            {
                headers.Add("x-api-key", key);
            }

            try
            {
                var deadline = DateTime.UtcNow.AddSeconds(30);
                if (parse.GetValue(mode) == "classify")
                {
                    var response = await client.ClassifyTicketAsync(new ClassifyTicketRequest { Ticket = ticket }, headers, deadline, ct);
                    TicketPrinter.Print(response);
                }
                else
                {
                    var request = new TriageTicketRequest { Ticket = ticket, SkipDraft = parse.GetValue(skipDraft) };
                    TicketPrinter.Print(await client.TriageTicketAsync(request, headers, deadline, ct));
                }

                return 0;
            }
            catch (RpcException ex)
            {
                Console.Error.WriteLine($"{ex.StatusCode}: {ex.Status.Detail}");
                foreach (var violation in ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? [])
                {
                    Console.Error.WriteLine($"  {violation.Field}: {violation.Description}");
                }

                return 2;
            }
        });
        return command;
    }
}
