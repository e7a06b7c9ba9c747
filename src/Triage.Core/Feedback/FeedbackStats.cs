namespace Triage.Core.Feedback;

/// <summary>A label with its count.</summary>
public sealed record LabelCount(string Label, int Count);

/// <summary>Live precision of one predicted label: of the reviewed predictions of it, how many were not corrected.</summary>
public sealed record LabelPrecision(string Label, int Reviewed, int Correct)
{
    public double Precision => Reviewed == 0 ? 0 : (double)Correct / Reviewed;
}

/// <summary>
/// Quality figures for one tenant over [From, To). Review figures count reviews by review time; decision
/// figures (abstention, drafts by drafter) count decisions by receive time. Rates are 0 when there is
/// nothing to divide by. Lists are ordered by count descending, then label.
/// </summary>
public sealed record FeedbackStats(
    string TenantId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int Decisions,
    int Reviews,
    int Accepted,
    int Edited,
    int Rejected,
    double MeanEditDistance,
    IReadOnlyList<LabelCount> RejectionReasons,
    IReadOnlyList<LabelPrecision> CategoryPrecision,
    IReadOnlyList<LabelPrecision> UrgencyPrecision,
    int AbstainedDecisions,
    IReadOnlyList<LabelCount> DraftsByDrafter,
    int SlaMeasured,
    int SlaMet)
{
    /// <summary>Accepted unchanged, of all reviews.</summary>
    public double AcceptanceRate => Rate(Accepted, Reviews);

    /// <summary>Sent after editing, of all reviews.</summary>
    public double EditRate => Rate(Edited, Reviews);

    public double RejectionRate => Rate(Rejected, Reviews);

    /// <summary>Decisions where any head abstained, of all decisions.</summary>
    public double AbstentionRate => Rate(AbstainedDecisions, Decisions);

    /// <summary>Reviews within the first-response target, of the reviews whose decision had a target.</summary>
    public double SlaMetRate => Rate(SlaMet, SlaMeasured);

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
