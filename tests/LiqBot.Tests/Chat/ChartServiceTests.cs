using LiqBot.Chat;
using LiqBot.Engine.Model;
using LiqBot.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Chat;

public sealed class ChartServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly ChartService charts = new(new FakeTimeProvider(Now));
    private readonly LiquidationBook bookWithoutData = new("ETHUSDT", new ModelOptions());

    [Fact]
    public void Map_BookWithoutData_IsDatedNowNotTheEpoch()
    {
        var book = bookWithoutData.Snapshot(TimeWindow.H24, "no data yet");

        var png = charts.Map(book, []).Png;

        Assert.Equal(DateTimeOffset.UnixEpoch, book.At);
        Assert.Equal(new LiquidationMapRenderer().Render(book with { At = Now }, [], RenderSize.Default), png);
    }

    [Fact]
    public void Heatmap_BookWithoutData_SpansTheWindowEndingNow()
    {
        var heatmap = bookWithoutData.Heatmap(TimeWindow.D7, "no data yet");

        var png = charts.Heatmap(heatmap).Png;

        Assert.Equal(DateTimeOffset.UnixEpoch, heatmap.To);
        Assert.Equal(new HeatmapRenderer().Render(heatmap with { From = Now - TimeWindow.D7.Span, To = Now }, RenderSize.Default), png);
    }
}
