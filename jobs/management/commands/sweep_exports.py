"""Removes stored export files that no export's row names (jobs/sweep.py); safe to run at any time, any number."""

import datetime

from django.core.management.base import BaseCommand

from jobs.sweep import sweep


class Command(BaseCommand):
    help = "Removes stored export files that no export names, older than --minutes (default: EXPORT_JOB_SECONDS)."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=float, help="Only files older than this (default: EXPORT_JOB_SECONDS).")

    def handle(self, *args, minutes=None, **options):
        removed = sweep(datetime.timedelta(minutes=minutes) if minutes is not None else None)
        if options["verbosity"] > 1:
            for name in removed:
                self.stdout.write(name)
        if options["verbosity"]:
            self.stdout.write(f"{len(removed)} stored export file(s) removed.")
