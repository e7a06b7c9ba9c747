using BenchmarkDotNet.Attributes;
using Triage.Core.Intake;
using Triage.Core.Privacy;
using Triage.Core.Text;
using Triage.Core.Tickets;

namespace Triage.Benchmarks;

/// <summary>The shared first steps of every request: normalization, language detection, redaction.</summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private readonly Ticket _ticket = new("T-1", "배송 문의", SampleTickets.KoreanEmail1K, Channel.Email);

    [Benchmark]
    public NormalizedText Normalize1K() => TextNormalizer.Instance.Normalize(SampleTickets.KoreanEmail1K);

    [Benchmark]
    public RedactedText Redact1K() => PiiRedactor.Instance.Redact(SampleTickets.KoreanEmail1K);

    [Benchmark]
    public PreparedTicket PrepareTicket1K() => TicketPreparer.Prepare(_ticket);
}
