"""The files a delegate can open for each document: its uploaded language versions, and the documents
Rapporteur writes itself (the parts of the draft report, the report once adopted) in each language it
writes them in.

An uploaded file of a language wins over the generated one: it is what the secretariat issued.
It reads the documents and their files as the page loaded them; it asks the database only which languages
the meeting's texts are complete in, once per page, when a row is a document Rapporteur writes.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from meetings.models import Document, Meeting
from meetings.uploads import extension_of
from report.downloads import complete_languages

# The formats a generated document is offered in as a file; Akoma Ntoso and text stay on the report page.
GENERATED_FORMATS = {"pdf": "PDF", "docx": "Word"}
UPLOAD_FORMATS = {"pdf": "PDF", "docx": "Word", "doc": "Word", "odt": "OpenDocument"}
# A meeting language's address prefix on this site, where it differs from its code.
SITE_PREFIXES = {"zh": "zh-hans"}
OFFICIAL_DOCUMENT_SYSTEM = "https://undocs.org/{}"


@dataclass
class FileLink:
    format: str  # "PDF", "Word"
    url: str
    generated: bool = False


@dataclass
class LanguageVersion:
    language: str  # "en"
    name: str  # the language's name in the reader's language
    files: list[FileLink] = field(default_factory=list)


@dataclass
class DocumentRow:
    document: Document
    versions: list[LanguageVersion]

    @property
    def official_url(self):
        return OFFICIAL_DOCUMENT_SYSTEM.format(self.document.symbol)


def generated_download(meeting, document):
    """(url name, kwargs) of the download of a document Rapporteur writes, or (None, None) if it writes none."""
    if document.kind == Document.Kind.DRAFT_REPORT:
        return "meetings:draft_part_download", {"slug": meeting.slug, "part": document.short_symbol}
    if document.symbol == meeting.symbol and meeting.report_is_adopted:
        return "meetings:report_download", {"slug": meeting.slug}
    return None, None


def document_rows(meeting, documents):
    """One row per document, each with its files by language in the UN's order of languages.

    `documents` are those the reader may see (Document.objects.visible_to), with their files prefetched;
    every draft-report document among them is a part the reader may download (downloads.draft_parts).
    """
    rows = []
    languages = None  # asked once, and only if the meeting has a document Rapporteur writes
    for document in documents:
        versions = {}
        for upload in document.files.all():
            name = upload.get_language_display()
            version = versions.setdefault(upload.language, LanguageVersion(upload.language, name))
            format_name = UPLOAD_FORMATS.get(extension_of(upload.filename), _("File"))
            version.files.append(FileLink(format_name, upload.get_absolute_url()))
        url_name, kwargs = generated_download(meeting, document)
        if url_name:
            if languages is None:
                languages = complete_languages(meeting)
            for language in languages:
                if language in versions:
                    continue  # the secretariat's own file of that language
                with translation.override(SITE_PREFIXES.get(language, language)):
                    links = [
                        FileLink(name, reverse(url_name, kwargs={**kwargs, "extension": extension}), generated=True)
                        for extension, name in GENERATED_FORMATS.items()
                    ]
                versions[language] = LanguageVersion(language, Meeting.Language(language).label, links)
        order = [code for code, _label in Meeting.Language.choices]
        rows.append(DocumentRow(document, sorted(versions.values(), key=lambda v: order.index(v.language))))
    return rows
