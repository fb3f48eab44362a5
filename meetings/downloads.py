"""The report's downloads: which files a meeting offers, and the HTTP response that carries one."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control

from meetings.models import Document
from meetings.report.renderers import EXTENSIONS, RENDERERS

FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "xml": "Akoma Ntoso XML", "txt": "Text"}


def file_response(report, extension):
    """The rendered report as a download named after its symbol (A-CONF.234-RPM.2-1.docx)."""
    filename, content_type, content = RENDERERS[EXTENSIONS[extension]](report)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Built afresh on every request, so a download always shows the latest edit.
    patch_cache_control(response, no_cache=True)
    return response


def draft_parts(meeting):
    return [d for d in meeting.documents.all() if d.kind == Document.Kind.DRAFT_REPORT]


def report_downloads(meeting):
    """[(symbol, [(format name, url), …]), …]: the report, then each part of its draft."""
    downloads = [
        (
            meeting.symbol,
            [
                (name, reverse("meetings:report_download", kwargs={"slug": meeting.slug, "extension": extension}))
                for extension, name in FORMAT_NAMES.items()
            ],
        )
    ]
    for part in draft_parts(meeting):
        kwargs = {"slug": meeting.slug, "part": part.short_symbol}
        downloads.append(
            (
                part.symbol,
                [
                    (name, reverse("meetings:draft_part_download", kwargs={**kwargs, "extension": extension}))
                    for extension, name in FORMAT_NAMES.items()
                ],
            )
        )
    return downloads
