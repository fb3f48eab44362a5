"""Files kept by the site (uploaded documents, written exports), and their downloads.

Uploaded files are written whole or not at all: to a temporary name beside their place, then linked into it.

Django's file storage writes an upload straight to its final name; a full disk (or a worker stopped) halfway
left a truncated file there, which the site then served as the document. Here the file is written under a
hidden temporary name in the same directory, flushed to disk, and only then given its name (a hard link,
which fails rather than replace a file of that name, so two uploads never overwrite each other). Whatever
fails, the temporary file is removed, and the error goes on to the caller: the record is not saved either
(the admin saves in one transaction), and operations.disk_full tells the user.

A stored file whose record is deleted goes once that deletion is committed (`delete_after_commit`): never before,
so a transaction rolled back keeps its record and its file.
"""

import contextlib
import logging
import os
import tempfile

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.http import FileResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header

logger = logging.getLogger(__name__)

# What a download holds in memory at a time, whatever the file's size.
CHUNK_BYTES = 64 * 1024


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


def delete_after_commit(storage, name, using=None):
    """Removes the stored file `name` once the current transaction commits (at once outside one); nothing if it
    is rolled back. A removal that fails is logged: the file is left for the sweep (jobs/sweep.py) or an operator."""
    if not name:
        return

    def remove():
        try:
            storage.delete(name)
        except Exception:
            logger.warning("The stored file %s could not be removed.", name, exc_info=True)

    transaction.on_commit(remove, using=using)


def download_response(file, filename, content_type):
    """The stored `file` as a download named `filename`, for a reader the caller has let see it.

    Streamed from the storage CHUNK_BYTES at a time, with its Content-Length: from the local disk, or from an S3
    bucket's own stream of the object (django-storages' file would first copy it whole into memory); with
    STORAGE_REDIRECT, a redirect to the storage's own address for it, signed for STORAGE_URL_SECONDS and carrying
    the download's name and type (a bucket serves the bytes; the app only checked who may have them).
    Always a download of the type given, never sniffed (SecurityMiddleware adds nosniff).
    """
    storage = file.storage
    if settings.STORAGE_REDIRECT and not isinstance(storage, FileSystemStorage):
        disposition = content_disposition_header(True, filename)
        parameters = {"ResponseContentDisposition": disposition, "ResponseContentType": content_type}
        return HttpResponseRedirect(storage.url(file.name, parameters=parameters))
    if hasattr(storage, "bucket"):  # django-storages' S3Storage
        from storages.utils import clean_name

        stored = storage.bucket.Object(storage._normalize_name(clean_name(file.name))).get()
        # The object's own stream (which FileResponse closes), read CHUNK_BYTES at a time; not seekable, so its
        # length is the bucket's.
        response = FileResponse(stored["Body"], as_attachment=True, filename=filename, content_type=content_type)
        response.block_size = CHUNK_BYTES
        response["Content-Length"] = str(stored["ContentLength"])
        return response
    response = FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    response.block_size = CHUNK_BYTES
    return response
