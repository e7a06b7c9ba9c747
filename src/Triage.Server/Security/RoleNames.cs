namespace Triage.Server.Security;

internal static class RoleNames
{
    public static bool TryParse(string name, out TriageRole role)
    {
        role = name.Trim().ToLowerInvariant() switch
        {
            "intake" => TriageRole.Intake,
            "agent" => TriageRole.Agent,
            "admin" => TriageRole.Admin,
            _ => TriageRole.None,
        };
        return role != TriageRole.None;
    }

    public static TriageRole Parse(IEnumerable<string> names) =>
        names.Aggregate(TriageRole.None, (all, name) => TryParse(name, out var role) ? all | role : all);
}
