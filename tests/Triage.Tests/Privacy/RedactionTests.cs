using Triage.Core.Privacy;

namespace Triage.Tests.Privacy;

public sealed class RedactionTests
{
    private static RedactedText Redact(string s) => PiiRedactor.Instance.Redact(s);

    [Theory]
    [InlineData("메일은 minji.kim@example.com 으로 주세요", "메일은 [EMAIL_1] 으로 주세요")]
    [InlineData("연락처 010-2384-5571 입니다", "연락처 [PHONE_1] 입니다")]
    [InlineData("연락처 01023845571", "연락처 [PHONE_1]")]
    [InlineData("연락처 010 2384 5571", "연락처 [PHONE_1]")]
    [InlineData("+82 10-2384-5571로 전화 주세요", "[PHONE_1]로 전화 주세요")]
    [InlineData("사무실 02-555-1234", "사무실 [PHONE_1]")]
    [InlineData("call me at (555) 123-4567 please", "call me at [PHONE_1] please")]
    [InlineData("UK mobile +44 7700 900123", "UK mobile [PHONE_1]")]
    [InlineData("주민번호 900101-1234567 보내드려요", "주민번호 [RRN_1] 보내드려요")]
    [InlineData("주민등록번호 9001011234567", "주민등록번호 [RRN_1]")]
    [InlineData("카드 4111 1111 1111 1111 로 결제", "카드 [CARD_1] 로 결제")]
    [InlineData("card 5500-0000-0000-0004 charged", "card [CARD_1] charged")]
    [InlineData("환불 계좌 국민은행 123-456-789012 입니다", "환불 계좌 국민은행 [ACCOUNT_1] 입니다")]
    [InlineData("농협 302-1234-5678-91 예금주 김민지", "농협 [ACCOUNT_1] 예금주 김민지")]
    [InlineData("my account number is 12345678 at the bank", "my account number is [ACCOUNT_1] at the bank")]
    [InlineData("IBAN GB82 WEST 1234 5698 7654 32", "IBAN [ACCOUNT_1]")]
    public void Personal_data_is_replaced_by_typed_placeholders(string raw, string expected)
    {
        Assert.Equal(expected, Redact(raw).Text);
    }

    [Theory]
    [InlineData("주문번호 1234567812345678 확인 부탁드려요")] // 16 digits, fails Luhn: an order number, not a card
    [InlineData("주문번호 20241103-0042781 배송 언제 와요")]
    [InlineData("고객센터 1588-0000 연결이 안 돼요")]
    [InlineData("11/3에 39,800원 결제했어요")]
    [InlineData("2024-11-03 주문, 송장 6012345678901")]
    [InlineData("우리 아이가 주문한 20241103004278 건이요")]
    [InlineData("우체국택배 송장번호 123456789012")]
    [InlineData("카드 끝자리 4821로 결제했어요")]
    [InlineData("order ORD-88123 for $39.99 on 2024-11-03")]
    [InlineData("사이즈 270mm, 수량 2개, 12만원")]
    [InlineData("invoice INV-2024-000123 please")]
    public void Look_alikes_are_left_alone(string raw)
    {
        var redacted = Redact(raw);
        Assert.False(redacted.HasPersonalData, $"redacted: {redacted.Text}");
        Assert.Equal(raw, redacted.Text);
    }

    [Fact]
    public void The_same_value_gets_the_same_placeholder_and_different_values_different_ones()
    {
        var redacted = Redact("010-1111-2222 또는 01011112222, 아니면 010-3333-4444");
        Assert.Equal("[PHONE_1] 또는 [PHONE_1], 아니면 [PHONE_2]", redacted.Text);
        Assert.Equal(3, redacted.Matches.Count);
    }

    [Fact]
    public void Restore_puts_the_original_values_back()
    {
        var redacted = Redact("kim@example.com / 010-2384-5571");
        Assert.Equal("연락처 010-2384-5571 로 연락드리겠습니다", redacted.Restore("연락처 [PHONE_1] 로 연락드리겠습니다"));
        Assert.Equal([PiiKind.Email, PiiKind.Phone], redacted.Kinds.ToArray());
    }

    [Fact]
    public void Invalid_resident_registration_dates_are_not_rrns()
    {
        Assert.False(Redact("번호 901301-1234567").HasPersonalData); // month 13
    }
}
