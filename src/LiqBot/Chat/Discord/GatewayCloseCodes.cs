namespace LiqBot.Chat.Discord;

/// <summary>The close code table of the gateway: which codes resume, which need a new session, which are fatal.</summary>
internal static class GatewayCloseCodes
{
    public const int AuthenticationFailed = 4004;
    public const int DisallowedIntents = 4014;

    /// <summary>The code this client closes with to reconnect: anything but 1000/1001 keeps the session resumable.</summary>
    public const int Reconnecting = 4000;

    public static GatewayNext Classify(int? code, bool canResume) => code switch
    {
        null => canResume ? GatewayNext.Resume : GatewayNext.Identify,
        4000 or 4001 or 4002 or 4003 or 4005 or 4008 => canResume ? GatewayNext.Resume : GatewayNext.Identify,
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayNext.Stop,
        _ => GatewayNext.Identify,
    };

    public static string Describe(int? code) => code switch
    {
        null => "dropped without a close code",
        4000 => "4000 unknown error",
        4001 => "4001 unknown opcode",
        4002 => "4002 decode error",
        4003 => "4003 not authenticated",
        4004 => "4004 authentication failed: the bot token (Discord:Token) is wrong or was reset",
        4005 => "4005 already authenticated",
        4007 => "4007 invalid seq",
        4008 => "4008 rate limited",
        4009 => "4009 session timed out",
        4010 => "4010 invalid shard: check Discord:ShardId and Discord:ShardCount",
        4011 => "4011 sharding required: set Discord:ShardCount",
        4012 => "4012 invalid API version",
        4013 => "4013 invalid intents",
        4014 => "4014 disallowed intents: a privileged intent is not enabled in the developer portal",
        _ => code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
