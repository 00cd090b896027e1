namespace LiqBot.Storage;

internal enum OutboxMessageKind
{
    Alert,
    Summary,
    Reply,
}
