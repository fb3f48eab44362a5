"""The API's reference page works under the site's Content-Security-Policy, with nothing loaded from elsewhere."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_reference_page_shows_the_endpoints_without_a_refused_resource(page, live_server):
    refused, elsewhere = [], []
    page.on("console", lambda message: refused.append(message.text) if message.type == "error" else None)
    page.on(
        "request", lambda request: None if request.url.startswith(live_server.url) else elsewhere.append(request.url)
    )

    page.goto(f"{live_server.url}/api/v1/docs/")

    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Rapporteur API")
    expect(page.get_by_text("/api/v1/meetings/{slug}/recommendations/")).to_be_visible()
    assert refused == [] and elsewhere == []
