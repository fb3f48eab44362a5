"""Catches a translated field read or written through the active language instead of a named one.

modeltranslation gives each translated field (`title`) a copy per language (`title_es`) and keeps the bare name
as a door to whichever copy the *active* language picks, falling back to English. In the admin the active
language is the editor's, not the text's; on the site it is the page's, and the fallback shows English unmarked.
So no code of Rapporteur's, and no template, may go through that door: this guard records every use of it,
where it came from, while it is installed.

It watches the three doors: the attribute's descriptor (`record.title`, `record.title = …`), the rewriting of a
keyword into the active copy (`create(title=…)`, `filter(title=…)`, `Model(title=…)`), and the same for
`order_by`. A use counts when the first frame outside modeltranslation and Django's ORM is the project's code or
a template being rendered; Django's own machinery (a model form saving the copies it was given, the admin's
changelist searching the fields it was told to) is not a use of the project's.
"""

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path

from modeltranslation import fields as mt_fields
from modeltranslation import manager as mt_manager
from modeltranslation import translator as mt_translator

ROOT = Path(__file__).resolve().parent.parent
ROOMS = {
    "core",
    "languages",
    "caching",
    "workflow",
    "congress",
    "meetings",
    "recommendations",
    "report",
    "search",
    "public",
    "workspace",
    "demo",
    "operations",
    "rapporteur",
}
# The doors themselves; the first frame past them decides who used the door. A keyword reaches its door through
# Django's query set and model constructor (`create(title=…)`), so for keywords the ORM is passed too; an
# attribute read by the ORM itself (saving every column) is the ORM's, not the code that called save().
DOORS = ("/modeltranslation/fields.py", "/modeltranslation/manager.py", "/modeltranslation/translator.py")
KEYWORD_DOORS = (
    *DOORS,
    "/modeltranslation/utils.py",
    "/django/db/models/query.py",
    "/django/db/models/manager.py",
    "/django/db/models/query_utils.py",
    "/django/db/models/sql/",
    "/django/utils/functional.py",
)


@dataclass(frozen=True)
class Use:
    where: str  # "report/builder.py:120" or "template meetings/report.html"
    field: str  # "Meeting.title"
    how: str  # "read", "written", "keyword"

    def __str__(self):
        return f"{self.where}: {self.field} {self.how} through the active language"


def _origin(through):
    """Where the use came from: the project file and line, or the template; None for library code."""
    frame = sys._getframe(3)  # past _origin, record and the patched door
    while frame is not None:
        filename = frame.f_code.co_filename
        if not any(part in filename for part in through):
            break
        frame = frame.f_back
    if frame is None:
        return None
    filename = frame.f_code.co_filename
    if "/django/template/" in filename:
        # The template being rendered, found further up (Template.render's self).
        while frame is not None:
            template = frame.f_locals.get("self")
            name = getattr(getattr(template, "origin", None), "template_name", None)
            if name:
                return f"template {name}"
            frame = frame.f_back
        return "template"
    try:
        relative = Path(filename).resolve().relative_to(ROOT)
    except ValueError:
        return None
    if relative.parts[0] not in ROOMS or "migrations" in relative.parts:
        return None
    return f"{relative}:{frame.f_lineno}"


class LanguageGuard:
    def __init__(self):
        self.uses = set()

    def record(self, field, how):
        where = _origin(KEYWORD_DOORS if how in ("keyword", "ordering") else DOORS)
        if where is not None:
            self.uses.add(Use(where, field, how))

    @contextlib.contextmanager
    def installed(self):
        descriptor = mt_fields.TranslationFieldDescriptor
        original_get, original_set = descriptor.__get__, descriptor.__set__
        original_rewrite = mt_manager.rewrite_lookup_key
        original_order = mt_manager.rewrite_order_lookup_key
        guard = self

        def get(self, instance, owner):
            if instance is not None:
                guard.record(f"{owner.__name__}.{self.field.name}", "read")
            return original_get(self, instance, owner)

        def set_(self, instance, value):
            if not getattr(instance, "_mt_init", False):
                guard.record(f"{type(instance).__name__}.{self.field.name}", "written")
            return original_set(self, instance, value)

        def rewrite(model, lookup_key):
            rewritten = original_rewrite(model, lookup_key)
            if rewritten != lookup_key:
                guard.record(f"{model.__name__}.{lookup_key}", "keyword")
            return rewritten

        def rewrite_order(model, lookup_key):
            rewritten = original_order(model, lookup_key)
            # The model's own Meta.ordering ("name": lists in the order of the names as they are read) is a
            # declaration, applied to every query of the model; an order_by() in the code is a use.
            declared = str(lookup_key).lstrip("-") in {str(key).lstrip("-") for key in model._meta.ordering}
            if rewritten != lookup_key and not declared:
                guard.record(f"{model.__name__}.{lookup_key}", "ordering")
            return rewritten

        descriptor.__get__, descriptor.__set__ = get, set_
        mt_manager.rewrite_lookup_key = mt_translator.rewrite_lookup_key = rewrite
        mt_manager.rewrite_order_lookup_key = rewrite_order
        try:
            yield self
        finally:
            descriptor.__get__, descriptor.__set__ = original_get, original_set
            mt_manager.rewrite_lookup_key = mt_translator.rewrite_lookup_key = original_rewrite
            mt_manager.rewrite_order_lookup_key = original_order
