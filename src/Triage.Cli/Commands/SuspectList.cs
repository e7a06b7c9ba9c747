using System.Globalization;
using System.Text;
using Triage.Classifier.Training;

namespace Triage.Cli.Commands;

/// <summary>Prints the most confident label suspects and writes the full list as TSV for review.</summary>
internal static class SuspectList
{
    public static async Task WriteAsync(IReadOnlyList<Suspect> suspects, string path, TextWriter output, CancellationToken ct)
    {
        var tsv = new StringBuilder("head\tid\tlocation\tlabel\tpredicted\tconfidence\tlabel_probability\ttext\n");
        foreach (var s in suspects)
        {
            tsv.Append(CultureInfo.InvariantCulture, $"{s.Head}\t{s.Example.Id}\t{s.Example.Location}\t{s.Label}\t{s.Predicted}\t{s.Confidence:F3}\t{s.LabelProbability:F3}\t{OneLine(s.Example.Input.Text, 300)}\n");
        }

        await File.WriteAllTextAsync(path, tsv.ToString(), ct);
        output.WriteLine();
        output.WriteLine($"{suspects.Count} suspect labels -> {path}; the most confident:");
        foreach (var s in suspects.Take(25))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Head,-8} {s.Example.Location}  labeled {s.Label}, model says {s.Predicted} ({s.Confidence:P0}): {OneLine(s.Example.Input.Text, 90)}"));
        }
    }

    private static string OneLine(string text, int max)
    {
        var line = text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        return line.Length <= max ? line : line[..max] + "…";
    }
}
