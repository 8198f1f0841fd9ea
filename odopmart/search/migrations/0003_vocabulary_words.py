"""Indexed words for prefix completion; on PostgreSQL, one tsvector per search scope.

PostgreSQL gets two generated columns instead of one weighted vector: a GIN index cannot tell
weights apart, so weight-restricted queries re-read every candidate row. `name_vector` holds
the name, `vector` everything; phonetic keys get a leading "0" there, so that a key never
matches a word (a word would have to be a 0 followed by a key).
"""

from django.db import migrations, models

NAME_KEYS = r"regexp_replace(name_keys, '(\S+)', '0\1', 'g')"
BODY_KEYS = r"regexp_replace(body_keys, '(\S+)', '0\1', 'g')"

POSTGRES_FORWARD = [
    "DROP INDEX IF EXISTS search_document_vector_idx",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
    f"""ALTER TABLE search_searchdocument ADD COLUMN name_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, name_words || ' ' || {NAME_KEYS})
    ) STORED""",
    f"""ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig,
            name_words || ' ' || body_words || ' ' || {NAME_KEYS} || ' ' || {BODY_KEYS})
    ) STORED""",
    "CREATE INDEX search_document_name_vector_idx ON search_searchdocument USING gin (name_vector)",
    "CREATE INDEX search_document_vector_idx ON search_searchdocument USING gin (vector)",
    # Keep the texts and vectors out of line: a search reads only product ids from the rows
    # the index points at, and narrow rows make that a handful of pages.
    "ALTER TABLE search_searchdocument SET (toast_tuple_target = 128)",
    # Prefix lookups (LIKE 'abcd%') whatever the database collation.
    "CREATE INDEX search_word_word_trgm_idx ON search_searchword USING gin (word gin_trgm_ops)",
    # The newest `max_rows` documents matching a query. The planner does not know that testing
    # a vector means reading it from TOAST, and with a small table or a broad query it picks a
    # sequential scan (or a backward walk of the primary key) that does exactly that for every
    # row; the function's own setting keeps it on the GIN index without touching the session
    # ("%%" because the statement goes through parameter formatting).
    """CREATE FUNCTION search_matching_ids(vector_column text, query tsquery, max_rows integer)
    RETURNS SETOF bigint LANGUAGE plpgsql STABLE
    SET enable_seqscan = off
    AS $$
    BEGIN
        RETURN QUERY EXECUTE format(
            'WITH matches AS MATERIALIZED (SELECT product_id FROM search_searchdocument'
            ' WHERE %%I @@ $1) SELECT product_id FROM matches ORDER BY product_id DESC LIMIT $2',
            vector_column)
        USING query, max_rows;
    END
    $$""",
]
POSTGRES_BACKWARD = [
    "DROP FUNCTION IF EXISTS search_matching_ids(text, tsquery, integer)",
    "ALTER TABLE search_searchdocument RESET (toast_tuple_target)",
    "DROP INDEX IF EXISTS search_word_word_trgm_idx",
    "DROP INDEX IF EXISTS search_document_vector_idx",
    "DROP INDEX IF EXISTS search_document_name_vector_idx",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS name_vector",
    """ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, name_words), 'A')
        || setweight(to_tsvector('simple'::regconfig, name_keys), 'B')
        || setweight(to_tsvector('simple'::regconfig, body_words), 'C')
        || setweight(to_tsvector('simple'::regconfig, body_keys), 'D')
    ) STORED""",
    "CREATE INDEX search_document_vector_idx ON search_searchdocument USING gin (vector)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0002_fulltext_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=100, unique=True)),
                ("frequency", models.PositiveIntegerField(default=1)),
            ],
        ),
        migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD)),
    ]
