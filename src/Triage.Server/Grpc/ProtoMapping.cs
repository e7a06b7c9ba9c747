using Google.Protobuf.WellKnownTypes;
using Triage.Core.Classification;
using Triage.Core.Tickets;
using Triage.Server.Model;
using V1 = Triage.Api.V1;

namespace Triage.Server.Grpc;

/// <summary>Translation between the wire types and the domain's; validation has already run.</summary>
internal static class ProtoMapping
{
    /// <summary>Proto3 strings are never null: empty means "not given".</summary>
    public static string? NullIfEmpty(this string value) => value.Length == 0 ? null : value;

    public static Ticket ToDomain(this V1.Ticket t) => new(
        t.TicketId,
        t.Subject,
        t.Body,
        // A ticket's channel is required and validated, so it always maps.
        t.Channel.ToDomain() ?? Channel.WebForm,
        t.Language.NullIfEmpty(),
        t.CustomerId.NullIfEmpty(),
        (CustomerTier)(int)t.CustomerTier,
        t.CreatedAt?.ToDateTimeOffset(),
        t.Metadata.Count == 0 ? null : new Dictionary<string, string>(t.Metadata));

    public static V1.Classification ToProto(this TicketClassification c, SlaOptions sla)
    {
        var proto = new V1.Classification
        {
            Category = c.Category.ToProto(),
            Intent = c.Intent.ToProto(),
            Urgency = c.Urgency.ToProto(),
            NeedsHumanTriage = c.NeedsHumanTriage,
        };
        if (sla.For(c.Urgency.Label) is { } target)
        {
            proto.FirstResponseTarget = Duration.FromTimeSpan(target);
        }

        return proto;
    }

    private static V1.HeadPrediction ToProto(this HeadPrediction h)
    {
        var proto = new V1.HeadPrediction
        {
            Label = h.Label,
            Confidence = h.Confidence,
            Threshold = h.Threshold,
            NeedsHumanTriage = h.Abstained,
        };
        proto.Top.AddRange(h.Top.Select(t => new V1.LabelProbability { Label = t.Label, Probability = t.Probability }));
        proto.Evidence.AddRange(h.Evidence.Select(e => new V1.Evidence { Term = e.Term, Weight = e.Weight }));
        return proto;
    }

    public static V1.ModelInfo ToProto(this ModelDescription d, string? source, DateTimeOffset? loadedAt)
    {
        var info = new V1.ModelInfo
        {
            Version = d.Version,
            TrainedAt = Timestamp.FromDateTimeOffset(d.TrainedAt),
            Source = source ?? string.Empty,
        };
        if (loadedAt is { } loaded)
        {
            info.LoadedAt = Timestamp.FromDateTimeOffset(loaded);
        }

        foreach (var head in d.Heads)
        {
            var h = new V1.HeadInfo { Head = head.Head, Trainer = head.Trainer };
            h.Labels.AddRange(head.Labels);
            foreach (var (label, threshold) in head.Thresholds)
            {
                h.Thresholds[label] = threshold;
            }

            foreach (var (metric, value) in head.Metrics)
            {
                h.Metrics[metric] = value;
            }

            info.Heads.Add(h);
        }

        return info;
    }
}
