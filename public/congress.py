"""A Congress's own pages: its regional meetings side by side, and the compilation of their recommendations.

What a reader sees follows the site's rule (Meeting.objects.visible_to): the public sees published meetings, the
secretariat also the drafts. The compilation's files (Word, PDF, XLSX, JSON) are written by the jobs from the same
entries as the page, with the same filters (public/compilation_files.py).
"""

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from caching.page_cache import SITE, cached_page
from compilation.entries import compile_recommendations, matrix, select
from congress.models import Congress
from languages import report_language
from meetings.models import Meeting
from report.downloads import complete_languages

FILTERS = ("meeting", "item", "theme", "q", "by")


def the_congress(ordinal):
    return get_object_or_404(Congress.objects.select_related("host_country"), ordinal=ordinal)


@cached_page(SITE)
def congress_page(request, ordinal):
    congress = the_congress(ordinal)
    meetings = list(
        Meeting.objects.visible_to(request.user)
        .filter(congress=congress)
        .select_related("venue_country", "congress")
        .order_by("start_date", "pk")
    )
    rows = [(meeting, complete_languages(meeting)) for meeting in meetings]
    return render(
        request,
        "congress/congress.html",
        {
            "congress": congress,
            "rows": rows,
            "agenda_items": congress.agenda_items.all(),
            "workshops": congress.workshops.all(),
        },
    )


class CompilationFilters(forms.Form):
    """What the compilation shows: one meeting (region), one item or workshop, one theme, words; matrix or list."""

    meeting = forms.TypedChoiceField(label=_("Region"), required=False, coerce=int, empty_value=None)
    item = forms.ChoiceField(label=_("Agenda item or workshop"), required=False)
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    by = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("list", _("List")), ("item", _("Matrix by item")), ("theme", _("Matrix by theme"))],
    )

    def __init__(self, data, *, meetings, entries, themes):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["meeting"].choices = everything + [(m.pk, m.display_title) for m in meetings]
        items = dict.fromkeys((entry.item_key, entry.heading) for entry in entries)
        self.fields["item"].choices = everything + list(items)
        self.fields["theme"].choices = everything + [(theme.pk, str(theme)) for theme in themes]

    def chosen(self):
        """The valid filters (an unknown value is ignored, as a stale bookmark's would be)."""
        values = {}
        for name in FILTERS:
            try:
                values[name] = self.fields[name].clean(self.data.get(name, ""))
            except forms.ValidationError:
                values[name] = None
        return values


def compilation_of(request, ordinal):
    """(congress, meetings, themes, form, chosen entries, filters) for the page and its files."""
    congress = the_congress(ordinal)
    language = report_language(get_language()) or "en"
    entries = compile_recommendations(congress, user=request.user, language=language)
    meetings = list(dict.fromkeys(entry.meeting for entry in entries))
    themes = list(congress.themes.order_by("order", "pk"))
    form = CompilationFilters(request.GET, meetings=meetings, entries=entries, themes=themes)
    chosen = form.chosen()
    shown = select(
        entries, meeting=chosen["meeting"], item=chosen["item"], theme=chosen["theme"], words=chosen["q"] or ""
    )
    return congress, meetings, themes, form, shown, chosen


@cached_page(SITE, params=FILTERS)
def compilation(request, ordinal):
    congress, meetings, themes, form, entries, chosen = compilation_of(request, ordinal)
    by = chosen["by"] or "list"
    columns = [m for m in meetings if chosen["meeting"] in (None, m.pk)]
    return render(
        request,
        "congress/compilation.html",
        {
            "congress": congress,
            "form": form,
            "entries": entries,
            "by": by,
            "columns": columns,
            "rows": matrix(entries, columns, by=by, themes=themes) if by != "list" else [],
            "language": report_language(get_language()) or "en",
            "query": request.GET.urlencode(),
        },
    )
