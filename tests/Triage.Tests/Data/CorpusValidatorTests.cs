using System.Text.Json;
using Triage.Corpus;

namespace Triage.Tests.Data;

/// <summary>The validator finds each kind of problem and names the file and line.</summary>
public sealed class CorpusValidatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("triage-corpus-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Dictionary<string, object> Ticket(string id, string body, string category = "refund", string intent = "get_refund", string urgency = "normal") => new()
    {
        ["id"] = id, ["language"] = "ko", ["channel"] = "chat", ["subject"] = "", ["body"] = body,
        ["category"] = category, ["intent"] = intent, ["urgency"] = urgency, ["source"] = "written", ["traits"] = Array.Empty<string>(),
    };

    private async Task<CorpusReport> Check(params object[] lines)
    {
        Directory.CreateDirectory(Path.Combine(_root, "tickets"));
        File.Copy(Path.Combine(Paths.TrainingData, "taxonomy.json"), Path.Combine(_root, "taxonomy.json"), overwrite: true);
        var text = lines.Select(l => l as string ?? JsonSerializer.Serialize(l));
        await File.WriteAllLinesAsync(Path.Combine(_root, "tickets", "t.jsonl"), text);
        return await CorpusValidator.CheckAsync(new CorpusLayout(_root), CorpusRequirements.None);
    }

    [Fact]
    public async Task A_clean_file_passes()
    {
        var report = await Check(Ticket("a", "환불 언제 돼요? 지난주에 반품 보냈어요"), Ticket("b", "비밀번호를 잊어버렸어요", "account", "recover_password"));
        Assert.True(report.IsValid, string.Join("\n", report.Issues));
    }

    [Theory]
    [InlineData("category", "refundz", "get_refund", "normal")]
    [InlineData("intent", "refund", "fly_away", "normal")]
    [InlineData("intent", "account", "get_refund", "normal")]
    [InlineData("urgency", "refund", "get_refund", "asap")]
    public async Task A_bad_label_is_named_with_file_and_line(string field, string category, string intent, string urgency)
    {
        var report = await Check(Ticket("a", "주문 취소 부탁드립니다"), Ticket("b", "배송지를 바꾸고 싶어요", category, intent, urgency));
        var issue = Assert.Single(report.Issues);
        Assert.Equal(field, issue.Field);
        Assert.Equal(2, issue.Line);
        Assert.EndsWith("t.jsonl", issue.File, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_json_empty_body_and_repeated_ids_are_reported()
    {
        var report = await Check(Ticket("a", "결제가 두 번 됐어요"), "{not json", Ticket("c", "  "), Ticket("a", "영수증 발급해 주세요", "invoice", "get_invoice"));
        Assert.Contains(report.Issues, i => i.Line == 2 && i.Field == "json");
        Assert.Contains(report.Issues, i => i.Line == 3 && i.Field == "body");
        Assert.Contains(report.Issues, i => i.Line == 4 && i.Field == "id");
    }

    [Fact]
    public async Task A_near_duplicate_with_other_nouns_is_caught()
    {
        var report = await Check(
            Ticket("a", "안녕하세요. 지난주에 주문한 운동화가 아직도 도착하지 않았습니다. 주문번호 20241103-0042781 확인 부탁드립니다."),
            Ticket("b", "안녕하세요. 지난주에 주문한 청바지가 아직도 도착하지 않았습니다. 주문번호 20241105-0042999 확인 부탁드립니다."),
            Ticket("c", "회원 탈퇴는 어디서 하나요?", "account", "delete_account"));
        var issue = Assert.Single(report.Issues);
        Assert.Contains("near-duplicate", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_split_is_deterministic_stratified_and_keeps_what_was_held_out()
    {
        var tickets = Enumerable.Range(0, 200).Select(i => new LabeledTicketRecord
        {
            Id = $"t{i}", Language = i % 2 == 0 ? "ko" : "en", Category = i % 4 < 2 ? "refund" : "order", Urgency = "normal",
        }).ToList();
        var first = HeldOutSplit.Draw(tickets, 0.2, seed: 7);
        Assert.Equal(first, HeldOutSplit.Draw(tickets, 0.2, seed: 7));
        Assert.NotEqual(first, HeldOutSplit.Draw(tickets, 0.2, seed: 8));
        foreach (var stratum in tickets.GroupBy(t => (t.Language, t.Category)))
        {
            Assert.Equal(10, stratum.Count(t => first.Contains(t.Id)));
        }

        var grown = tickets.Concat(Enumerable.Range(200, 40).Select(i => new LabeledTicketRecord { Id = $"t{i}", Language = "ko", Category = "refund", Urgency = "normal" })).ToList();
        var redrawn = HeldOutSplit.Draw(grown, 0.2, seed: 8, existing: first.ToHashSet());
        Assert.All(first, id => Assert.Contains(id, redrawn));
    }
}
