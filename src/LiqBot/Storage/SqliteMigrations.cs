namespace LiqBot.Storage;

/// <summary>
/// The SQLite schema, step by step. Times are Unix milliseconds (UTC) in both providers, so the
/// statements the stores run are the same on each; settings columns are NULL while a chat keeps the default.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "chats, subscriptions, outbox, summary log", """
            CREATE TABLE chats (
                platform TEXT NOT NULL,
                chat_id TEXT NOT NULL,
                proximity_pct REAL,
                min_zone_usd REAL,
                cooldown_s INTEGER,
                cascade_usd REAL,
                cascade_window_s INTEGER,
                map_window TEXT,
                summary TEXT,
                paused_reason TEXT,
                paused_at_ms INTEGER,
                created_at_ms INTEGER NOT NULL,
                updated_at_ms INTEGER NOT NULL,
                PRIMARY KEY (platform, chat_id)
            );
            CREATE TABLE subscriptions (
                platform TEXT NOT NULL,
                chat_id TEXT NOT NULL,
                symbol TEXT NOT NULL,
                kinds INTEGER NOT NULL,
                created_at_ms INTEGER NOT NULL,
                PRIMARY KEY (platform, chat_id, symbol)
            );
            CREATE INDEX ix_subscriptions_symbol ON subscriptions (symbol);
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                dedupe_key TEXT NOT NULL,
                platform TEXT NOT NULL,
                chat_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                png BLOB,
                created_at_ms INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                not_before_ms INTEGER NOT NULL,
                lease_owner TEXT,
                lease_until_ms INTEGER,
                state TEXT NOT NULL,
                last_error TEXT,
                finished_at_ms INTEGER,
                CONSTRAINT ux_outbox_dedupe UNIQUE (dedupe_key, platform, chat_id)
            );
            CREATE INDEX ix_outbox_due ON outbox (platform, not_before_ms) WHERE state = 'pending';
            CREATE TABLE summary_log (
                platform TEXT NOT NULL,
                chat_id TEXT NOT NULL,
                symbol TEXT NOT NULL,
                posted_at_ms INTEGER NOT NULL,
                price REAL NOT NULL,
                zones_json TEXT NOT NULL,
                PRIMARY KEY (platform, chat_id, symbol)
            );
            """),
        new(2, "alert images, stored once per alert and shared by every chat's delivery", """
            CREATE TABLE alert_images (
                dedupe_key TEXT PRIMARY KEY,
                png BLOB NOT NULL,
                created_at_ms INTEGER NOT NULL
            );
            CREATE INDEX ix_alert_images_created ON alert_images (created_at_ms);
            """),
        new(3, "bot state (the Telegram update offset)", """
            CREATE TABLE bot_state (
                name TEXT PRIMARY KEY,
                value INTEGER NOT NULL
            );
            """),
        new(4, "recent deliveries by time, read on start to seed the per-chat rate limiter", """
            CREATE INDEX ix_outbox_sent ON outbox (platform, finished_at_ms) WHERE state = 'sent';
            """),
        new(5, "command replies in the outbox: the message they answer and its forum topic", """
            ALTER TABLE outbox ADD COLUMN reply_to_message_id INTEGER;
            ALTER TABLE outbox ADD COLUMN reply_thread_id INTEGER;
            """),
        new(6, "realized liquidations and feed outages, kept across restarts", """
            CREATE TABLE realized_liquidations (
                venue TEXT NOT NULL,
                symbol TEXT NOT NULL,
                at_ms INTEGER NOT NULL,
                side INTEGER NOT NULL,
                price REAL NOT NULL,
                usd REAL NOT NULL,
                PRIMARY KEY (venue, symbol, at_ms, side, price, usd)
            ) WITHOUT ROWID;
            CREATE TABLE feed_outages (
                venue TEXT NOT NULL,
                from_ms INTEGER NOT NULL,
                to_ms INTEGER,
                reason TEXT,
                PRIMARY KEY (venue, from_ms)
            );
            """),
    ];
}
