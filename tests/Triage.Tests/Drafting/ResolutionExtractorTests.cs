using Triage.Drafting.Composer;

namespace Triage.Tests.Drafting;

public sealed class ResolutionExtractorTests
{
    [Theory]
    [InlineData("Hi Jo,\nYour refund was issued today.\nKind regards,\nMina\nCustomer Care")]
    [InlineData("Hello,\nYour refund was issued today.\nThanks!\nBest regards,\nThe Support Team")]
    [InlineData("Dear Jo,\nYour refund was issued today. Sincerely, Mina")]
    public void The_signature_after_a_sign_off_goes_with_it(string reply) =>
        Assert.Equal(["Your refund was issued today."], ResolutionExtractor.Extract(reply));

    [Fact]
    public void A_korean_reply_keeps_its_steps_and_loses_greeting_and_closing()
    {
        var steps = ResolutionExtractor.Extract("안녕하세요, 고객님.\n주문하신 상품은 오늘 출고되었습니다.\n송장번호는 문자로 보내드렸습니다.\n감사합니다.\n고객센터 드림");
        Assert.Equal(["주문하신 상품은 오늘 출고되었습니다.", "송장번호는 문자로 보내드렸습니다."], steps);
    }

    [Theory]
    [InlineData("Dear Jo, your refund was issued today.\nKind regards,\nMina", "your refund was issued today.")]
    [InlineData("안녕하세요 고객님, 주문하신 상품은 오늘 출고되었습니다.\n감사합니다.", "주문하신 상품은 오늘 출고되었습니다.")]
    public void A_step_sharing_the_greeting_s_sentence_is_kept(string reply, string step) =>
        Assert.Equal([step], ResolutionExtractor.Extract(reply));

    [Theory]
    [InlineData("Hello, and thank you for contacting us.\nYour refund was issued today.")]
    [InlineData("Hi there, hope you are well.\nYour refund was issued today.")]
    [InlineData("안녕하세요 고객님, 문의 주셔서 감사합니다.\nYour refund was issued today.")]
    public void A_greeting_that_leads_into_a_courtesy_goes_whole(string reply) =>
        Assert.Equal(["Your refund was issued today."], ResolutionExtractor.Extract(reply));

    [Fact]
    public void A_long_last_sentence_is_a_step_not_a_signature()
    {
        var steps = ResolutionExtractor.Extract("Hi,\nThanks for waiting.\nThe courier will collect the parcel tomorrow between 9am and 1pm from your front door.");
        Assert.Equal("The courier will collect the parcel tomorrow between 9am and 1pm from your front door.", steps[^1]);
    }
}
