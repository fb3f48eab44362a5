"""Fills the names of States, regional commissions and organizations in the six languages from languages/data/."""

from django.core.management.base import BaseCommand

from languages.names import load_names


class Command(BaseCommand):
    help = (
        "Fills the per-language names of States (UNTERM short names), regional commissions and organizations "
        "from languages/data/; names already entered are kept unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--replace", action="store_true", help="Write the file's names over those entered.")

    def handle(self, *args, replace=False, **options):
        result = load_names(replace=replace)
        added = f"; added {', '.join(result.created)}" if result.created else ""
        self.stdout.write(f"Filled {result.filled} names{added}.")
