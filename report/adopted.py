"""An adopted report is a record, not a view: what the meeting adopted is kept, and served until it is reopened.

Adoption (`adopt`) builds the report and its draft parts in all six languages, for both audiences (the public,
whose annex lists only published documents, and the preview of the secretariat and the meeting's staff), and
keeps their trees (report/tree_json.py) in the same transaction as the meeting's new status. From then on the
report page, every export, the draft parts and the search index read those trees (`report_of`,
`draft_parts_of`): renaming a State or editing the Congress's standard introduction changes the meetings whose
report is still a draft, never an adopted one. Reopening the report (Meeting.reopen_report) discards them: the
report is built from the records again, and adopting it again keeps it anew.

A meeting adopted before Rapporteur kept adopted reports, or through Meeting.adopt_report alone (the shell, a
test), has none yet: the first read keeps the report as it reads then (`stored`), as the command
`keep_adopted_reports` does for every such meeting at once. A migration does not build them: the builder needs
the models as the code has them, not the historical models a migration is given.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from languages import REPORT_LANGUAGES
from languages.codes import language_name
from meetings.models import Document, Meeting
from report.builder import build_draft_parts, build_report, resolve_language
from report.models import AdoptedReport
from report.tree_json import from_json, to_json

PUBLIC, PREVIEW = AdoptedReport.Audience.PUBLIC, AdoptedReport.Audience.PREVIEW


def loaded(meeting_pk, audience):
    """The meeting with everything its report reads, the documents as `audience` sees them."""
    return Meeting.objects.for_report(published_documents=audience == PUBLIC).get(pk=meeting_pk)


def versions_now(meeting_pk, audiences=(PREVIEW, PUBLIC)):
    """The AdoptedReport rows the meeting's report would be kept as now: six languages, for each audience."""
    # With every document published, both audiences read the same report: built once, kept for both.
    every_document_published = not Document.objects.filter(meeting_id=meeting_pk, is_published=False).exists()
    rows = []
    for audience in audiences:
        if audience == PUBLIC and every_document_published:
            rows += [AdoptedReport(**{**vars_of(row), "audience": PUBLIC}) for row in rows]
            break
        meeting = loaded(meeting_pk, audience)
        for language in REPORT_LANGUAGES:
            parts = build_draft_parts(meeting, language)
            rows.append(
                AdoptedReport(
                    meeting_id=meeting_pk,
                    language=language,
                    audience=audience,
                    tree=to_json(build_report(meeting, language)),
                    draft_parts={symbol: to_json(part) for symbol, part in parts.items()},
                )
            )
    return rows


def vars_of(row):
    return {name: getattr(row, name) for name in ("meeting_id", "language", "audience", "tree", "draft_parts")}


@transaction.atomic
def adopt(meeting, *, session=None, issued_on=None, job_number=None):
    """Records that the meeting adopted its report (Meeting.adopt_report) and keeps the report as adopted."""
    meeting.adopt_report(session=session, issued_on=issued_on, job_number=job_number)
    keep(meeting.pk)


@transaction.atomic
def keep(meeting_pk, *, replace=True):
    """Keeps the report of an adopted meeting as it reads now; without `replace`, only where none is kept."""
    rows = versions_now(meeting_pk)
    if replace:
        AdoptedReport.objects.filter(meeting_id=meeting_pk).delete()
    # Two first reads at once each write the same rows: the second finds them there.
    AdoptedReport.objects.bulk_create(rows, ignore_conflicts=not replace)


def stored(meeting, language, audience):
    """The kept version of an adopted meeting's report, kept now if it is not yet (see the module's note)."""
    row = AdoptedReport.objects.filter(meeting_id=meeting.pk, language=language, audience=audience).first()
    if row is None:
        keep(meeting.pk, replace=False)
        row = AdoptedReport.objects.get(meeting_id=meeting.pk, language=language, audience=audience)
    return row


def report_of(meeting, language=None, audience=PUBLIC):
    """The report as readers get it in `language`: as adopted while it is adopted, else built from the records.

    `meeting` as Meeting.objects.for_report() loads it for `audience` ("public": published documents only;
    "preview": every document)."""
    language = resolve_language(meeting, language)
    if meeting.report_is_adopted:
        return from_json(stored(meeting, language, audience).tree)
    return build_report(meeting, language)


def draft_parts_of(meeting, language=None, audience=PUBLIC):
    """The parts of the draft report as readers get them: as they were at the adoption while it is adopted."""
    language = resolve_language(meeting, language)
    if meeting.report_is_adopted:
        return {symbol: from_json(tree) for symbol, tree in stored(meeting, language, audience).draft_parts.items()}
    return build_draft_parts(meeting, language)


def report_for_symbol(symbol, language=None):
    """The report, or the part of a draft report, with this symbol, every document listed (the command line's
    export); as adopted while it is adopted. Raises Meeting.DoesNotExist."""
    meetings = Meeting.objects.for_report()
    try:
        return report_of(meetings.get(symbol=symbol), language, PREVIEW)
    except Meeting.DoesNotExist:
        part = Document.objects.filter(symbol=symbol, kind=Document.Kind.DRAFT_REPORT).first()
        if part is None:
            raise
        return draft_parts_of(meetings.get(pk=part.meeting_id), language, PREVIEW)[symbol]


def changed_since_adoption(meeting):
    """The languages (codes) in which the adopted report, or its draft parts, would read differently if it were
    reopened now: a shared record it shows (a State's name, the Congress, its standard text) changed since.

    Builds the report in every language: for the page that shows it, not for every save."""
    if not meeting.report_is_adopted:
        return []
    kept = {row.language: row for row in AdoptedReport.objects.filter(meeting_id=meeting.pk, audience=PREVIEW)}
    if not kept:
        return []  # nothing kept yet: the first read keeps the report as it reads now
    now = {row.language: row for row in versions_now(meeting.pk, (PREVIEW,))}
    return [
        language
        for language in REPORT_LANGUAGES
        if language not in kept
        or (kept[language].tree, kept[language].draft_parts) != (now[language].tree, now[language].draft_parts)
    ]


def changed_since_adoption_text(meeting):
    """The sentence the adoption screen shows about the kept report."""
    if not meeting.report_is_adopted:
        return _("The report is a draft: the site and the exports show it as the records read now.")
    changed = changed_since_adoption(meeting)
    if not changed:
        return _(
            "The report is kept as adopted: the site and the exports serve it until it is reopened, and reopened "
            "it would read the same in every language."
        )
    names = ", ".join(language_name(code) for code in changed)
    return _(
        "The report is kept as adopted: the site and the exports serve it until it is reopened. Adopted versions "
        "that would read differently if reopened (a State, the Congress or its standard text changed since): "
        "%(languages)s."
    ) % {"languages": names}
