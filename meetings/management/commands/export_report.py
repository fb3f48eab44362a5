import sys

from django.core.management.base import BaseCommand, CommandError

from meetings.models import Meeting
from meetings.report.builder import build_report_for_symbol
from meetings.report.renderers import RENDERERS


class Command(BaseCommand):
    help = "Write a meeting's report, e.g. export_report A/CONF.234/RPM.2/1 --format txt -o report.txt"

    def add_arguments(self, parser):
        parser.add_argument("symbol", help="The report's symbol, such as A/CONF.234/RPM.2/1.")
        parser.add_argument("--format", default="txt", help=f"One of: {', '.join(RENDERERS)}.")
        parser.add_argument("-o", "--output", help="File to write; standard output by default.")

    def handle(self, *args, symbol, format, output, **options):
        renderer = RENDERERS.get(format)
        if renderer is None:
            raise CommandError(f"Unknown format {format!r}; choose one of: {', '.join(RENDERERS)}.")
        try:
            report = build_report_for_symbol(symbol)
        except Meeting.DoesNotExist:
            raise CommandError(f"No meeting has the report symbol {symbol!r}.") from None
        _filename, _content_type, content = renderer(report)
        if output:
            with open(output, "wb") as file:
                file.write(content)
        else:
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
