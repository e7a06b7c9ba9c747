namespace Triage.Core.Feedback;

/// <summary>What the representative did with a draft.</summary>
public enum ReviewDecision
{
    /// <summary>Sent as drafted.</summary>
    Accepted,

    /// <summary>Sent after editing: the final text differs from the draft.</summary>
    Edited,

    /// <summary>Not used: a rejection reason says why.</summary>
    Rejected,
}
