import io

import pytest
from django.core.cache import caches
from django.core.management import call_command

DEMO_SYMBOL = "A/CONF.234/RPM.2/1"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches, as a fresh server does."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def static_files_without_collectstatic(settings):
    """Tests serve static files from their sources, as `make run` does, not from collectstatic's output."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def jobs_at_once(settings, tmp_path_factory):
    """Jobs run in the process that enqueues them, as they are enqueued (no worker), and write their files to a
    folder of the test's own: a download gets its file on the first request, as it did when it wrote it itself.
    tests/test_jobs.py runs them in a worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def s3_server():
    """A real S3-compatible server (moto's server mode) on a free port, for the storage's tests; its address."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    """A new bucket made the site's storage, as AWS_STORAGE_BUCKET_NAME and AWS_S3_ENDPOINT_URL make it; its name."""
    import uuid

    import boto3

    name = f"rapporteur-{uuid.uuid4().hex[:12]}"
    keys = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}
    boto3.client("s3", endpoint_url=s3_server, **keys).create_bucket(Bucket=name)
    options = {
        "bucket_name": name,
        "endpoint_url": s3_server,
        "access_key": "testing",
        "secret_key": "testing",
        "region_name": "us-east-1",
        "addressing_style": "path",
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    return name


@pytest.fixture
def demo_meeting(db, demo_rows):
    """The Western Asia meeting of 2019, loaded as `make run` loads it."""
    from meetings.models import Meeting

    if demo_rows is None:
        call_command("load_demo", stdout=io.StringIO())
    else:
        demo_rows.insert()
    return Meeting.objects.get(symbol=DEMO_SYMBOL)


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker):
    """The rows `load_demo` writes, loaded once per test process and copied back into each test that asks for the
    demo (tests/demo_rows.py): hundreds of tests use the demo, and loading it takes about a thousand queries.
    None where the database cannot keep the copy (SQLite): each test then loads the demo itself."""
    from tests.demo_rows import DemoRows

    with django_db_blocker.unblock():
        return DemoRows.take()


@pytest.fixture(autouse=True)
def english_between_tests():
    """A request to an /ar/ page leaves Arabic active in the thread: every test starts in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def staff(db):
    """A complete meeting, another meeting, and one staff member per role.

    `secretariat` works on every meeting; `editor`, `rapporteur` and `reviewer` are assigned to `meeting`;
    `outsider` edits `other_meeting` only.
    """
    from types import SimpleNamespace

    from django.contrib.auth.models import Group

    from tests.factories import MeetingAssignmentFactory, MeetingFactory, UserFactory, complete_meeting
    from workflow.management.commands.setup_roles import setup_roles
    from workflow.models import Role
    from workflow.roles import SECRETARIAT

    setup_roles()
    meeting, other_meeting = complete_meeting(1), MeetingFactory()
    secretariat = UserFactory(username="secretariat")
    secretariat.groups.add(Group.objects.get(name=SECRETARIAT))
    people = {"secretariat": secretariat}
    for role in Role:
        people[role.value] = MeetingAssignmentFactory(
            meeting=meeting, role=role, user=UserFactory(username=role.value)
        ).user
    people["outsider"] = MeetingAssignmentFactory(
        meeting=other_meeting, role=Role.EDITOR, user=UserFactory(username="outsider")
    ).user
    return SimpleNamespace(meeting=meeting, other_meeting=other_meeting, **people)


@pytest.fixture(autouse=True, scope="session")
def active_language_uses_reported():
    """LANGUAGE_GUARD_REPORT=file records every translated field the code or a template reads or writes through
    the active language, across the whole run (tests/language_guard.py), into that file."""
    import os

    path = os.environ.get("LANGUAGE_GUARD_REPORT")
    if not path:
        yield
        return
    from tests.language_guard import LanguageGuard

    with LanguageGuard().installed() as guard:
        yield
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with open(f"{path}.{worker}", "w", encoding="utf-8") as report:
        report.write("\n".join(sorted(map(str, guard.uses))) + "\n")
