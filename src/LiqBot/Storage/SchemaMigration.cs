namespace LiqBot.Storage;

/// <summary>One numbered schema step. Versions start at 1, have no gaps, and are never edited once released.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
