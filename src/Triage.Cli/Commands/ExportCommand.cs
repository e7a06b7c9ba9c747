using System.CommandLine;
using System.Text;
using Triage.Core.Feedback;
using Triage.Feedback.Export;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage export</c>: reviewed tickets with their final labels, read straight from the feedback file,
/// as JSONL or TSV in the format <c>triage train --data</c> reads, or (ticket, draft, final reply)
/// triples for drafting evaluation. Rows stream from the database to the file.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = FeedbackArguments.Db();
        var tenant = FeedbackArguments.Tenant();
        var from = FeedbackArguments.From();
        var to = FeedbackArguments.To();
        var language = new Option<string?>("--language") { Description = "Only tickets in this language (ko, en)." };
        var source = new Option<string?>("--source") { Description = "Only labels from: corrected (a representative's correction) or accepted (a prediction confirmed by an unchanged acceptance)." };
        source.AcceptOnlyFromAmong("corrected", "accepted");
        var format = new Option<string>("--format") { Description = "jsonl or tsv (the training ticket schema), or triples (ticket, draft, final reply).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "tsv", "triples");
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var command = new Command("export", "Export reviewed tickets with their final labels from the feedback database.") { db, tenant, from, to, language, source, format, output };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var filter = new ExportFilter(
                    parse.GetValue(tenant)!,
                    FeedbackArguments.Time(parse.GetValue(from), "--from"),
                    FeedbackArguments.Time(parse.GetValue(to), "--to"),
                    parse.GetValue(language),
                    parse.GetValue(source) switch { "corrected" => LabelSource.Corrected, "accepted" => LabelSource.AcceptedPrediction, _ => null });
                var target = parse.GetValue(output)!;
                await using var store = FeedbackArguments.Open(parse.GetValue(db)!);

                // Written beside the target and moved into place, so an interrupted export never leaves a truncated file for training to pick up.
                var partial = target.FullName + ".partial";
                int count;
                await using (var writer = new StreamWriter(partial, false, new UTF8Encoding(false)))
                {
                    count = parse.GetValue(format) switch
                    {
                        "tsv" => await LabeledTicketWriter.WriteTsvAsync(store.ExportAsync(filter, ct), writer, ct),
                        "triples" => await DraftingTripleWriter.WriteJsonlAsync(store.ExportTriplesAsync(filter, ct), writer, ct),
                        _ => await LabeledTicketWriter.WriteJsonlAsync(store.ExportAsync(filter, ct), writer, ct),
                    };
                }

                File.Move(partial, target.FullName, overwrite: true);
                Console.WriteLine($"{count} rows -> {target.FullName}");
                return 0;
            }
            catch (Exception ex) when (ex is FormatException or FileNotFoundException or InvalidOperationException)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }
}
