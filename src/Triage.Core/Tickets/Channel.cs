namespace Triage.Core.Tickets;

/// <summary>How the customer reached us. Phone tickets are an agent's third-person note.</summary>
public enum Channel
{
    Email,
    Chat,
    Phone,
    Social,
    WebForm,
}
