"""Writes the whole database to one file: pg_dump's custom format on PostgreSQL, a copy on SQLite.

The file is readable by its owner only (0600), and holds no sessions: a backup that leaks must not let
anyone in as a signed-in user. Password hashes stay, so that a restore brings back the accounts.
"""

import os
import sqlite3

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from operations.management.postgres import run_postgres_tool


class Command(BaseCommand):
    help = "Back up the database to FILE (restore it with `manage.py restore FILE`)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        if connection.vendor not in ("postgresql", "sqlite"):
            raise CommandError(f"Backups of {connection.vendor} databases are not supported.")
        # Created for its owner alone before anything is written into it.
        os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        os.chmod(file, 0o600)
        previous = os.umask(0o077)
        try:
            if connection.vendor == "postgresql":
                run_postgres_tool(
                    "pg_dump", "--format=custom", "--no-owner", "--exclude-table-data=django_session", f"--file={file}"
                )
            else:
                connection.ensure_connection()
                # The SQLite backup API copies a consistent snapshot even while the site is writing.
                with sqlite3.connect(file) as target:
                    connection.connection.backup(target)
                    if target.execute("SELECT 1 FROM sqlite_master WHERE name = 'django_session'").fetchone():
                        target.execute("DELETE FROM django_session")
                target.execute("VACUUM")  # the deleted sessions' pages are not left in the file either
                target.close()
        finally:
            os.umask(previous)
        os.chmod(file, 0o600)
        self.stdout.write(f"Backed up the {connection.vendor} database to {file}.")
