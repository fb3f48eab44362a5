"""The sweep: stored export files that no export's row names any more, removed.

A file is normally removed after the commit that replaces or deletes its row (jobs/exports.py). What escapes
that (a worker stopped between writing a file and filing it, a removal the storage refused, a row deleted while
its job was writing) is found here: every file under EXPORTS_DIRECTORY, listed before the rows are read, that no
row names and that is older than `older_than` (a job still running may have written it and not filed it yet: by
default EXPORT_JOB_SECONDS, after which such a job is taken as lost). Run as often as one likes
(`manage.py sweep_exports`, and by `with_worker` every SWEEP_SECONDS): it removes each file once, and only those.
"""

import datetime
import logging

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone

from jobs.models import Export

logger = logging.getLogger(__name__)

EXPORTS_DIRECTORY = "exports"


def stored_files(storage, directory=EXPORTS_DIRECTORY):
    """Every file's name under `directory`, in any depth."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # nothing written yet (the local disk)
        return
    for name in files:
        yield f"{directory}/{name}"
    for name in directories:
        yield from stored_files(storage, f"{directory}/{name}")


def sweep(older_than=None, storage=None):
    """Removes the export files no row names that are older than `older_than` (a timedelta); their names."""
    storage = storage or default_storage
    if older_than is None:
        older_than = datetime.timedelta(seconds=settings.EXPORT_JOB_SECONDS)
    cutoff = timezone.now() - older_than
    # Listed first: a file filed after the rows are read is one written after the listing, too young to go.
    listed = list(stored_files(storage))
    named = set(Export.objects.exclude(file="").values_list("file", flat=True))
    removed = []
    for name in listed:
        if name in named:
            continue
        try:
            if storage.get_modified_time(name) > cutoff:
                continue
            storage.delete(name)
        except FileNotFoundError:  # removed meanwhile (another sweep, or its job)
            continue
        except Exception:
            logger.warning("The stored file %s could not be removed.", name, exc_info=True)
            continue
        removed.append(name)
    return removed
