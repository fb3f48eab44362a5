"""Imports a draft of a meeting's report, or one language version of it, from a Word file: shows what it would change
and writes it only with --write (report/word_import.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from languages.codes import COPY_LANGUAGES
from languages.xliff import language_from_xliff
from meetings.models import Meeting
from report.word_import import confirm, preview
from report.word_reading import MAX_BYTES, WordRefused


class Command(BaseCommand):
    help = (
        "Import a draft or a translation of a meeting's report from Word: import_word A/CONF.234/RPM.2/1 draft.docx "
        "[--language es] [--write] [--overwrite-conflicts]. Without --write it only says what it would change."
    )

    def add_arguments(self, parser):
        parser.add_argument("symbol", help="The report's symbol, e.g. A/CONF.234/RPM.2/1.")
        parser.add_argument("file", help="The .docx file.")
        parser.add_argument("--language", help="ar, zh-Hans, en, fr, ru or es (default: the meeting's original).")
        parser.add_argument("--write", action="store_true", help="Write the changes (else only show them).")
        parser.add_argument(
            "--overwrite-conflicts",
            action="store_true",
            help="For a translation, also replace the texts translated in Rapporteur that the file changes.",
        )

    def handle(self, symbol, file, language=None, write=False, overwrite_conflicts=False, **options):
        meeting = Meeting.objects.filter(symbol=symbol).first()
        if meeting is None:
            raise CommandError(f"No meeting has the report symbol {symbol!r}.")
        if language is not None:
            language = language_from_xliff(language)
            if language not in COPY_LANGUAGES:
                raise CommandError("The language is one of ar, zh-Hans, en, fr, ru, es.")
        try:
            if Path(file).stat().st_size > MAX_BYTES:  # refused before it is read
                raise WordRefused(f"{file} is larger than 10 MB: it cannot be a report of one meeting.")
            data = Path(file).read_bytes()
            result = preview(meeting, data, language)
            if write:
                overwrite = True if overwrite_conflicts else ()
                result = confirm(meeting, data, result.fingerprint, language, overwrite=overwrite)
        except WordRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        for change in result.changes:
            self.stdout.write(f"change  {change.where} {change.label}: {change.new[:100]}")
        for change in result.created:
            self.stdout.write(f"create  {change.where} {change.label}: {change.new[:100]}")
        for conflict in result.conflicts:
            self.stdout.write(f"conflict {conflict.where} ({conflict.unit_id}): {conflict.file_text[:100]}")
        for item in result.unplaced:
            self.stdout.write(f"unplaced paragraph {item.block.position} {item.where}: {item.reason}")
        verb = "Wrote" if write else "Would write"
        self.stdout.write(
            f"{verb} {len(result.changes)} changed texts and {len(result.created)} new records into {result.document} "
            f"({result.language}); {result.unchanged} unchanged, {len(result.conflicts)} in conflict, "
            f"{len(result.unplaced)} not placed."
        )
