using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Triage.Core.Feedback;

namespace Triage.Cli.Commands;

/// <summary><c>triage stats</c>: the quality figures supervisors track, for one tenant and window, from the feedback file.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var db = FeedbackArguments.Db();
        var tenant = FeedbackArguments.Tenant();
        var from = FeedbackArguments.From();
        var to = FeedbackArguments.To();
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var command = new Command("stats", "Review quality figures for a tenant over a time window.") { db, tenant, from, to, json };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var store = FeedbackArguments.Open(parse.GetValue(db)!);
                var stats = await store.GetStatsAsync(
                    parse.GetValue(tenant)!,
                    FeedbackArguments.Time(parse.GetValue(from), "--from"),
                    FeedbackArguments.Time(parse.GetValue(to), "--to"),
                    ct);
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(stats, new JsonSerializerOptions { WriteIndented = true }));
                }
                else
                {
                    Print(stats);
                }

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

    private static void Print(FeedbackStats s)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"tenant {s.TenantId}, {s.From?.ToString("u", c) ?? "start"} .. {s.To?.ToString("u", c) ?? "now"}"));
        Console.WriteLine(string.Create(c, $"decisions {s.Decisions}, abstained {s.AbstentionRate:P1}"));
        Console.WriteLine(string.Create(c, $"reviews {s.Reviews}: accepted {s.AcceptanceRate:P1}, edited {s.EditRate:P1} (mean edit distance {s.MeanEditDistance:F1}), rejected {s.RejectionRate:P1}"));
        Console.WriteLine(string.Create(c, $"first-response target met {s.SlaMet}/{s.SlaMeasured} ({s.SlaMetRate:P1})"));
        Section("rejection reasons", s.RejectionReasons.Select(r => $"{r.Count,6}  {r.Label}"));
        Section("drafts by drafter", s.DraftsByDrafter.Select(d => $"{d.Count,6}  {d.Label}"));
        Section("live precision by predicted category", s.CategoryPrecision.Select(p => Precision(p, c)));
        Section("live precision by predicted urgency", s.UrgencyPrecision.Select(p => Precision(p, c)));
    }

    private static string Precision(LabelPrecision p, CultureInfo c) => string.Create(c, $"{p.Precision,7:P1}  {p.Correct}/{p.Reviewed}  {p.Label}");

    private static void Section(string title, IEnumerable<string> lines)
    {
        Console.WriteLine(title);
        foreach (var line in lines)
        {
            Console.WriteLine("  " + line);
        }
    }
}
