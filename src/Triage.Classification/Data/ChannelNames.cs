using Triage.Core.Tickets;

namespace Triage.Classifier.Data;

/// <summary>The wire names of channels as the corpus and exports write them.</summary>
public static class ChannelNames
{
    public static string Of(Channel channel) => channel switch
    {
        Channel.Email => "email",
        Channel.Chat => "chat",
        Channel.Phone => "phone",
        Channel.Social => "social",
        _ => "web_form",
    };

    public static bool TryParse(string? name, out Channel channel)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "email": channel = Channel.Email; return true;
            case "chat": channel = Channel.Chat; return true;
            case "phone": channel = Channel.Phone; return true;
            case "social": channel = Channel.Social; return true;
            case "web_form" or "webform" or "web": channel = Channel.WebForm; return true;
            default: channel = Channel.Chat; return false;
        }
    }
}
