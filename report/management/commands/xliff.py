"""Exports or imports one language version of a meeting's report as XLIFF 1.2 (languages/xliff.py writes and reads
the file, report/language_versions.py says which texts it holds)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from languages.codes import COPY_LANGUAGES
from languages.xliff import MAX_BYTES, XliffRefused, language_from_xliff
from meetings.models import Meeting
from report.language_versions import export_xliff, import_xliff


class Command(BaseCommand):
    help = (
        "Export a language version of a meeting's report as XLIFF 1.2 for translators, or import one back: "
        "xliff export A/CONF.234/RPM.2/1 --language es -o es.xlf; xliff import A/CONF.234/RPM.2/1 es.xlf"
    )

    def add_arguments(self, parser):
        parser.add_argument("direction", choices=["export", "import"])
        parser.add_argument("symbol", help="The report's symbol, e.g. A/CONF.234/RPM.2/1.")
        parser.add_argument("file", nargs="?", help="The XLIFF file to import.")
        parser.add_argument("--language", help="ar, zh-Hans, en, fr, ru or es; on import, checked against the file.")
        parser.add_argument("-o", "--output", help="File to write the export to (default: standard output).")
        parser.add_argument(
            "--overwrite-conflicts",
            action="store_true",
            help="On import, also apply the units whose text was changed in Rapporteur since the file was exported.",
        )

    def handle(self, direction, symbol, file=None, language=None, output=None, overwrite_conflicts=False, **options):
        meeting = Meeting.objects.select_related("congress").filter(symbol=symbol).first()
        if meeting is None:
            raise CommandError(f"No meeting has the report symbol {symbol!r}.")
        if language is not None:
            language = language_from_xliff(language)
            if language not in COPY_LANGUAGES:
                raise CommandError("The language is one of ar, zh-Hans, en, fr, ru, es.")
        if direction == "export":
            if language is None:
                raise CommandError("Say which language version to export with --language.")
            data = export_xliff(meeting, language)
            if output:
                Path(output).write_bytes(data)
            else:
                sys.stdout.buffer.write(data)
            return
        if not file:
            raise CommandError("Give the XLIFF file to import.")
        try:
            if Path(file).stat().st_size > MAX_BYTES:  # refused before it is read
                raise XliffRefused(f"{file} is larger than 20 MB: it cannot be an XLIFF file of one meeting.")
            result = import_xliff(meeting, Path(file).read_bytes(), language, overwrite=overwrite_conflicts)
        except XliffRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        for conflict in result.conflicts:
            self.stderr.write(
                f"Conflict, kept as it is: {conflict.unit_id} ({conflict.where}) was changed since the export.\n"
                f"  file:    {conflict.file_text}\n  current: {conflict.current_text}"
            )
        for refusal in result.refused:
            self.stderr.write(f"Refused: {refusal.unit_id} ({refusal.where}): {refusal.reason}")
        self.stdout.write(
            f"Imported {result.changed} texts into the {result.language} version "
            f"({result.unchanged} unchanged, {result.empty} without a translation, "
            f"{len(result.conflicts)} in conflict kept, {result.conflicts_applied} in conflict applied, "
            f"{len(result.refused)} refused)."
        )
        if result.conflicts:
            self.stdout.write("Run again with --overwrite-conflicts to apply the conflicts' texts from the file.")
