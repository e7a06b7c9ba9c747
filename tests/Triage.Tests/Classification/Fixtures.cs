using Triage.Classifier.Data;
using Triage.Core.Classification;
using Triage.Core.Text;
using Triage.Core.Tickets;

namespace Triage.Tests.Classification;

/// <summary>
/// A small labeled set written for the tests: four intents in three categories, Korean and English,
/// with urgency phrases, so a bundle trains in a second or two. Generated from a fixed seed.
/// </summary>
internal static class Fixtures
{
    private static readonly (string Category, string Intent, string[] Korean, string[] English)[] Intents =
    [
        ("refund", "get_refund", ["환불 받고 싶어요", "환불 요청합니다", "돈 돌려주세요", "반품하고 환불해주세요"], ["i want a refund", "please refund my money", "give me my money back", "refund this item"]),
        ("refund", "track_refund", ["환불 언제 들어와요", "환불 진행 상황 알려주세요", "환불 아직 안 들어왔어요"], ["where is my refund", "refund status please", "my refund has not arrived"]),
        ("delivery", "delivery_period", ["배송 얼마나 걸려요", "언제 도착하나요", "배송 기간 알려주세요"], ["how long does shipping take", "when will it arrive", "delivery time please"]),
        ("account", "recover_password", ["비밀번호를 잊어버렸어요", "비번 재설정 어떻게 해요", "로그인 비밀번호 찾기"], ["i forgot my password", "reset my password", "cannot remember my login password"]),
    ];

    private static readonly (string Urgency, string[] Korean, string[] English)[] Urgencies =
    [
        ("urgent", ["지금 당장 처리해주세요", "오늘 안에 꼭 부탁드려요"], ["i need this immediately", "asap please today"]),
        ("normal", ["확인 부탁드립니다", "답변 기다릴게요"], ["please let me know", "thanks for checking"]),
        ("low", ["천천히 봐주셔도 돼요", "시간 나실 때 알려주세요"], ["no rush at all", "whenever you have time"]),
    ];

    private static readonly string[] Fillers = ["주문번호 12345", "어제", "앱에서", "order 5521", "yesterday", "on the website", "", ""];

    public static IReadOnlyList<TrainingExample> Examples(int perIntent = 36, int seed = 7)
    {
        var random = new Random(seed);
        var rows = new List<TrainingExample>();
        foreach (var (category, intent, korean, english) in Intents)
        {
            for (var i = 0; i < perIntent; i++)
            {
                var isKorean = i % 3 != 0;
                var (urgency, koUrgent, enUrgent) = Urgencies[random.Next(Urgencies.Length)];
                var phrase = isKorean ? korean[random.Next(korean.Length)] : english[random.Next(english.Length)];
                var cue = isKorean ? koUrgent[random.Next(koUrgent.Length)] : enUrgent[random.Next(enUrgent.Length)];
                var text = $"{Fillers[random.Next(Fillers.Length)]} {phrase} {cue} {i}".Trim();
                rows.Add(Example($"fx-{intent}-{i:000}", text, category, intent, urgency, isKorean ? "ko" : "en", (Channel)(i % 5)));
            }
        }

        return rows;
    }

    public static TrainingExample Example(string id, string text, string? category, string? intent, string? urgency, string language = "en", Channel channel = Channel.Email)
    {
        var normalized = TextNormalizer.Instance.Normalize(text).Text;
        return new TrainingExample(id, "fixture.jsonl", "fixture.jsonl", 1, new ClassifierInput(normalized, LanguageDetector.Detect(normalized), channel), language, category, intent, urgency);
    }

    public static IReadOnlyList<ClassifierInput> Probes { get; } =
    [
        Input("환불 받고 싶어요 지금 당장"),
        Input("where is my refund, no rush"),
        Input("비밀번호 재설정 해주세요"),
        Input("how long does delivery take to Busan?"),
        Input("something completely unrelated about the weather"),
    ];

    public static ClassifierInput Input(string text, Channel channel = Channel.Email)
    {
        var normalized = TextNormalizer.Instance.Normalize(text).Text;
        return new ClassifierInput(normalized, LanguageDetector.Detect(normalized), channel);
    }
}
