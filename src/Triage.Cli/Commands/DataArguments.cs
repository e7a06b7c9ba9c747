using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Triage.Classifier.Data;

namespace Triage.Cli.Commands;

/// <summary>
/// The repeatable <c>--data PATH [--map SPEC]</c> (and <c>--eval</c>) arguments of train and evaluate: a
/// <c>--map</c> applies to the data or eval path just before it, so several exports with different
/// columns can be given in one command.
/// </summary>
internal static partial class DataArguments
{
    public static Option<string[]> Data(string description) => new("--data")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> Map() => new("--map")
    {
        Description = "Column mapping for the --data/--eval file just before it, e.g. text=utterance,category=category,intent=intent (fields: id, text, subject, body, channel, language, category, intent, urgency).",
    };

    public static Option<double[]> Weight() => new("--weight")
    {
        Description = "Training weight of each row of the --data path just before it (default 1), e.g. 0.3 for a large public set in another style.",
    };

    /// <summary>The specs given with <paramref name="optionName"/>, each with the --map and --weight that follow it.</summary>
    public static IReadOnlyList<DataSpec> Specs(ParseResult parse, string optionName)
    {
        var specs = new List<(string Option, string Path, string? Map, double? Weight)>();
        var tokens = parse.Tokens;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Type != TokenType.Option)
            {
                continue;
            }

            var value = tokens[i + 1].Value;
            if (tokens[i].Value is "--data" or "--eval")
            {
                specs.Add((tokens[i].Value, value, null, null));
            }
            else if (tokens[i].Value == "--map")
            {
                if (specs.Count == 0 || specs[^1].Map is not null)
                {
                    throw new FormatException($"--map {value}: put it right after the --data or --eval file it describes");
                }

                specs[^1] = specs[^1] with { Map = value };
            }
            else if (tokens[i].Value == "--weight")
            {
                if (specs.Count == 0 || specs[^1].Option != "--data" || specs[^1].Weight is not null)
                {
                    throw new FormatException($"--weight {value}: put it right after the --data path (and its --map) it weighs");
                }

                if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var weight) || !double.IsFinite(weight) || weight <= 0 || weight > 100)
                {
                    throw new FormatException($"--weight {value}: give a number above 0 and at most 100");
                }

                specs[^1] = specs[^1] with { Weight = weight };
            }
        }

        return specs.Where(s => s.Option == optionName)
            .Select(s => new DataSpec(Path.GetFullPath(s.Path), s.Map is null ? null : ColumnMap.Parse(s.Map), s.Weight ?? 1.0))
            .ToList();
    }

    /// <summary>A file named like a test split (intent-test-810.csv, test.jsonl) must be evaluated on, never trained on.</summary>
    public static bool LooksLikeTestSet(DataSpec spec) => !spec.IsDirectory && TestName().IsMatch(Path.GetFileNameWithoutExtension(spec.Path));

    [GeneratedRegex(@"(^|[^a-z])(test|heldout|held-out)([^a-z]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TestName();
}
