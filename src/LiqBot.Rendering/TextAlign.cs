namespace LiqBot.Rendering;

/// <summary>Where a text's anchor point sits horizontally on the string.</summary>
internal enum TextAlign
{
    Left,
    Center,
    Right,
}
