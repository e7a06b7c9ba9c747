using Triage.Core.Tickets;
using Wire = Triage.Api.V1.Channel;

namespace Triage.Cli.Commands;

/// <summary>Corpus channel names (<see cref="ChannelNames"/>) to the API's enum, for the commands that send tickets or cases.</summary>
internal static class WireChannels
{
    /// <summary>The wire channel of a corpus name; <paramref name="fallback"/> for an empty or unknown one.</summary>
    public static Wire Parse(string? name, Wire fallback) =>
        ChannelNames.TryParse(name, out var channel) ? channel switch
        {
            Channel.Email => Wire.Email,
            Channel.Chat => Wire.Chat,
            Channel.Phone => Wire.Phone,
            Channel.Social => Wire.Social,
            Channel.WebForm => Wire.WebForm,
            _ => fallback,
        } : fallback;
}
