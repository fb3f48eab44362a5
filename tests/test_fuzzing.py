"""Random input to every admin form of the content models, the participants import and the search form.

Whatever is typed, the answer is the form again with an error, or the saved record: never a server error.
Each example runs in a transaction that is rolled back, so every example starts from the same records.
"""

import csv
import io

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.admin_forms import form_data
from tests.factories import DelegateFactory, StateFactory, complete_meeting

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("congress", "meetings", "recommendations")
FUZZ = settings(
    max_examples=12,
    deadline=None,
    database=None,  # nothing written into the working tree
    derandomize=True,  # the same examples on every run, so the suite passes or fails for a reason
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
ADMINS = sorted(
    (model._meta.label, model_admin)
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label in CONTENT_APPS
)

# What people type, and what they type by mistake: any text, numbers out of range, impossible dates.
typed = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    # Within 64 bits: past them, Django's check of a multiple choice fails on SQLite only (OverflowError).
    st.integers(min_value=-(2**63) + 1, max_value=2**63 - 1).map(str),
    st.sampled_from(["", " ", "0", "-1", "2019-02-30", "30/02/2019", "25:61", "Asia/Nowhere", "../../etc/passwd"]),
    st.sampled_from(['<script>alert("x")</script>', "*", "[", "[]", "**", "\x00", "\ufeff", "\u202e"]),
)


def no_server_error(response):
    # The test client raises a view's exception; a status of 500 would come from a handled one.
    assert response.status_code in (200, 302), response.status_code


@pytest.fixture
def meeting(db):
    meeting = complete_meeting(1)
    DelegateFactory(participation=meeting.participations.filter(state__isnull=False).first())
    return meeting


def admin_page(admin_client, model_admin, action):
    """(url, the data its form would post unchanged) for the add page or a change page of a model's admin."""
    info = model_admin.model._meta.app_label, model_admin.model._meta.model_name
    if action == "add":
        url = reverse("admin:{}_{}_add".format(*info))
    else:
        obj = model_admin.model._default_manager.order_by("pk").first()
        url = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    data = form_data(response)
    form = response.context["adminform"].form
    fields = sorted({*data, *(form.add_prefix(name) for name in form.fields)} - {"version"})
    fields = [
        name for name in fields if not name.endswith(("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"))
    ]
    return url, data, fields


def refuses_to_add(admin_client, model_admin):
    """Whether the admin has no add page for anyone, the secretariat included: a plenary meeting or an agenda
    item is added in its meeting's workspace, where the meeting is known, and its own page only changes it."""
    request = admin_client.get(reverse("admin:index")).wsgi_request
    return not model_admin.has_add_permission(request)


@pytest.mark.parametrize("action", ["add", "change"])
@pytest.mark.parametrize(("label", "model_admin"), ADMINS, ids=[label for label, _admin in ADMINS])
def test_random_input_to_an_admin_form_is_refused_or_saved(admin_client, meeting, label, model_admin, action):
    if action == "add" and refuses_to_add(admin_client, model_admin):
        # Nothing to fuzz: the page and any post to it are refused, and nothing is added.
        url = reverse(f"admin:{model_admin.model._meta.app_label}_{model_admin.model._meta.model_name}_add")
        count = model_admin.model._default_manager.count()
        assert admin_client.get(url).status_code == 403
        assert admin_client.post(url, {"meeting": meeting.pk, "title": "x", "number": "9"}).status_code == 403
        assert model_admin.model._default_manager.count() == count
        return
    url, data, fields = admin_page(admin_client, model_admin, action)

    @FUZZ
    @given(changes=st.dictionaries(st.sampled_from(fields), typed, min_size=1, max_size=4))
    def post(changes):
        with transaction.atomic():
            no_server_error(admin_client.post(url, {**data, **changes}))
            transaction.set_rollback(True)

    post()


COLUMNS = ["State or organization", "Capacity", "Name", "Function", "Head of delegation"]
cell = st.one_of(
    typed,
    st.sampled_from(["Kuwait", "kuwait ", "member", "observer", "yes", "no", "Ms. Amal Haddad", "=1+1"]),
)


