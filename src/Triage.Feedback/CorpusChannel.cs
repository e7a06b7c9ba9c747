using Triage.Core.Tickets;

namespace Triage.Feedback;

/// <summary>Channels as the corpus spells them (training-data/README.md), so an export reads back like any corpus file.</summary>
public static class CorpusChannel
{
    public static string Of(Channel channel) => channel switch
    {
        Channel.Email => "email",
        Channel.Chat => "chat",
        Channel.Phone => "phone",
        Channel.Social => "social",
        Channel.WebForm => "web_form",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "no corpus name"),
    };

    public static Channel Parse(string name) => name switch
    {
        "email" => Channel.Email,
        "chat" => Channel.Chat,
        "phone" => Channel.Phone,
        "social" => Channel.Social,
        "web_form" => Channel.WebForm,
        _ => throw new InvalidDataException($"unknown channel '{name}' in the feedback store"),
    };
}
