"""Replaces the database's contents with a backup made by `manage.py backup`."""

import contextlib
import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from congress import content_version
from congress.management.postgres import run_postgres_tool


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
            connection.ensure_connection()
            with sqlite3.connect(file) as source:
                source.backup(connection.connection)
            source.close()
        else:
            raise CommandError(f"Restoring {connection.vendor} databases is not supported.")
        # The backup brings back its own content version, under which pages built since may be cached.
        # A backup from before the content version existed has none: the first page read names the content.
        with contextlib.suppress(DatabaseError):
            content_version.bump()
        self.stdout.write(f"Restored the {connection.vendor} database from {file}.")
