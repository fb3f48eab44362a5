"""Writes the whole database to one file: pg_dump's custom format on PostgreSQL, a copy on SQLite."""

import sqlite3

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from congress.management.postgres import run_postgres_tool


class Command(BaseCommand):
    help = "Back up the database to FILE (restore it with `manage.py restore FILE`)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        if connection.vendor == "postgresql":
            run_postgres_tool("pg_dump", "--format=custom", "--no-owner", f"--file={file}")
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            # The SQLite backup API copies a consistent snapshot even while the site is writing.
            with sqlite3.connect(file) as target:
                connection.connection.backup(target)
            target.close()
        else:
            raise CommandError(f"Backups of {connection.vendor} databases are not supported.")
        self.stdout.write(f"Backed up the {connection.vendor} database to {file}.")
