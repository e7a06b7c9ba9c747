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

    /// <summary>The specs given with <paramref name="optionName"/>, each with the --map that follows it.</summary>
    public static IReadOnlyList<DataSpec> Specs(ParseResult parse, string optionName)
    {
        var specs = new List<(string Option, string Path, string? Map)>();
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
                specs.Add((tokens[i].Value, value, null));
            }
            else if (tokens[i].Value == "--map")
            {
                if (specs.Count == 0 || specs[^1].Map is not null)
                {
                    throw new FormatException($"--map {value}: put it right after the --data or --eval file it describes");
                }

                specs[^1] = specs[^1] with { Map = value };
            }
        }

        return specs.Where(s => s.Option == optionName)
            .Select(s => new DataSpec(Path.GetFullPath(s.Path), s.Map is null ? null : ColumnMap.Parse(s.Map)))
            .ToList();
    }

    /// <summary>A file named like a test split (intent-test-810.csv, test.jsonl) must be evaluated on, never trained on.</summary>
    public static bool LooksLikeTestSet(DataSpec spec) => !spec.IsDirectory && TestName().IsMatch(Path.GetFileNameWithoutExtension(spec.Path));

    [GeneratedRegex(@"(^|[^a-z])(test|heldout|held-out)([^a-z]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TestName();
}
