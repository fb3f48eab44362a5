"""The adoption in the room, as the secretariat and a delegate live it: the reading screen on the demo's L.2/Add.1,
three oral amendments (agreed; withdrawn; amended, then agreed) and a "bis" paragraph, the part adopted as orally
revised; a phone on the "now" page sees each agreed text within the refresh; the Word file has the changes as
tracked changes by the delegation, which LibreOffice reads as such; chapter IV says "as orally revised"."""

import re
import shutil
import subprocess
import zipfile

import pytest
from playwright.sync_api import expect

from adoption import actions
from adoption.models import ParagraphOutcome
from meetings.models import Document, Meeting
from report.amended import items_of
from report.builder import build_draft_parts, build_report
from report.document import plain_text
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
REFRESH = 3000  # ms: the page asks every 2 s; the rest is the answer's time on a loaded machine


def test_an_adoption_in_the_room_followed_on_a_phone(browser, live_server, demo_meeting, tmp_path):
    meeting = demo_meeting
    UserFactory(username="officer", is_superuser=True)
    part = Document.objects.get(meeting=meeting, symbol="A/CONF.234/RPM.2/L.2/Add.1")
    loaded = Meeting.objects.for_report().get(pk=meeting.pk)
    items = items_of(build_draft_parts(loaded, "en")[part.symbol])
    first, second = [item for item in items if item.amendable][:2]
    delegation = str(meeting.participations.filter(state__isnull=False).select_related("state").first())

    officer = browser.new_context().new_page()
    officer.goto(f"{live_server.url}/admin/login/")
    officer.get_by_label("Username").fill("officer")
    officer.get_by_label("Password").fill("a long enough passphrase")
    officer.get_by_role("button", name="Log in").click()
    officer.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/part/adoption/")
    officer.get_by_role("link", name=part.symbol).click()
    officer.wait_for_load_state("load")
    officer.keyboard.press("j")  # the keyboard moves to the next paragraph
    expect(officer.locator(".reading-list li.current")).to_contain_text(items[1].label)

    phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    phone.goto(f"{live_server.url}/en/meetings/{meeting.slug}/now/")
    expect(phone.locator(".now-label")).to_have_text(items[1].label)

    def go_to(item):
        label = re.compile(rf"^\s*{re.escape(item.label)}\s")
        officer.locator(".reading-list li", has_text=label).first.get_by_role("button").click()
        expect(phone.locator(".now-label")).to_have_text(item.label, timeout=REFRESH)

    def propose(text, *, insert=False):
        officer.locator("#reading-text").fill(text)
        officer.locator(".reading-propose select[name=proposer]").last.select_option("delegation")
        officer.locator(".reading-propose select[name=delegation]").last.select_option(label=delegation)
        if insert:
            officer.get_by_label("A new paragraph after this one").check()
        officer.get_by_role("button", name="Record the amendment").last.click()

    def decide(index, status):
        officer.locator(".reading-amendments > li").nth(index).get_by_role("button", name=status).click()

    go_to(first)
    welcomed = f"{first.text.rstrip('.')} and welcomed it."
    propose(welcomed)
    decide(0, "Agreed")
    expect(phone.locator(".now-paragraph")).to_contain_text("welcomed", timeout=REFRESH)
    propose(f"{welcomed} Never.")
    decide(1, "Withdrawn")
    propose("Participants also heard a statement by the Chair.", insert=True)
    decide(2, "Agreed")

    go_to(second)
    propose(f"{second.text.rstrip('.')}, as proposed.")
    officer.get_by_text("Amend this amendment").click()
    officer.locator(".reading-amendments textarea").fill(f"{second.text.rstrip('.')}, as amended.")
    officer.locator(".reading-amendments select[name=proposer]").select_option("chair")
    officer.locator(".reading-amendments").get_by_role("button", name="Record the amendment").click()
    decide(1, "Agreed")  # the amendment to the amendment, then the amendment as amended
    decide(0, "Agreed")
    expect(phone.locator(".now-paragraph")).to_contain_text("as amended", timeout=REFRESH)
    expect(phone.locator(".now-amendments")).to_contain_text(delegation)
    phone.context.close()  # its refresh would outlive the test's database

    # The paragraphs before were adopted as read; the room adopts the last one as orally revised.
    keys = [
        item.key
        for item in items_of(build_draft_parts(Meeting.objects.for_report().get(pk=meeting.pk), "en")[part.symbol])
    ]
    for key in keys[:-1]:
        actions.mark(part=part, source=key, outcome=ParagraphOutcome.Outcome.ADOPTED, sources=keys)
    officer.locator(".reading-list li").last.get_by_role("button").click()
    officer.get_by_role("button", name="Adopted as orally revised").click()
    expect(officer.get_by_text(f"{part.symbol} is adopted.").first).to_be_visible()

    word = officer.request.get(f"{live_server.url}/en/meetings/{meeting.slug}/draft/L.2-Add.1.docx")
    path = tmp_path / "part.docx"
    path.write_bytes(word.body())
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert '<w:ins w:id="' in xml and f'w:author="{delegation}"' in xml and "<w:del " in xml
    if shutil.which("soffice"):
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "odt", "--outdir", str(tmp_path), str(path)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        content = zipfile.ZipFile(tmp_path / "part.odt").read("content.xml").decode()
        assert "<text:tracked-changes" in content and f"<dc:creator>{delegation}</dc:creator>" in content

    loaded = Meeting.objects.for_report().get(pk=meeting.pk)
    adoption = build_report(loaded, "en").chapters[-1]
    assert "as orally revised" in plain_text(adoption.children[-1].content)
