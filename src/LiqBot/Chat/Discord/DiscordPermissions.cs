using System.Globalization;
using System.Numerics;

namespace LiqBot.Chat.Discord;

/// <summary>
/// Who may change a chat's settings: decided from what Discord says about the member (never from
/// what the user types): Administrator or Manage Server in member.permissions, or a configured
/// admin role. In a DM the user administers their own chat.
/// </summary>
internal static class DiscordPermissions
{
    public static readonly BigInteger Administrator = 1 << 3;
    public static readonly BigInteger ManageGuild = 1 << 5;

    public static bool IsAdmin(DiscordInteraction interaction, IEnumerable<string> adminRoleIds)
    {
        if (!interaction.IsInGuild)
        {
            return true;
        }

        // The bitfield is a decimal string and grows past 64 bits as Discord adds permissions.
        if (BigInteger.TryParse(interaction.MemberPermissions, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
            && !((permissions & (Administrator | ManageGuild)).IsZero))
        {
            return true;
        }

        return interaction.MemberRoles.Intersect(adminRoleIds, StringComparer.Ordinal).Any();
    }
}
