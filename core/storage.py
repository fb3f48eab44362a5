"""Files kept by the site (uploaded documents, written exports), and their downloads.

Uploaded files are written whole or not at all: to a temporary name beside their place, then linked into it.

Django's file storage writes an upload straight to its final name; a full disk (or a worker stopped) halfway
left a truncated file there, which the site then served as the document. Here the file is written under a
hidden temporary name in the same directory, flushed to disk, and only then given its name (a hard link,
which fails rather than replace a file of that name, so two uploads never overwrite each other). Whatever
fails, the temporary file is removed, and the error goes on to the caller: the record is not saved either
(the admin saves in one transaction), and operations.disk_full tells the user.
"""

import contextlib
import os
import tempfile

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header


class AtomicFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".partial-")
        try:
            with os.fdopen(descriptor, "wb") as file:
                for chunk in content.chunks():
                    file.write(chunk.encode() if isinstance(chunk, str) else chunk)
                file.flush()
                os.fsync(file.fileno())
            while True:
                try:
                    os.link(temporary, full_path)
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        return str(name).replace("\\", "/")


def download_response(file, filename, content_type, *, stream=True):
    """The stored `file` as a download named `filename`, for a reader the caller has let see it.

    Streamed from the storage in chunks (the local disk, or an S3 bucket read by this process), or with
    `stream` False read whole first (a file of a few megabytes at most, answered like a page); with
    STORAGE_REDIRECT, a redirect to the storage's own address for it, signed for STORAGE_URL_SECONDS and
    carrying the download's name and type (a bucket serves the bytes; the app only checked who may have them).
    Always a download of the type given, never sniffed (SecurityMiddleware adds nosniff).
    """
    if settings.STORAGE_REDIRECT and not isinstance(file.storage, FileSystemStorage):
        disposition = content_disposition_header(True, filename)
        parameters = {"ResponseContentDisposition": disposition, "ResponseContentType": content_type}
        return HttpResponseRedirect(file.storage.url(file.name, parameters=parameters))
    if not stream:
        with file.open("rb") as opened:
            response = HttpResponse(opened.read(), content_type=content_type)
        # Quoted by Django: a name may hold any character, a double quote included.
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response
    return FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
