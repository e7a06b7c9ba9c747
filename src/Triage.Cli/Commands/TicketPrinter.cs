using Triage.Api.V1;

namespace Triage.Cli.Commands;

/// <summary>Renders service answers for a person at a terminal.</summary>
internal static class TicketPrinter
{
    public static void Print(ClassifyTicketResponse response)
    {
        Console.WriteLine($"ticket {response.TicketId}  language {response.Language}  model {response.ModelVersion}");
        Print(response.Classification);
    }

    public static void Print(TriageTicketResponse response)
    {
        Console.WriteLine($"ticket {response.TicketId}  language {response.Language}  model {response.ModelVersion}");
        Print(response.Classification);
        if (response.SimilarCases.Count > 0)
        {
            Console.WriteLine("similar cases:");
            foreach (var c in response.SimilarCases)
            {
                Console.WriteLine($"  {c.CaseId,-20} {c.Score:F2}  {c.Category}/{c.Intent}  [{string.Join(", ", c.MatchedTerms)}]");
            }
        }

        if (response.Draft is { } draft)
        {
            Console.WriteLine($"draft {draft.DraftId} by {draft.Drafter} ({draft.ModelName}), cites {string.Join(", ", draft.CitedCaseIds)} {string.Join(" ", draft.Flags)}");
            Console.WriteLine(draft.Text);
        }

        foreach (var d in response.Degradations)
        {
            Console.WriteLine($"degraded {d.Component}: {d.Reason}");
        }
    }

    private static void Print(Classification? c)
    {
        if (c is null)
        {
            return;
        }

        Head("category", c.Category);
        Head("intent", c.Intent);
        Head("urgency", c.Urgency);
        if (c.FirstResponseTarget is { } target)
        {
            Console.WriteLine($"first response within {target.ToTimeSpan().TotalHours:0.##} h");
        }

        if (c.NeedsHumanTriage)
        {
            Console.WriteLine("needs human triage");
        }
    }

    private static void Head(string name, HeadPrediction? head)
    {
        if (head is null)
        {
            return;
        }

        // Three decimals: thresholds sit as high as 0.998, and "0.99 < threshold 0.99" reads as a contradiction.
        var top = string.Join(", ", head.Top.Select(t => $"{t.Label} {t.Probability:0.000}"));
        var evidence = string.Join(", ", head.Evidence.Select(e => e.Term));
        var verdict = head.NeedsHumanTriage ? $" < threshold {head.Threshold:0.000}: needs human triage" : string.Empty;
        Console.WriteLine($"{name,-9} {head.Label} ({head.Confidence:0.000}{verdict})  top: {top}  evidence: {evidence}");
    }
}
