"""A page weighs under 150 KB before caching: its HTML and the stylesheets and scripts it references."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db

BUDGET = 150 * 1024
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script[^>]* src)="/static/([^"]+)"')
PAGES = ["home", "search", "detail", "agenda", "programme", "documents", "participation", "report"]


def weight(client, address):
    """Bytes of HTML, CSS and JavaScript a first visit downloads; also the page, for inspection."""
    html = client.get(address).content
    assets = ASSET.findall(html.decode())
    return len(html) + sum(len(open(finders.find(path), "rb").read()) for path in assets), html.decode(), assets


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("name", PAGES)
def test_a_page_weighs_under_150_kb(client, demo_meeting, name, language):
    if name in ("home", "search"):
        address = f"/{language}{reverse(name)[3:]}" + ("?q=cybercrime" if name == "search" else "")
    else:
        address = f"/{language}/meetings/{demo_meeting.slug}/{'' if name == 'detail' else name + '/'}"
    total, html, assets = weight(client, address)
    assert any("bootstrap" in asset for asset in assets)
    assert "<script" not in html  # every page works without JavaScript, and ships none
    assert total < BUDGET, f"{address} weighs {total / 1024:.0f} KB"
