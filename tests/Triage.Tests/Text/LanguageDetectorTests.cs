using Triage.Core.Text;

namespace Triage.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("주문한 물건이 아직 안 왔어요", "ko")]
    [InlineData("주문번호 ORD-88123 iPhone 15 Pro Max 케이스 언제 와요", "ko")]
    [InlineData("ㅋㅋㅋ 환불 ㄱㄱ", "ko")]
    [InlineData("My parcel has not arrived yet, can you check order #552901?", "en")]
    [InlineData("refund pls", "en")]
    [InlineData("Hello, thanks a lot. 감사합니다", "en")]
    [InlineData("Mi pedido no ha llegado y quiero saber por qué", "other")]
    [InlineData("Ich habe die Ware nicht erhalten und das ist nicht in Ordnung", "other")]
    [InlineData("注文した商品がまだ届きません", "other")]
    [InlineData("12345 !!!", "other")]
    public void Detects_the_language(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }
}
