using Triage.Core.Tickets;

namespace Triage.Tests.Text;

public sealed class ChannelNamesTests
{
    [Fact]
    public void Every_channel_round_trips_through_its_corpus_name()
    {
        Assert.Equal(Enum.GetValues<Channel>().Length, ChannelNames.All.Count);
        foreach (var channel in Enum.GetValues<Channel>())
        {
            var name = ChannelNames.Of(channel);
            Assert.Contains(name, ChannelNames.All);
            Assert.True(ChannelNames.TryParse(name, out var parsed));
            Assert.Equal(channel, parsed);
        }
    }

    [Theory]
    [InlineData(" Email ", Channel.Email)]
    [InlineData("WEB_FORM", Channel.WebForm)]
    [InlineData("webform", Channel.WebForm)]
    [InlineData("web", Channel.WebForm)]
    public void Names_are_read_leniently(string name, Channel expected)
    {
        Assert.True(ChannelNames.TryParse(name, out var channel));
        Assert.Equal(expected, channel);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fax")]
    public void Anything_else_is_not_a_channel(string? name) => Assert.False(ChannelNames.TryParse(name, out _));
}
