using Triage.Core.Text;

namespace Triage.Tests.Text;

public sealed class NormalizerTests
{
    private static string Norm(string s) => TextNormalizer.Instance.Normalize(s).Text;

    [Theory]
    [InlineData("주문번호 20241103-0042781 아직 배송이 안 됐어요ㅠㅠ 언제 와요??")]
    [InlineData("ㅋㅋㅋ 이거 진짜 웃기네 환불 ㄱㄱ")]
    [InlineData("I was charged $39.99 twice for order #552901. Please refund one.")]
    [InlineData("배송비 3,000원 + 상품 39,800원 = 42,800원 결제했습니다 😡")]
    [InlineData("됬어요 안되요 햇는데 주문햇어요")]
    [InlineData("<3 thanks a lot, a < b > c")]
    [InlineData("<주문번호> 칸에 뭘 넣어야 하나요?")]
    [InlineData("Straße café naïve résumé")]
    [InlineData("똠방각하 햏 뷁 ㅎㅎ")]
    [InlineData("C'est un problème de livraison, je n'ai rien reçu.")]
    public void Clean_text_is_left_intact(string text)
    {
        Assert.Equal(text, Norm(text));
    }

    [Fact]
    public void Full_width_and_compatibility_forms_become_plain()
    {
        Assert.Equal("ABC 123 주문", Norm("ＡＢＣ　１２３ 주문"));
    }

    [Fact]
    public void Hangul_compatibility_jamo_are_not_turned_into_conjoining_jamo()
    {
        Assert.Equal("ㅋㅋ ＡＢ→AB ㅠㅠ".Replace("ＡＢ→", string.Empty, StringComparison.Ordinal), Norm("ㅋㅋ ＡＢ ㅠㅠ"));
    }

    [Fact]
    public void Quoted_reply_and_attribution_are_dropped_when_the_customer_wrote_something_new()
    {
        var raw = "아직도 환불이 안 들어왔어요.\n\n2024년 11월 3일 (일) 오후 2:14, 고객센터 <help@example.com>님이 작성:\n> 환불은 3~5영업일 소요됩니다.\n> 감사합니다.";
        Assert.Equal("아직도 환불이 안 들어왔어요.", Norm(raw));
    }

    [Fact]
    public void A_ticket_that_is_all_quote_keeps_its_words()
    {
        Assert.Equal("주문 취소해 주세요", Norm("> 주문 취소해 주세요"));
    }

    [Fact]
    public void Outlook_original_message_block_is_cut()
    {
        var raw = "Still no refund.\n-----Original Message-----\nFrom: Support <help@example.com>\nSent: Monday\nSubject: RE: refund\nYour refund was issued.";
        Assert.Equal("Still no refund.", Norm(raw));
    }

    [Fact]
    public void Forwarded_content_is_kept_without_its_headers()
    {
        var raw = "see below\n---------- Forwarded message ---------\nFrom: Kim <kim@example.com>\nDate: Mon, 3 Nov\nSubject: order\n\nMy order never arrived.";
        Assert.Equal("see below\n\nMy order never arrived.", Norm(raw));
    }

    [Fact]
    public void Device_footer_is_dropped()
    {
        Assert.Equal("where is my parcel", Norm("where is my parcel\n\nSent from my iPhone"));
    }

    [Fact]
    public void Html_mail_becomes_lines()
    {
        var raw = "<html><head><style>p{color:red}</style></head><body><p>안녕하세요&#44; 교환 문의&nbsp;드립니다.</p><p>사이즈가 &lt;작아요&gt;</p></body></html>";
        Assert.Equal("안녕하세요, 교환 문의 드립니다.\n\n사이즈가 <작아요>", Norm(raw));
    }

    [Fact]
    public void Json_fragment_inside_text_keeps_its_human_values()
    {
        var raw = "문의 내용: {\"type\": \"inquiry\", \"text\": \"배송이 늦어요\", \"id\": \"A-12\"} 확인 바랍니다";
        Assert.Equal("문의 내용: 배송이 늦어요 확인 바랍니다", Norm(raw));
    }

    [Fact]
    public void Literal_escapes_are_decoded_and_cleaned()
    {
        Assert.Equal("결제 오류\n다시 시도했어요", Norm("결제\\u200b 오류\\n다시 시도했어요"));
    }

    [Fact]
    public void Utf8_read_as_windows_1252_is_repaired()
    {
        var mangled = System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes("주문 확인 부탁드립니다"));
        var normalized = TextNormalizer.Instance.Normalize(mangled);
        Assert.Equal("주문 확인 부탁드립니다", normalized.Text);
        Assert.True(normalized.Noise.HasFlag(NoiseKinds.Mojibake));
    }

    [Fact]
    public void Whitespace_runs_and_blank_line_runs_collapse()
    {
        Assert.Equal("a b\n\nc", Norm("  a \t  b \r\n\r\n\r\n\n c  "));
    }

    [Fact]
    public void Subject_and_body_are_joined_on_separate_lines()
    {
        Assert.Equal("배송 문의\n언제 와요", TextNormalizer.Instance.Normalize("배송 문의", "언제 와요").Text);
    }

    [Fact]
    public void Empty_and_null_normalize_to_empty()
    {
        Assert.True(TextNormalizer.Instance.Normalize((string?)null).IsEmpty);
        Assert.True(TextNormalizer.Instance.Normalize(" \u200b\u00a0\n").IsEmpty);
    }
}
