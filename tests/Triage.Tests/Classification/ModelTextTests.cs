using Triage.Classifier.Features;

namespace Triage.Tests.Classification;

/// <summary>The exact strings the featurizer reads: a change here silently changes every model's features.</summary>
public sealed class ModelTextTests
{
    [Theory]
    [InlineData("Refund?? order #12345, can't wait!", "refund ? ? order # 0 , cant wait !")]
    [InlineData("  환불  해주세요~~ 2024-11-03  ", "환불 해주세요 ~ ~ 0 - 0 - 0")]
    [InlineData("ÉCOLE’s 3rd", "écoles 0rd")]
    [InlineData("", "")]
    [InlineData(" \t\n ", "")]
    [InlineData("!!", "! !")]
    [InlineData("a😀b", "a 😀 b")]
    public void Prepare_lower_cases_sets_symbols_apart_and_folds_digit_runs(string text, string expected) =>
        Assert.Equal(expected, ModelText.Prepare(text));

    [Theory]
    [InlineData("배송 언제 와요 ?", "배송 언제 와요")]
    [InlineData("order 0 주문 ㅠㅠ cancel", "주문 ㅠㅠ")]
    [InlineData("no korean here", "")]
    [InlineData("", "")]
    [InlineData("카톡id abc 문의", "카톡id 문의")]
    public void Only_words_with_hangul_feed_the_character_n_grams(string prepared, string expected) =>
        Assert.Equal(expected, ModelText.HangulWords(prepared));
}
