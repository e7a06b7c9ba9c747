using System.Diagnostics;
using Grpc.Core;
using Triage.Api.V1;
using Triage.Tests.Api;

namespace Triage.Tests.Faults;

/// <summary>What the fault tests share: the shipped model, distinct resolved cases, and time bounds.</summary>
internal static class FaultKit
{
    /// <summary>The shipped bundle: the real classifier, loaded by the real process.</summary>
    public static string ShippedModel => Path.Combine(Paths.RepoRoot, "models", "active", "model.zip");

    /// <summary>A case whose body and reply no other case shares, so searching its body finds it first.</summary>
    public static ResolvedCase Case(string id) => new()
    {
        CaseId = id,
        Language = "ko",
        Channel = Channel.Email,
        Subject = "환불 문의",
        Body = $"{Word(id, 1)} {Word(id, 2)} {Word(id, 3)} 환불 요청드립니다",
        Reply = $"안녕하세요, 고객님. 요청하신 건({id})은 처리되었습니다.",
        Category = "refund",
        Intent = "get_refund",
        Urgency = "normal",
        Outcome = "answered",
    };

    /// <summary>The ticket a case is found by.</summary>
    public static Ticket TicketFor(ResolvedCase c) => Tickets.Valid(c.Body);

    /// <summary>Sends the cases in one IngestResolvedCases stream and returns the acknowledgement.</summary>
    public static async Task<IngestResolvedCasesResponse> IngestAsync(TriageService.TriageServiceClient client, IEnumerable<ResolvedCase> cases, CancellationToken ct = default)
    {
        using var call = client.IngestResolvedCases(cancellationToken: ct);
        foreach (var item in cases)
        {
            await call.RequestStream.WriteAsync(item, ct);
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }

    /// <summary>The case the body of <paramref name="c"/> finds first, if any.</summary>
    public static async Task<string?> TopHitAsync(TriageService.TriageServiceClient client, ResolvedCase c)
    {
        var found = await client.FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = TicketFor(c), TopK = 1 });
        return found.Cases.FirstOrDefault()?.CaseId;
    }

    /// <summary>Every case is found by its own body; runs a few searches at a time.</summary>
    public static async Task AssertAllFoundAsync(TriageService.TriageServiceClient client, IReadOnlyCollection<ResolvedCase> cases)
    {
        var missing = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
        {
            if (await TopHitAsync(client, c) != c.CaseId)
            {
                missing.Add(c.CaseId);
            }
        });
        Assert.True(missing.IsEmpty, $"{missing.Count} of {cases.Count} acknowledged cases are missing, e.g. {string.Join(", ", missing.Take(5))}");
    }

    /// <summary>The stream's text deltas and its final draft.</summary>
    public static async Task<(string Streamed, Draft? Final)> ReadDraftStreamAsync(AsyncServerStreamingCall<DraftChunk> call)
    {
        var streamed = new System.Text.StringBuilder();
        Draft? final = null;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            if (chunk.ChunkCase == DraftChunk.ChunkOneofCase.Draft)
            {
                final = chunk.Draft;
            }
            else
            {
                streamed.Append(chunk.TextDelta);
            }
        }

        return (streamed.ToString(), final);
    }

    /// <summary>Runs the call and checks it finished within the bound (generous: a loaded two-core CI machine).</summary>
    public static async Task<T> Within<T>(TimeSpan bound, Func<Task<T>> call)
    {
        var watch = Stopwatch.StartNew();
        var result = await call();
        Assert.True(watch.Elapsed < bound, $"took {watch.Elapsed.TotalSeconds:0.0} s, bound {bound.TotalSeconds:0.0} s");
        return result;
    }

    /// <summary>An eight-letter pseudo-word, the same for the same (id, salt).</summary>
    private static string Word(string id, int salt)
    {
        var hash = 2166136261u;
        foreach (var ch in id + "#" + salt)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        var letters = new char[8];
        for (var i = 0; i < letters.Length; i++)
        {
            hash = (hash * 1103515245u) + 12345u;
            letters[i] = (char)('a' + ((hash >> 16) % 26));
        }

        return new string(letters);
    }
}
