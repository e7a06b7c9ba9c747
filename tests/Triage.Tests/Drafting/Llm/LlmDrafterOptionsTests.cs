using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Triage.Core.Drafting;
using Triage.Drafting.Llm;

namespace Triage.Tests.Drafting.Llm;

/// <summary>Misconfiguration stops start-up with the setting to fix; a good configuration resolves the drafter.</summary>
public sealed class LlmDrafterOptionsTests
{
    [Fact]
    public void Missing_endpoint_and_model_name_their_settings()
    {
        var result = new LlmDrafterOptionsValidator().Validate(null, new LlmDrafterOptions());

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Triage:Drafting:Llm:Endpoint", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Triage:Drafting:Llm:Model", StringComparison.Ordinal));
    }

    [Fact]
    public void Azure_needs_a_key_and_the_resource_root()
    {
        var result = new LlmDrafterOptionsValidator().Validate(null, new LlmDrafterOptions
        {
            Kind = LlmEndpointKind.Azure,
            Endpoint = new Uri("https://shop.openai.azure.com/openai/deployments/x"),
            Model = "gpt-4o-mini",
        });

        Assert.Contains(result.Failures!, f => f.Contains("resource root", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("ApiKey is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_are_an_eight_second_deadline_and_a_short_low_temperature_reply()
    {
        var o = new LlmDrafterOptions();
        Assert.Equal(TimeSpan.FromSeconds(8), o.Deadline);
        Assert.Equal(LlmEndpointKind.OpenAI, o.Kind);
        Assert.InRange(o.Temperature, 0, 0.5);
    }

    [Fact]
    public void Registration_resolves_the_llm_drafter_as_the_reply_drafter_and_validates()
    {
        using var good = new ServiceCollection()
            .AddLlmDrafter(o => { o.Endpoint = new Uri("http://localhost:11434/v1"); o.Model = "qwen2.5:7b"; })
            .BuildServiceProvider();
        var drafter = good.GetRequiredService<IReplyDrafter>();
        Assert.IsType<LlmDrafter>(drafter);
        Assert.Equal("llm", drafter.Name);
        Assert.Same(drafter, good.GetRequiredService<LlmDrafter>());

        using var bad = new ServiceCollection().AddLlmDrafter(o => o.Model = "m").BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<LlmDrafterOptions>>().Value);
    }
}
