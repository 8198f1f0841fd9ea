"""The full-text index of SearchDocument, in the database's own engine.

SQLite: an FTS5 table over the document table (external content), kept in step by triggers.
PostgreSQL: a stored generated tsvector column with a GIN index, and pg_trgm for the
vocabulary's similarity lookups. Neither is in the model state, so a later migration that
rebuilds search_searchdocument on SQLite must recreate the triggers.
"""

from django.db import migrations

COLUMNS = "name_words, name_keys, body_words, body_keys"
OLD = "old.name_words, old.name_keys, old.body_words, old.body_keys"
NEW = "new.name_words, new.name_keys, new.body_words, new.body_keys"

SQLITE_FORWARD = [
    # detail=column: no phrase queries are made, so positions are not stored.
    f"""CREATE VIRTUAL TABLE search_fts USING fts5(
        {COLUMNS}, content='search_searchdocument', content_rowid='product_id',
        tokenize='unicode61', detail=column)""",
    f"""CREATE TRIGGER search_document_ai AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.product_id, {NEW});
    END""",
    f"""CREATE TRIGGER search_document_ad AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.product_id, {OLD});
    END""",
    f"""CREATE TRIGGER search_document_au AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.product_id, {OLD});
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.product_id, {NEW});
    END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_document_au",
    "DROP TRIGGER IF EXISTS search_document_ad",
    "DROP TRIGGER IF EXISTS search_document_ai",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, name_words), 'A')
        || setweight(to_tsvector('simple'::regconfig, name_keys), 'B')
        || setweight(to_tsvector('simple'::regconfig, body_words), 'C')
        || setweight(to_tsvector('simple'::regconfig, body_keys), 'D')
    ) STORED""",
    "CREATE INDEX search_document_vector_idx ON search_searchdocument USING gin (vector)",
    "CREATE INDEX search_term_key_trgm_idx ON search_searchterm USING gin (key gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_term_key_trgm_idx",
    "DROP INDEX IF EXISTS search_document_vector_idx",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
