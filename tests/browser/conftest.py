"""Browser tests: Playwright drives Debian's Chromium against Django's live server.

Chromium comes from the machine (scripts/install-system-packages), never from Playwright's download.
"""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"

# Playwright's sync API runs an event loop in the test's thread; the ORM calls the tests make
# to set up data are still plain synchronous calls, so Django's guard against them is lifted here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        # Without these Chromium tries to reach Google's services, which this network refuses.
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def pytest_collection_modifyitems(items):
    if not os.path.exists(CHROMIUM):
        skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: run scripts/install-system-packages")
        for item in items:
            if "browser" in item.nodeid:
                item.add_marker(skip)
