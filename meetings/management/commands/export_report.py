import sys

from django.core.management.base import BaseCommand, CommandError

from meetings.models import Document, Meeting
from meetings.report.builder import build_report_for_symbol
from meetings.report.participants import build_participants_list, participants_document
from meetings.report.renderers import RENDERERS

# Formats that can carry a list of participants: Akoma Ntoso has no form for its lines of names.
PARTICIPANTS_FORMATS = ("docx", "pdf", "txt", "html")


def participants_list_for_symbol(symbol):
    """The list of participants (INF) with this symbol; raises Meeting.DoesNotExist or CommandError."""
    document = Document.objects.filter(symbol=symbol, kind=Document.Kind.PARTICIPANTS).first()
    if document is None:
        raise Meeting.DoesNotExist
    meeting = Meeting.objects.for_participants_list().get(pk=document.meeting_id)
    latest = participants_document(meeting)
    if latest.symbol != symbol:
        raise CommandError(f"{symbol} has been replaced by {latest.symbol}; export that instead.")
    return build_participants_list(meeting)


def document_for(symbol, format):
    """The report, draft report part or list of participants with this symbol, or a CommandError saying why not."""
    try:
        return build_report_for_symbol(symbol)
    except Meeting.DoesNotExist:
        pass
    try:
        document = participants_list_for_symbol(symbol)
    except Meeting.DoesNotExist:
        raise CommandError(f"No report, draft report part or list of participants has the symbol {symbol!r}.") from None
    if format not in PARTICIPANTS_FORMATS:
        raise CommandError(f"A list of participants is written as one of: {', '.join(PARTICIPANTS_FORMATS)}.")
    return document


class Command(BaseCommand):
    help = (
        "Write a meeting's report, a part of its draft report or its list of participants, "
        "e.g. export_report A/CONF.234/RPM.2/1 --format txt -o report.txt"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "symbol", help="The document's symbol: A/CONF.234/RPM.2/1, A/CONF.234/RPM.2/L.2/Add.1, …/INF/2/Rev.1."
        )
        parser.add_argument("--format", default="txt", help=f"One of: {', '.join(RENDERERS)}.")
        parser.add_argument("-o", "--output", help="File to write; standard output by default.")

    def handle(self, *args, symbol, format, output, **options):
        renderer = RENDERERS.get(format)
        if renderer is None:
            raise CommandError(f"Unknown format {format!r}; choose one of: {', '.join(RENDERERS)}.")
        _filename, _content_type, content = renderer(document_for(symbol, format))
        if output:
            with open(output, "wb") as file:
                file.write(content)
        else:
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
