"""The demo's rows, kept in a PostgreSQL schema of their own so that a test asking for the demo gets them back with
one INSERT … SELECT per table instead of running `load_demo` (about a thousand queries).

Taken once per test process: the demo is loaded and committed, every row it added to Rapporteur's tables is copied
into the schema `demo_rows`, and the tables are put back as they were. Foreign keys in PostgreSQL are deferred to the
end of the transaction, so the tables can be filled in any order; the sequences stay past the demo's keys, so the
rows a test adds afterwards never collide with them.
"""

import io
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

SCHEMA = "demo_rows"
BEFORE = "demo_rows_before"


def rapporteur_tables():
    """(table, primary-key column) of every table of Rapporteur's own rooms, history and join tables included."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        path = Path(apps.get_app_config(model._meta.app_label).path)
        ours = path.is_relative_to(settings.BASE_DIR) and "site-packages" not in path.parts
        if not ours or not model._meta.managed or model._meta.proxy:
            continue
        tables[model._meta.db_table] = model._meta.pk.column
    return sorted(tables.items())


@dataclass
class DemoRows:
    tables: list  # the tables the demo adds rows to

    @classmethod
    def take(cls):
        if connection.vendor != "postgresql":
            return None
        tables = rapporteur_tables()
        with connection.cursor() as cursor:
            for schema in (SCHEMA, BEFORE):
                cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
            for table, _ in tables:
                cursor.execute(f'CREATE TABLE {BEFORE}."{table}" AS SELECT * FROM "{table}"')
        with transaction.atomic():
            call_command("load_demo", stdout=io.StringIO())
        filled = []
        with connection.cursor() as cursor:
            for table, pk in tables:
                before = f'{BEFORE}."{table}"'
                # A row that was there before and that the demo changed could not be put back by an insert.
                cursor.execute(
                    f'SELECT count(*) FROM "{table}" t JOIN {before} b ON t."{pk}" = b."{pk}" WHERE t::text <> b::text'
                )
                if cursor.fetchone()[0]:
                    raise RuntimeError(f"load_demo changes rows of {table} that exist before it: load it per test")
                cursor.execute(
                    f'CREATE TABLE {SCHEMA}."{table}" AS SELECT * FROM "{table}" '
                    f'WHERE "{pk}" NOT IN (SELECT "{pk}" FROM {before})'
                )
                if cursor.rowcount:
                    filled.append(table)
            # Back to the tables as they were before the demo.
            cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table, _ in tables) + " CASCADE")
            for table, _ in tables:
                cursor.execute(f'INSERT INTO "{table}" SELECT * FROM {BEFORE}."{table}"')
            cursor.execute(f"DROP SCHEMA {BEFORE} CASCADE")
        return cls(filled)

    def insert(self):
        # One transaction, so that the deferred foreign keys are checked once all the tables are filled (a browser
        # test's database is in autocommit).
        with transaction.atomic(), connection.cursor() as cursor:
            for table in self.tables:
                cursor.execute(f'INSERT INTO "{table}" SELECT * FROM {SCHEMA}."{table}"')
