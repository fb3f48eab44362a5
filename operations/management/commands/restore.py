"""Replaces the database's contents with a backup made by `manage.py backup`."""

import contextlib
import shutil
import sqlite3
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from caching import content_version
from operations.management.postgres import run_postgres_tool


def check_sqlite_backup(path, name):
    """Raises CommandError unless `path` is a sound SQLite database that holds a Rapporteur schema."""
    try:
        with contextlib.closing(sqlite3.connect(path)) as database:
            result = database.execute("PRAGMA integrity_check").fetchall()
            tables = {row[0] for row in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise CommandError(f"{name} is not a readable SQLite backup ({error}); nothing was restored.") from error
    if result != [("ok",)]:
        problems = "; ".join(row[0] for row in result[:3])
        raise CommandError(f"{name} is damaged ({problems}); nothing was restored.")
    if "django_migrations" not in tables:
        raise CommandError(f"{name} is not a Rapporteur backup (it has no migrations table); nothing was restored.")


class Command(BaseCommand):
    help = "Restore the database from FILE, a backup made by `manage.py backup`. Its current contents are replaced."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        if not Path(file).is_file():
            raise CommandError(f"No backup file at {file}.")
        if connection.vendor == "postgresql":
            # One transaction: a restore that fails half-way leaves the database as it was.
            run_postgres_tool("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", file)
        elif connection.vendor == "sqlite":
            with tempfile.TemporaryDirectory() as directory:
                # Checked on a copy before anything is replaced: a corrupt file leaves the database as it was.
                copy = Path(directory, "checked.sqlite3")
                shutil.copyfile(file, copy)
                check_sqlite_backup(copy, file)
                connection.ensure_connection()
                with sqlite3.connect(copy) as source:
                    source.backup(connection.connection)
                source.close()
        else:
            raise CommandError(f"Restoring {connection.vendor} databases is not supported.")
        # The backup brings back its own content version, under which pages built since may be cached.
        # A backup from before the content version existed has none: the first page read names the content.
        with contextlib.suppress(DatabaseError):
            content_version.bump()
        self.stdout.write(f"Restored the {connection.vendor} database from {file}.")
