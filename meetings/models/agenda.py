"""A meeting's agenda: its items and their sub-items, each perhaps taking up a topic of the Congress."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from congress.models import Topic
from core.models import Versioned
from languages import report_language
from languages.codes import COPY_LANGUAGES, field_suffix
from languages.versions import shown_text, text_in
from meetings.models.text import MARKUP_HELP


class AgendaItem(Versioned):
    """An item of a meeting's agenda, or a sub-item of one."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="agenda_items")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sub_items",
        verbose_name=_("sub-item of"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(
        _("title"),
        max_length=700,
        blank=True,
        help_text=_("Without the final full stop. Left empty, a sub-item takes the title of its Congress topic."),
    )
    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_agenda_items",
        verbose_name=_("Congress topic"),
    )
    annotation = models.TextField(_("annotation"), blank=True, help_text=MARKUP_HELP)
    documents = models.ManyToManyField(
        "Document", blank=True, related_name="agenda_items", verbose_name=_("documents for the item")
    )

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            # A title in some language (the meeting's original one, which the admin writes), or a Congress topic.
            models.CheckConstraint(
                condition=Q(topic__isnull=False)
                # Not `__gt=""`: a check that comes out NULL (a NULL copy) passes, so each copy is tested for NULL.
                | Q(
                    *[Q(**{f"title_{code}__isnull": False}) & ~Q(**{f"title_{code}": ""}) for code in COPY_LANGUAGES],
                    _connector=Q.OR,
                ),
                name="agenda_item_has_a_title",
            ),
        ]

    def __str__(self):
        return self.display_title

    def clean(self):
        if not any(getattr(self, f"title_{code}", None) for code in COPY_LANGUAGES) and not self.topic_id:
            # On the title's copy in the meeting's language: the admin's form has a field per copy, none "title".
            original = self.meeting.original_language if self.meeting_id else "en"
            raise ValidationError(
                {f"title_{field_suffix(original)}": _("Give the item a title or link it to a Congress topic.")}
            )
        if self.parent_id:
            if self.parent.meeting_id != self.meeting_id:
                raise ValidationError({"parent": _("A sub-item belongs to an item of the same meeting.")})
            if self.parent.parent_id:
                raise ValidationError({"parent": _("Sub-items cannot have sub-items of their own.")})
        if self.topic_id and self.meeting_id and self.topic.congress_id != self.meeting.congress_id:
            raise ValidationError({"topic": _("Choose a topic of this meeting's Congress.")})

    @property
    def display_title(self):
        """The title in the reader's language (the active one)."""
        return self.display_title_in(report_language(translation.get_language()) or "en")

    def display_title_in(self, language):
        """The title in `language`; else the Congress topic's; else the title as drafted, in whichever language
        the meeting wrote it (a Spanish meeting's item not yet translated into English)."""
        if title := text_in(self, "title", language):
            return title
        if self.topic_id:
            return self.topic.title_in(language)
        return shown_text(self, "title", language)[0] or next(
            (copy for code in COPY_LANGUAGES if (copy := getattr(self, f"title_{code}", None))), ""
        )
