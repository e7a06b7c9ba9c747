namespace Triage.Server.Model;

/// <summary>
/// <c>Triage:Sla</c>: first-response target per urgency label. Urgency labels are the model's data, so
/// they are configuration here; the defaults are LABELS.md's.
/// </summary>
public sealed class SlaOptions
{
    public const string Section = "Triage:Sla";

    public Dictionary<string, TimeSpan> FirstResponse { get; init; } = new(StringComparer.Ordinal)
    {
        ["urgent"] = TimeSpan.FromHours(1),
        ["high"] = TimeSpan.FromHours(4),
        ["normal"] = TimeSpan.FromHours(24),
        ["low"] = TimeSpan.FromHours(72),
    };

    public TimeSpan? For(string urgency) => FirstResponse.TryGetValue(urgency, out var target) ? target : null;
}
