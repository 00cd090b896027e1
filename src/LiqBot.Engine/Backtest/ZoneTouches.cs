namespace LiqBot.Engine.Backtest;

/// <summary>Zones checked, the share touched within the horizon, and the mean share of their equal bands touched.</summary>
public sealed record ZoneTouches(int Zones, double TouchRate, double BandTouchRate);
