using Triage.Drafting.Composer;

namespace Triage.Tests.Drafting;

/// <summary>Another customer's address in a reused reply never reaches the draft; shop policy wording stays.</summary>
public sealed class AddressScrubTests
{
    [Theory]
    [InlineData("배송지를 일산 새 주소(백석동 OO아파트 107동 803호)로 변경해 드렸습니다.", "백석동", "803호")]
    [InlineData("서울 마포구 월드컵로 12로 보내드렸습니다.", "월드컵로 12", null)]
    [InlineData("마포구 합정동으로 배송지를 바꿨습니다.", "합정동", null)]
    [InlineData("We have updated the address to 42 Mill Lane, Flat 3B, Leeds LS1 4AB.", "42 Mill Lane", "LS1 4AB")]
    public void An_address_in_a_reused_sentence_becomes_a_placeholder(string sentence, string gone, string? alsoGone)
    {
        var scrubbed = CaseDetailScrubber.Address().Replace(sentence, "[주소]");
        Assert.DoesNotContain(gone, scrubbed, StringComparison.Ordinal);
        if (alsoGone is not null)
        {
            Assert.DoesNotContain(alsoGone, scrubbed, StringComparison.Ordinal);
        }

        Assert.Contains("[주소]", scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("택배로 2~3일 안에 도착합니다.")]
    [InlineData("단순 변심 반품은 무료로 1회 가능합니다.")]
    [InlineData("가구 이동 설치는 별도로 3만원입니다.")]
    [InlineData("Flat rate shipping applies to orders under $50.")]
    [InlineData("Refunds reach your card within 3-5 business days.")]
    [InlineData("연구 활동을 위해 주문하신 상품입니다.")]
    [InlineData("두 건으로 1건은 취소되었습니다.")]
    [InlineData("아파트 경비실에 맡겨 두었습니다.")]
    public void Policy_and_everyday_wording_is_left_alone(string sentence) =>
        Assert.Equal(sentence, CaseDetailScrubber.Address().Replace(sentence, "[주소]"));
}
