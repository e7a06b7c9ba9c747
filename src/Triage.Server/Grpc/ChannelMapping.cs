using Triage.Core.Tickets;
using V1 = Triage.Api.V1;

namespace Triage.Server.Grpc;

/// <summary>The one translation between the wire's channel enum and the domain's.</summary>
internal static class ChannelMapping
{
    /// <summary>Unset maps to null; validation has already refused unknown numbers.</summary>
    public static Channel? ToDomain(this V1.Channel channel) => channel switch
    {
        V1.Channel.Email => Channel.Email,
        V1.Channel.Chat => Channel.Chat,
        V1.Channel.Phone => Channel.Phone,
        V1.Channel.Social => Channel.Social,
        V1.Channel.WebForm => Channel.WebForm,
        _ => null,
    };

    public static V1.Channel ToProto(this Channel channel) => channel switch
    {
        Channel.Email => V1.Channel.Email,
        Channel.Chat => V1.Channel.Chat,
        Channel.Phone => V1.Channel.Phone,
        Channel.Social => V1.Channel.Social,
        _ => V1.Channel.WebForm,
    };
}