def import_file(content, name="participants.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


@pytest.fixture
def importing(admin_client, meeting):
    meeting.regional_commission.member_states.add(StateFactory(name="Kuwait"))
    url = reverse("admin:meetings_participation_import")
    choices = admin_client.get(url).context["form"].fields["format"].choices
    formats = {str(label).lower(): value for value, label in choices}

    def post(content, file_format="csv", name="participants.csv"):
        fields = {"resource": "0", "meeting": meeting.pk, "format": formats[file_format]}
        with transaction.atomic():
            response = admin_client.post(url, {**fields, "import_file": import_file(content, name)})
            no_server_error(response)
            confirmed = None
            if response.status_code == 200 and response.context.get("confirm_form") is not None:
                confirm = response.context["confirm_form"].initial
                data = {key: value for key, value in confirm.items() if value is not None}
                confirmed = admin_client.post(reverse("admin:meetings_participation_process_import"), data)
                no_server_error(confirmed)
            transaction.set_rollback(True)
        return response, confirmed

    return post


def test_a_good_list_is_previewed_and_confirmed_as_the_fuzzed_ones_are(importing):
    preview, confirmed = importing(b"State or organization,Name,Capacity\nKuwait,Ms. Amal Haddad,member\n")
    assert "1 to create" in " ".join(preview.content.decode().split())
    assert confirmed.status_code == 302


def test_a_file_without_a_header_row_is_refused_with_a_message(importing):
    preview, _confirmed = importing(b"\r\n,\r\n")
    assert "The file has no column “State or organization”, “Name”." in preview.content.decode()


@FUZZ
@given(
    header=st.one_of(st.just(COLUMNS), st.lists(st.sampled_from([*COLUMNS, "", "Name "]), max_size=6)),
    rows=st.lists(st.lists(cell, min_size=0, max_size=6), max_size=6),
)
def test_a_random_list_of_participants_is_previewed_and_confirmed_without_error(importing, header, rows):
    content = io.StringIO()
    writer = csv.writer(content)
    writer.writerow(header)
    writer.writerows(rows)
    importing(content.getvalue().encode("utf-8", "surrogatepass"))


INDICO_COLUMNS = [
    "First Name",
    "Last Name",
    "Affiliation",
    "Country",
    "Position",
    "Title",
    "Registration state",
    "Tags",
]
indico_cell = st.one_of(cell, st.sampled_from(["Completed", "Withdrawn", "Pending", "Türkiye", "UNODC", "Mr", "HoD"]))


@FUZZ
@given(
    header=st.lists(st.sampled_from([*INDICO_COLUMNS, "", "ID"]), max_size=6),
    rows=st.lists(st.lists(indico_cell, min_size=0, max_size=8), max_size=6),
)
def test_a_random_indico_export_is_previewed_and_confirmed_without_error(importing, header, rows):
    content = io.StringIO()
    writer = csv.writer(content)
    writer.writerow(["ID", "Name", *header])
    writer.writerows(rows)
    importing(content.getvalue().encode("utf-8-sig", "surrogatepass"))


@FUZZ
@given(content=st.binary(max_size=2000), file_format=st.sampled_from(["csv", "xlsx"]))
def test_a_file_that_is_no_list_of_participants_is_refused(importing, content, file_format):
    importing(content, file_format, name=f"participants.{file_format}")


@settings(FUZZ, max_examples=40)
@given(words=typed)
def test_any_search_is_answered(client, meeting, words):
    for language in ("en", "ar"):
        response = client.get(f"/{language}/search/", {"q": words})
        assert response.status_code == 200


def test_a_word_in_an_autocomplete_field_is_refused_with_a_message(admin_client, db):
    response = admin_client.post(
        reverse("admin:congress_regionalcommission_add"), {"name": "A", "abbreviation": "B", "member_states": "x"}
    )
    assert "“x” is not a valid value." in response.content.decode()
