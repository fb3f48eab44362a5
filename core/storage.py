"""Uploaded files are written whole or not at all: to a temporary name beside their place, then linked into it.

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

from django.core.files.storage import FileSystemStorage


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
