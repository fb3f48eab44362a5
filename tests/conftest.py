import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

DEMO_SYMBOL = "A/CONF.234/RPM.2/1"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as a fresh server does."""
    cache.clear()


@pytest.fixture(autouse=True)
def static_files_without_collectstatic(settings):
    """Tests serve static files from their sources, as `make run` does, not from collectstatic's output."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def demo_meeting(db):
    """The Western Asia meeting of 2019, loaded as `make run` loads it."""
    from meetings.models import Meeting

    call_command("load_demo", stdout=io.StringIO())
    return Meeting.objects.get(symbol=DEMO_SYMBOL)


@pytest.fixture(autouse=True)
def english_between_tests():
    """A request to an /ar/ page leaves Arabic active in the thread: every test starts in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
