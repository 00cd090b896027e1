namespace LiqBot.Fakes.Discord;

/// <summary>A message the fake accepted in a channel.</summary>
public sealed record FakeChannelMessage(string Id, string ChannelId, FakeMessageBody Body);
