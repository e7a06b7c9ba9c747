extern alias cli;

using System.CommandLine;
using cli::Triage.Cli.Commands;

namespace Triage.Tests.Classification;

/// <summary>The train command's own argument rules, checked before any data is read.</summary>
public sealed class TrainCommandTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("heavy")]
    public async Task A_bad_source_weight_is_refused_before_any_data_is_read(string weight)
    {
        var error = new StringWriter();
        var exit = await Run(error, "train", "--data", "no-such-export.csv", "--map", "text=text,category=category", "--weight", weight, "--no-promote");
        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("no such file", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--weight", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weight_before_any_data_path_is_refused()
    {
        var error = new StringWriter();
        var exit = await Run(error, "train", "--weight", "0.5", "--data", "no-such-export.csv", "--no-promote");
        Assert.Equal(2, exit);
        Assert.Contains("right after the --data path", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--char-ngrams", "0")]
    [InlineData("--char-ngrams", "9")]
    [InlineData("--word-ngrams", "4")]
    public async Task Featurizer_lengths_out_of_range_are_refused(string option, string value)
    {
        var error = new StringWriter();
        var exit = await Run(error, "train", "--data", "training-data", option, value, "--no-promote");
        Assert.NotEqual(0, exit);
        Assert.Contains(option, error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<int> Run(StringWriter error, params string[] args)
    {
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            return await new RootCommand { TrainCommand.Create() }.Parse(args).InvokeAsync(new InvocationConfiguration { Error = error });
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
