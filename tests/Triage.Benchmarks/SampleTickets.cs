namespace Triage.Benchmarks;

/// <summary>Ticket texts for the benchmarks: a realistic 1 KB Korean e-mail, noise included.</summary>
internal static class SampleTickets
{
    public const string KoreanEmail1K =
        "\ufeff안녕하세요. 지난주 화요일(11/3)에 모아마켓에서 운동화 두 켤레를 주문했는데요, 주문번호 20241103-0042781 입니다.\n" +
        "배송&nbsp;조회를 해보면 계속 '상품 준비 중'으로만 나오고 일주일째 변화가 없어요<br>다음 주 토요일이 아이 생일이라 그 전에는 꼭 받아야 하거든요.\n" +
        "결제는 카카오페이로 89,000원 했고, 혹시 재고가 없는 거라면 빨리 알려주시면 좋겠습니다. 연락처는 010-2384-5571 입니다.\n" +
        "> 2024년 11월 3일 (일) 오후 2:14, 고객센터 <help@example.com>님이 작성:\n> 주문해 주셔서 감사합니다.\n" +
        "예전에도 한 번 이런 적이 있어서 걱정이 되네요ㅠㅠ 출고 예정일이라도 알려주시면 감사하겠습니다. 만약 이번 주 안에 출고가 안 되면 " +
        "주문 취소하고 다른 곳에서 사야 할 것 같아요. 취소하면 환불은 카드사 기준으로 며칠 걸리는지도 같이 알려주세요.\n감사합니다. 김민지 드림";

    public static readonly string[] Mixed =
    [
        KoreanEmail1K,
        "환불 언제 돼요?? 벌써 2주째인데ㅡㅡ",
        "Hi, I was charged twice for order #552901 ($39.99 each). Please refund one of the charges as soon as possible.",
        "고객 전화: 새벽배송 가능 지역인지 문의. 분당 정자동. 내일 아침 7시 전 도착 원함.",
        "제 주문이\u200b 아직\u200b 안 왔어요",
    ];
}
