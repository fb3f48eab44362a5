"""What a document's uploaded language version may be: a PDF, Word or OpenDocument text file of bounded size.

The extension says what the file claims to be and its first bytes say what it is; both must agree, so a
web page or a program renamed to .pdf is refused. Downloads carry the content type of the extension.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF = b"%PDF-"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of Word 97–2003
ZIP = b"PK\x03\x04"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "odt": "application/vnd.oasis.opendocument.text",
}
KIND_NAMES = {
    "pdf": _("a PDF file"),
    "docx": _("a Word file"),
    "doc": _("a Word 97–2003 file"),
    "odt": _("an OpenDocument text file"),
}


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""


def content_type_for(name):
    """The content type a stored file is served with; anything unexpected is plain bytes to download."""
    return CONTENT_TYPES.get(extension_of(name), "application/octet-stream")


MIMETYPE_MAX_BYTES = 200


def _zip_names(upload):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            # At most a little more than the longest mimetype: an entry that inflates to hundreds of
            # megabytes (a zip bomb) is never read whole.
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    mimetype = entry.read(MIMETYPE_MAX_BYTES).strip()
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError, NotImplementedError):
        return set(), b""
    return names, mimetype


def _is_what_it_says(upload, extension):
    upload.seek(0)
    head = upload.read(8)
    if extension == "pdf":
        return head.startswith(PDF)
    if extension == "doc":
        return head == OLE2
    if not head.startswith(ZIP):
        return False
    names, mimetype = _zip_names(upload)
    if extension == "docx":
        return "word/document.xml" in names
    return mimetype == ODT_MIMETYPE  # odt


def validate_document_upload(value):
    """Refuses a new upload whose extension, content or size is not that of a UN document's file."""
    # A file already stored passed this check when it was uploaded; re-reading it on every save of the
    # document's page would only cost time, and fail if storage were unreachable.
    if getattr(value, "_committed", True):
        return
    extension = extension_of(value.name)
    if extension not in CONTENT_TYPES:
        raise ValidationError(
            _("“%(name)s” is not a PDF, Word (.docx, .doc) or OpenDocument text (.odt) file."),
            code="file_type",
            params={"name": value.name},
        )
    limit = settings.DOCUMENT_UPLOAD_MAX_BYTES
    if value.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; a document's file may be at most %(limit)s."),
            code="file_size",
            params={"name": value.name, "size": filesizeformat(value.size), "limit": filesizeformat(limit)},
        )
    upload = value.file
    position = upload.tell()
    try:
        genuine = _is_what_it_says(upload, extension)
    finally:
        upload.seek(position)
    if not genuine:
        raise ValidationError(
            _("“%(name)s” is named .%(extension)s but its content is not %(kind)s. Upload the document itself."),
            code="file_content",
            params={"name": value.name, "extension": extension, "kind": KIND_NAMES[extension]},
        )
