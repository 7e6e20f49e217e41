using System.Data.Common;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>
/// The migrations are generated per database by the EF tools; this proves that applying them builds the
/// schema the model expects, comparing every table, column (type and nullability) and index on each
/// database, and that none is pending (a model change without its migration).
/// </summary>
public sealed class MigrationSchemaTests
{
    private sealed record Column(string Name, string Type, bool Nullable);

    private sealed record Index(string Name, string Columns, bool Unique);

    [Theory, AllDatabases]
    public async Task The_migrated_schema_matches_the_model(Db db)
    {
        var app = await TestApp.For(db);

        await app.ExecuteAsync(async context =>
        {
            (await context.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            var connection = context.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var entity in context.Model.GetEntityTypes())
            {
                if (entity.GetTableName() is not { } table)
                    continue; // a query's result rows (search matches), not a table
                var store = StoreObjectIdentifier.Table(table);
                var expectedColumns = entity
                    .GetProperties()
                    .Select(p => new Column(
                        p.GetColumnName(store)!,
                        p.GetColumnType().ToLowerInvariant(),
                        p.IsColumnNullable(store)
                    ))
                    .OrderBy(c => c.Name)
                    .ToList();
                var expectedIndexes = entity
                    .GetIndexes()
                    .Select(i => new Index(
                        i.GetDatabaseName()!,
                        string.Join(",", i.Properties.Select(p => p.GetColumnName(store))),
                        i.IsUnique
                    ))
                    .OrderBy(i => i.Name)
                    .ToList();

                var (columns, indexes) =
                    db == Db.Sqlite ? await ReadSqlite(connection, table) : await ReadPostgres(connection, table);

                columns.OrderBy(c => c.Name).ToList().ShouldBe(expectedColumns, $"columns of {table}");
                indexes.OrderBy(i => i.Name).ToList().ShouldBe(expectedIndexes, $"indexes of {table}");
            }
        });
    }

    private static async Task<(List<Column>, List<Index>)> ReadSqlite(DbConnection connection, string table)
    {
        var columns = await Read(
            connection,
            $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
            r => new Column(r.GetString(0), r.GetString(1).ToLowerInvariant(), r.GetInt64(2) == 0 && r.GetInt64(3) == 0)
        );
        var indexes = await Read(
            connection,
            $"""
            SELECT il.name, group_concat(ii.name, ','), il."unique"
            FROM pragma_index_list('{table}') il JOIN pragma_index_info(il.name) ii
            WHERE il.origin = 'c' GROUP BY il.name, il."unique"
            """,
            r => new Index(r.GetString(0), r.GetString(1), r.GetInt64(2) == 1)
        );
        return (columns, indexes);
    }

    private static async Task<(List<Column>, List<Index>)> ReadPostgres(DbConnection connection, string table)
    {
        var columns = await Read(
            connection,
            $"""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relname = '{table}' AND a.attnum > 0 AND NOT a.attisdropped
            """,
            r => new Column(r.GetString(0), r.GetString(1), r.GetBoolean(2))
        );
        var indexes = await Read(
            connection,
            $"""
            SELECT i.relname, string_agg(a.attname, ',' ORDER BY array_position(x.indkey, a.attnum)), x.indisunique
            FROM pg_index x
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(x.indkey)
            WHERE t.relname = '{table}' AND NOT x.indisprimary
            GROUP BY i.relname, x.indisunique
            """,
            r => new Index(r.GetString(0), r.GetString(1), r.GetBoolean(2))
        );
        return (columns, indexes);
    }

    private static async Task<List<T>> Read<T>(DbConnection connection, string sql, Func<DbDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(map(reader));
        return rows;
    }
}
