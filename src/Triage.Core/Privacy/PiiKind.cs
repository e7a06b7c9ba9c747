namespace Triage.Core.Privacy;

/// <summary>Kinds of personal data the redactor replaces. The placeholder tag is the upper-case name.</summary>
public enum PiiKind
{
    Email,
    Phone,
    ResidentRegistrationNumber,
    Card,
    Account,
}
