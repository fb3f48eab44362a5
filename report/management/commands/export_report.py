import sys

from django.core.management.base import BaseCommand, CommandError

from languages import REPORT_LANGUAGES
from meetings.models import Document, Meeting
from report.adopted import report_for_symbol
from report.language_versions import missing_note
from report.participants import build_participants_list, participants_document
from report.renderers import RENDERERS

# The formats a list of participants is written in: Akoma Ntoso has no form for its lines of names.
# (The admin offers Word and PDF; text and HTML serve those who work from the command line.)
LIST_OF_PARTICIPANTS_FORMATS = ("docx", "pdf", "txt", "html")


def document_for(symbol, format, language=None):
    """(document, note): the report, draft report part or list of participants with this symbol, and a
    note for the user or None. A CommandError says why there is no such document."""
    try:
        report = report_for_symbol(symbol, language)
    except Meeting.DoesNotExist:
        pass
    else:
        note = None
        meeting = Meeting.objects.filter(symbol=report.symbol).first()
        if meeting is not None:
            note = missing_note(meeting, report)
        elif report.missing_texts:  # a part of the draft report
            note = (
                f"Note: {report.missing_texts} texts have no {report.language} version; "
                "the file marks each of them as not translated."
            )
        return report, note
    inf = Document.objects.filter(symbol=symbol, kind=Document.Kind.PARTICIPANTS).first()
    if inf is None:
        raise CommandError(f"No report, draft report part or list of participants has the symbol {symbol!r}.")
    if format not in LIST_OF_PARTICIPANTS_FORMATS:
        raise CommandError(f"A list of participants is written as one of: {', '.join(LIST_OF_PARTICIPANTS_FORMATS)}.")
    meeting = Meeting.objects.for_participants_list().get(pk=inf.meeting_id)
    latest = participants_document(meeting)
    note = None
    if latest.pk != inf.pk:
        note = f"Note: {latest.symbol} follows {symbol}; this file lists the delegations as they are today."
    return build_participants_list(meeting, inf), note


class Command(BaseCommand):
    help = (
        "Write a meeting's report, a part of its draft report or its list of participants, "
        "e.g. export_report A/CONF.234/RPM.2/1 --format txt -o report.txt"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "symbol", help="The document's symbol: A/CONF.234/RPM.2/1, A/CONF.234/RPM.2/L.2/Add.1, …/INF/2/Rev.1."
        )
        parser.add_argument(
            "--format",
            default="txt",
            help=(
                f"One of: {', '.join(RENDERERS)}; "
                f"for a list of participants, {', '.join(LIST_OF_PARTICIPANTS_FORMATS)}."
            ),
        )
        parser.add_argument(
            "--language",
            choices=REPORT_LANGUAGES,
            help="The version to write: ar, zh, en, fr, ru or es; by default the meeting's original language.",
        )
        parser.add_argument("-o", "--output", help="File to write; standard output by default.")

    def handle(self, *args, symbol, format, output, language=None, **options):
        renderer = RENDERERS.get(format)
        if renderer is None:
            raise CommandError(f"Unknown format {format!r}; choose one of: {', '.join(RENDERERS)}.")
        document, note = document_for(symbol, format, language)
        if note:
            self.stderr.write(note)
        _filename, _content_type, content = renderer(document)
        if output:
            with open(output, "wb") as file:
                file.write(content)
        else:
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
