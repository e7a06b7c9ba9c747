using Triage.Feedback;

namespace Triage.Tests.Feedback;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("same text", "same text", 0)]
    [InlineData("주문이 취소되었습니다", "주문이 곧 취소됩니다", 5)]
    public void Levenshtein_counts_single_character_edits(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Levenshtein(a, b));

    [Fact]
    public void A_small_edit_in_a_long_reply_is_exact_whatever_the_cap()
    {
        var reply = string.Concat(Enumerable.Repeat("We are sorry for the delay. ", 2000));
        var edited = reply.Insert(30_000, "Truly ");
        Assert.Equal(6, EditDistance.Levenshtein(reply, edited, maxLength: 100));
    }

    [Fact]
    public void Texts_past_the_cap_get_an_upper_bound_at_bounded_cost()
    {
        var a = new string('a', 10_000);
        var b = new string('b', 12_000);
        var bounded = EditDistance.Levenshtein(a, b, maxLength: 1000);
        Assert.True(bounded >= 12_000, $"the true distance is 12000; an upper bound cannot be {bounded}");
        Assert.Equal(1000 + 11_000, bounded);
    }
}
