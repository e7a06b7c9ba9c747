namespace Triage.Server.Security;

/// <summary>What a key may do. Helpdesk systems get <see cref="Intake"/>, representatives' tools <see cref="Agent"/>.</summary>
[Flags]
public enum TriageRole
{
    None = 0,
    Intake = 1,
    Agent = 2,
    Admin = 4,
    All = Intake | Agent | Admin,
}
