using System.Diagnostics.Metrics;
using LiqBot.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace LiqBot.Tests.TestSupport;

/// <summary>The bot's metrics on a meter factory of their own, as the host makes them.</summary>
internal static class TestMetrics
{
    public static BotMetrics New() => new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
}
