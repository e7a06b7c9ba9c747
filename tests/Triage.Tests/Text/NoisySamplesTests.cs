using Triage.Core.Text;

namespace Triage.Tests.Text;

/// <summary>Every line of the shared noisy-text samples, with what the normalizer must make of it.</summary>
public sealed class NoisySamplesTests
{
    /// <summary>Expected normalized text per sample line; "" means the line is pure noise.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["값뜠볼늝원요."] = "",
        ["긐갗 촌수 uce7속요."] = "",
        ["\" \""] = "\" \"",
        ["구ﻳ"] = "구",
        ["녈는!"] = "녈는!",
        ["곤"] = "곤",
        ["하용"] = "하용",
        ["〇"] = "〇",
        ["쳰라 컐8별잠아새쥝세씄"] = "",
        ["&ZhansiZeroWidthSpace;"] = "",
        ["{\"type\": \"other\", \"value\": \"\\u200b\"}"] = "",
        ["\\ucc7c"] = "챼",
        ["ĸÄÅÀÅÀÀÀÄÀ"] = "",
        ["클립 보드 매니저의 주요ponsibilities是什么?"] = "클립 보드 매니저의 주요ponsibilities是什么?",
        ["클립 보드 매니저가 성공하기 위해 gerekli 기술은 무엇입니까?"] = "클립 보드 매니저가 성공하기 위해 gerekli 기술은 무엇입니까?",
        ["고객 여정을 최적화하고 … 보장하는 데 focusing합니다."] = "고객 여정을 최적화하고 ... 보장하는 데 focusing합니다.",
        ["Key takeaways 🔑🥡🍕"] = "Key takeaways 🔑🥡🍕",
        ["제 주문이\u200b 아직\u200b 안 왔어요"] = "제 주문이 아직 안 왔어요",
        ["배송&nbsp;조회가 안 됩니다<br>확인 부탁드려요"] = "배송 조회가 안 됩니다\n확인 부탁드려요",
        ["환불\u00a0요청합니다"] = "환불 요청합니다",
        ["\uFEFF결제가 두 번 됐어요"] = "결제가 두 번 됐어요",
    };

    /// <summary>A copy of ../shared/design/noisy-text-samples.txt, so the suite runs wherever the repository is cloned.</summary>
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "noisy-text-samples.txt");

    private static IEnumerable<string> Lines() => File.ReadLines(Fixture).Where(line => !line.StartsWith('#'));

    [Fact]
    public void The_fixture_is_the_shared_design_file_where_that_is_present()
    {
        var shared = Path.Combine(Paths.SharedDesign, "noisy-text-samples.txt");
        if (File.Exists(shared))
        {
            Assert.Equal(File.ReadAllText(shared), File.ReadAllText(Fixture));
        }
    }

    public static TheoryData<string> SampleLines() => new(Lines());

    [Theory]
    [MemberData(nameof(SampleLines))]
    public void Every_sample_line_normalizes_to_its_expected_text(string line)
    {
        if (line == "before-stop")
        {
            // The file's last line is a plain word: it must come through untouched.
            Assert.Equal("before-stop", TextNormalizer.Instance.Normalize(line).Text);
            return;
        }

        Assert.True(Expected.TryGetValue(line, out var expected), $"no expectation written for sample line «{line}»");
        var normalized = TextNormalizer.Instance.Normalize(line);
        Assert.Equal(expected, normalized.Text);
        Assert.Equal(line, normalized.Original);
    }

    [Fact]
    public void The_expectations_cover_every_sample_line()
    {
        var lines = Lines().Where(l => l != "before-stop").ToHashSet();
        Assert.Equal(Expected.Count, lines.Count);
        Assert.All(Expected.Keys, key => Assert.Contains(key, lines));
    }
}
