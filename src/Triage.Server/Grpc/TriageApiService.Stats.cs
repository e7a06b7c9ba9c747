using Grpc.Core;
using Triage.Api.V1;
using Triage.Server.Security;

namespace Triage.Server.Grpc;

/// <summary>Quality figures for supervisors: acceptance, edits, rejections, live precision, abstention, SLA.</summary>
public sealed partial class TriageApiService
{
    [RequireRole(TriageRole.Agent | TriageRole.Admin)]
    public override async Task<QualityStats> GetQualityStats(GetQualityStatsRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        var s = await feedback.GetStatsAsync(CallerIdentity.Of(context).Tenant, request.From?.ToDateTimeOffset(), request.To?.ToDateTimeOffset(), context.CancellationToken);
        var stats = new QualityStats
        {
            Decisions = s.Decisions,
            Reviews = s.Reviews,
            AcceptanceRate = s.AcceptanceRate,
            EditRate = s.EditRate,
            RejectionRate = s.RejectionRate,
            MeanEditDistance = s.MeanEditDistance,
            AbstentionRate = s.AbstentionRate,
            SlaMetRate = s.SlaMetRate,
            SlaMeasured = s.SlaMeasured,
        };
        foreach (var reason in s.RejectionReasons)
        {
            stats.RejectionReasons[reason.Label] = reason.Count;
        }

        foreach (var drafter in s.DraftsByDrafter)
        {
            stats.DraftsByDrafter[drafter.Label] = drafter.Count;
        }

        stats.CategoryPrecision.AddRange(s.CategoryPrecision.Select(ToProto));
        stats.UrgencyPrecision.AddRange(s.UrgencyPrecision.Select(ToProto));
        return stats;
    }

    private static Api.V1.LabelPrecision ToProto(Core.Feedback.LabelPrecision p) =>
        new() { Label = p.Label, Reviewed = p.Reviewed, Correct = p.Correct, Precision = p.Precision };
}
