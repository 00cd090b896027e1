namespace LiqBot.Storage;

/// <summary>
/// Re-addresses a chat's rows in one transaction. Rows the target already has of its own (it may
/// have been used before the move was noticed) win; the source's conflicting rows are dropped,
/// except chat settings, which the target takes from the source where it has none.
/// </summary>
internal static class ChatMover
{
    // Each table with the columns that, besides the chat, make a row unique.
    private static readonly (string Table, string? Key)[] Tables =
    [
        ("chats", null),
        ("subscriptions", "symbol"),
        ("summary_log", "symbol"),
        ("outbox", "dedupe_key"),
    ];

    // A target chat row may exist only because someone used the new chat first; settings it never
    // chose (NULL) are taken from the old chat instead of being lost with the old row.
    private static readonly string MergeSettingsSql =
        "UPDATE chats SET "
        + string.Join(", ", ChatSettingsRow.Columns.Split(", ").Select(column =>
            $"{column} = COALESCE(chats.{column}, (SELECT s.{column} FROM chats s WHERE s.platform = @platform AND s.chat_id = @from))"))
        + " WHERE platform = @platform AND chat_id = @to";

    public static async Task MoveAsync(StorageDatabase database, ChatAddress from, ChatAddress to, CancellationToken cancellationToken)
    {
        if (from.Platform != to.Platform)
        {
            throw new ArgumentException("A chat can only move to another id on the same platform.", nameof(to));
        }

        if (from == to)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using (var merge = connection.Sql(MergeSettingsSql, transaction)
            .With("@platform", from.Platform).With("@from", from.ChatId).With("@to", to.ChatId))
        {
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (table, key) in Tables)
        {
            // Table and column names are the constants above, never input.
            var sameKey = key is null ? string.Empty : $" AND t.{key} = {table}.{key}";
            await using (var dropConflicts = connection.Sql($"""
                DELETE FROM {table} WHERE platform = @platform AND chat_id = @from
                AND EXISTS (SELECT 1 FROM {table} t WHERE t.platform = @platform AND t.chat_id = @to{sameKey})
                """, transaction).With("@platform", from.Platform).With("@from", from.ChatId).With("@to", to.ChatId))
            {
                await dropConflicts.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var move = connection.Sql(
                $"UPDATE {table} SET chat_id = @to WHERE platform = @platform AND chat_id = @from", transaction)
                .With("@platform", from.Platform).With("@from", from.ChatId).With("@to", to.ChatId))
            {
                await move.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
