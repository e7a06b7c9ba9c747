namespace Triage.Core.Privacy;

/// <summary>One piece of personal data found, the placeholder that replaced it, and where it was.</summary>
public sealed record PiiMatch(PiiKind Kind, string Placeholder, string Value, int Start, int Length);
