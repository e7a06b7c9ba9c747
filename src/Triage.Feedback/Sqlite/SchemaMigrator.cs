using Microsoft.Data.Sqlite;

namespace Triage.Feedback.Sqlite;

/// <summary>
/// Brings a database to the latest schema. The check and the steps run under one write lock, so two
/// processes opening the same new file cannot both apply a step. A file from a newer build is refused
/// rather than written with an older idea of the schema.
/// </summary>
internal static class SchemaMigrator
{
    public static int Latest => SchemaMigrations.All[^1].Version;

    public static async Task<int> MigrateAsync(SqliteConnection connection, TimeProvider clock, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using (var create = Command(connection, tx, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at INTEGER NOT NULL
            )
            """))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        int current;
        await using (var read = Command(connection, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (current > Latest)
        {
            throw new InvalidOperationException($"The feedback database {connection.DataSource} has schema version {current}, newer than this build knows ({Latest}): run a newer build.");
        }

        foreach (var migration in SchemaMigrations.All.Where(m => m.Version > current))
        {
            await using (var step = Command(connection, tx, migration.Sql))
            {
                await step.ExecuteNonQueryAsync(ct);
            }

            await using var mark = Command(connection, tx, "INSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $t)");
            mark.Parameters.AddWithValue("$v", migration.Version);
            mark.Parameters.AddWithValue("$d", migration.Description);
            mark.Parameters.AddWithValue("$t", clock.GetUtcNow().ToUnixTimeMilliseconds());
            await mark.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return Latest;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }
}
