namespace LiqBot.Exchanges;

public enum FeedState
{
    Connecting,
    Live,
    Unavailable,
    Ended,
}
