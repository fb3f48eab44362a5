"""Runs PostgreSQL's client tools against the database Django is connected to."""

import os
import subprocess

from django.core.management.base import CommandError
from django.db import connection


def run_postgres_tool(tool, *arguments):
    settings = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": settings["PASSWORD"] or ""}
    command = [tool, f"--dbname={settings['NAME']}"]
    for option, value in (("--host", settings["HOST"]), ("--port", settings["PORT"]), ("--username", settings["USER"])):
        if value:
            command.append(f"{option}={value}")
    result = subprocess.run([*command, *arguments], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{tool} failed: {result.stderr.strip()}")
