using Triage.Core.Tickets;

namespace Triage.Core.Classification;

/// <summary>
/// What a classifier sees of a ticket: normalized text (subject line first, then body), the detected
/// language and the channel. Never the customer id, never any label.
/// </summary>
public sealed record ClassifierInput(string Text, string Language, Channel Channel);
