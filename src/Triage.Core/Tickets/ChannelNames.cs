namespace Triage.Core.Tickets;

/// <summary>
/// The channel names the corpus, exports, the feedback store and the command line write
/// ("email", "chat", "phone", "social", "web_form"; training-data/README.md). One mapping for all of them,
/// so a file one part writes is always one another part reads.
/// </summary>
public static class ChannelNames
{
    public static IReadOnlyList<string> All { get; } = ["email", "chat", "phone", "social", "web_form"];

    public static string Of(Channel channel) => channel switch
    {
        Channel.Email => "email",
        Channel.Chat => "chat",
        Channel.Phone => "phone",
        Channel.Social => "social",
        Channel.WebForm => "web_form",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a channel"),
    };

    /// <summary>A corpus name in any case and with surrounding space; also "webform" and "web", as some helpdesk exports write it.</summary>
    public static bool TryParse(string? name, out Channel channel)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "email": channel = Channel.Email; return true;
            case "chat": channel = Channel.Chat; return true;
            case "phone": channel = Channel.Phone; return true;
            case "social": channel = Channel.Social; return true;
            case "web_form" or "webform" or "web": channel = Channel.WebForm; return true;
            default: channel = default; return false;
        }
    }
}
