namespace Triage.Core.Tickets;

public enum CustomerTier
{
    Unspecified,
    Standard,
    Premium,
    Vip,
    Business,
}
