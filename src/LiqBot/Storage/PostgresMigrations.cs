namespace LiqBot.Storage;

/// <summary>The PostgreSQL schema: the same tables, columns and constraints as <see cref="SqliteMigrations"/>.</summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "chats, subscriptions, outbox, summary log", """
            CREATE TABLE chats (
                platform text NOT NULL,
                chat_id text NOT NULL,
                proximity_pct double precision,
                min_zone_usd double precision,
                cooldown_s bigint,
                cascade_usd double precision,
                cascade_window_s bigint,
                map_window text,
                summary text,
                paused_reason text,
                paused_at_ms bigint,
                created_at_ms bigint NOT NULL,
                updated_at_ms bigint NOT NULL,
                PRIMARY KEY (platform, chat_id)
            );
            CREATE TABLE subscriptions (
                platform text NOT NULL,
                chat_id text NOT NULL,
                symbol text NOT NULL,
                kinds integer NOT NULL,
                created_at_ms bigint NOT NULL,
                PRIMARY KEY (platform, chat_id, symbol)
            );
            CREATE INDEX ix_subscriptions_symbol ON subscriptions (symbol);
            CREATE TABLE outbox (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                dedupe_key text NOT NULL,
                platform text NOT NULL,
                chat_id text NOT NULL,
                kind text NOT NULL,
                text text NOT NULL,
                png bytea,
                created_at_ms bigint NOT NULL,
                attempts integer NOT NULL DEFAULT 0,
                not_before_ms bigint NOT NULL,
                lease_owner text,
                lease_until_ms bigint,
                state text NOT NULL,
                last_error text,
                finished_at_ms bigint,
                CONSTRAINT ux_outbox_dedupe UNIQUE (dedupe_key, platform, chat_id)
            );
            CREATE INDEX ix_outbox_due ON outbox (platform, not_before_ms) WHERE state = 'pending';
            CREATE TABLE summary_log (
                platform text NOT NULL,
                chat_id text NOT NULL,
                symbol text NOT NULL,
                posted_at_ms bigint NOT NULL,
                price double precision NOT NULL,
                zones_json text NOT NULL,
                PRIMARY KEY (platform, chat_id, symbol)
            );
            """),
        new(2, "alert images, stored once per alert and shared by every chat's delivery", """
            CREATE TABLE alert_images (
                dedupe_key text PRIMARY KEY,
                png bytea NOT NULL,
                created_at_ms bigint NOT NULL
            );
            CREATE INDEX ix_alert_images_created ON alert_images (created_at_ms);
            """),
        new(3, "bot state (the Telegram update offset)", """
            CREATE TABLE bot_state (
                name text PRIMARY KEY,
                value bigint NOT NULL
            );
            """),
        new(4, "recent deliveries by time, read on start to seed the per-chat rate limiter", """
            CREATE INDEX ix_outbox_sent ON outbox (platform, finished_at_ms) WHERE state = 'sent';
            """),
        new(5, "command replies in the outbox: the message they answer and its forum topic", """
            ALTER TABLE outbox ADD COLUMN reply_to_message_id bigint;
            ALTER TABLE outbox ADD COLUMN reply_thread_id bigint;
            """),
        new(6, "realized liquidations and feed outages, kept across restarts", """
            CREATE TABLE realized_liquidations (
                venue text NOT NULL,
                symbol text NOT NULL,
                at_ms bigint NOT NULL,
                side smallint NOT NULL,
                price double precision NOT NULL,
                usd double precision NOT NULL,
                PRIMARY KEY (venue, symbol, at_ms, side, price, usd)
            );
            CREATE TABLE feed_outages (
                venue text NOT NULL,
                from_ms bigint NOT NULL,
                to_ms bigint,
                reason text,
                PRIMARY KEY (venue, from_ms)
            );
            """),
    ];
}
