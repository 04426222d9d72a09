"""SQLite: the main full-text table keeps which columns hold each word, not where in them.

Queries ask it for words and filter tokens in named columns only (phrases are checked on the word
columns, ranking reads `WordCount`), so word positions were written and merged for nothing: they
made most of what indexing a record cost. The titles table keeps them (autocomplete matches a
phrase with a prefix).
"""

from importlib import import_module

from django.db import migrations

BEFORE = import_module("search.migrations.0004_index_layout")

DROP = [statement for statement in BEFORE.DROP if "library_search_titles" not in statement]


def _without_positions(statement: str) -> str:
    if "CREATE VIRTUAL TABLE library_search_fts " in statement:
        return statement.replace("columnsize=0)", "columnsize=0, detail=column)")
    return statement


CREATE = [
    _without_positions(statement)
    for statement in BEFORE.CREATE
    if "CREATE VIRTUAL TABLE library_search_titles" not in statement
    and "INSERT INTO library_search_titles(library_search_titles)" not in statement
]
RESTORE = [
    statement
    for statement in BEFORE.CREATE
    if "CREATE VIRTUAL TABLE library_search_titles" not in statement
    and "INSERT INTO library_search_titles(library_search_titles)" not in statement
]


def _sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library_search", "0004_index_layout")]

    operations = [migrations.RunPython(_sqlite(DROP + CREATE), _sqlite(DROP + RESTORE))]
