"""The Congress, what its preparatory meetings discuss, and the registries they draw on."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from core.history import ContentHistory
from core.models import Versioned
from languages import report_language
from languages.grammar import fill
from languages.versions import has_text, shown_in_active_language, shown_text


class State(Versioned):
    """A State as the United Nations names it in documents (its short name)."""

    name = models.CharField(_("short name"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("State")
        verbose_name_plural = _("States")

    def __str__(self):
        return shown_in_active_language(self, "name")


class Organization(Versioned):
    """An entity, institute or organization other than a State that may attend a meeting."""

    class Category(models.TextChoices):
        # The order is the order of the attendance paragraphs of a report.
        UN_ENTITY = "un_entity", _("United Nations entity")
        INSTITUTE = "institute", _("Programme network institute")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organization")
        NON_GOVERNMENTAL = "non_governmental", _("Non-governmental organization in consultative status")

    name = models.CharField(_("name"), max_length=250, unique=True)
    short_name = models.CharField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_("Used in reports instead of the name, e.g. UNODC. Leave empty to write the name."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    precedence = models.PositiveSmallIntegerField(
        _("precedence"),
        default=100,
        help_text=_("Order within its category in attendance lists; equal values sort by name."),
    )

    class Meta:
        ordering = ["category", "precedence", "name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return shown_in_active_language(self, "name")

    @property
    def report_name(self):
        return self.short_name or self.name


class RegionalCommission(Versioned):
    """A regional commission of the Economic and Social Council and its member States."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, unique=True)
    member_states = models.ManyToManyField(
        State, related_name="regional_commissions", blank=True, verbose_name=_("member States")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("regional commission")
        verbose_name_plural = _("regional commissions")

    def __str__(self):
        return shown_in_active_language(self, "abbreviation")


class Congress(Versioned):
    """A United Nations Congress on Crime Prevention and Criminal Justice."""

    ordinal = models.PositiveSmallIntegerField(
        _("ordinal"), unique=True, help_text=_("14 for the Fourteenth Congress.")
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("Fourteenth United Nations Congress on Crime Prevention and Criminal Justice"),
    )
    short_title = models.CharField(_("short title"), max_length=60, help_text=_("Fourteenth Congress"))
    symbol_prefix = models.CharField(
        _("symbol prefix"), max_length=30, unique=True, help_text=_("The Congress's document series, e.g. A/CONF.234.")
    )
    host_city = models.CharField(_("host city"), max_length=100)
    host_country = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="congresses_hosted", verbose_name=_("host country")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    main_theme = models.CharField(_("main theme"), max_length=300)

    class Meta:
        ordering = ["-ordinal"]
        verbose_name = _("Congress")
        verbose_name_plural = _("Congresses")
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="congress_ends_after_it_starts"),
        ]

    def __str__(self):
        return shown_in_active_language(self, "title")

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The Congress cannot end before it starts.")})


class CongressAgendaItem(Versioned):
    """A substantive item on the Congress's own agenda."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=500)

    class Meta:
        ordering = ["congress", "number"]
        verbose_name = _("Congress agenda item")
        verbose_name_plural = _("Congress agenda items")
        constraints = [
            models.UniqueConstraint(fields=["congress", "number"], name="unique_congress_agenda_item_number"),
        ]

    def __str__(self):
        return f"{self.number}. {shown_in_active_language(self, 'title')}"


class Workshop(Versioned):
    """A workshop held during the Congress."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="workshops")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=500)

    class Meta:
        ordering = ["congress", "number"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            models.UniqueConstraint(fields=["congress", "number"], name="unique_workshop_number"),
        ]

    def __str__(self):
        return pgettext("workshop", "Workshop %(number)s: %(title)s") % {
            "number": self.number,
            "title": shown_in_active_language(self, "title"),
        }


class Topic(Versioned):
    """What regional meetings discuss: the main theme, or an agenda item clustered with its workshop."""

    class Kind(models.TextChoices):
        MAIN_THEME = "main_theme", _("Main theme")
        SUBSTANTIVE = "substantive", _("Substantive item and workshop")

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="topics")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SUBSTANTIVE)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    agenda_item = models.ForeignKey(
        CongressAgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="topics",
        verbose_name=_("Congress agenda item"),
    )
    workshop = models.ForeignKey(
        Workshop, on_delete=models.PROTECT, null=True, blank=True, related_name="topics", verbose_name=_("workshop")
    )

    history = ContentHistory()

    class Meta:
        ordering = ["congress", "order", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(
                fields=["congress"], condition=Q(kind="main_theme"), name="one_main_theme_per_congress"
            ),
            models.CheckConstraint(
                condition=Q(kind="main_theme", agenda_item__isnull=True, workshop__isnull=True)
                | Q(kind="substantive", agenda_item__isnull=False),
                name="substantive_topic_has_agenda_item",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.kind == self.Kind.SUBSTANTIVE and not self.agenda_item_id:
            raise ValidationError({"agenda_item": _("A substantive topic needs the Congress agenda item it covers.")})
        if self.kind == self.Kind.MAIN_THEME and (self.agenda_item_id or self.workshop_id):
            raise ValidationError(_("The main theme is not linked to an agenda item or a workshop."))
        for field in ("agenda_item", "workshop"):
            linked = getattr(self, field)
            if linked is not None and self.congress_id and linked.congress_id != self.congress_id:
                raise ValidationError({field: _("Choose one of this Congress's own items.")})

    @property
    def title(self):
        """The heading in the reader's language (the active one)."""
        return self.title_in(report_language(translation.get_language()) or "en")

    def title_in(self, language, text=None, short=False):
        """The heading a report gives the topic, as the discussion guide clusters it, in `language`: the words
        from the catalogues (context "report"), the names from `text(record, field)`, by default each record's
        copy in that language or else its original's (the report passes its own, which marks what is missing).
        `short`: the main theme's heading names the Congress by its short title."""
        text = text or (lambda record, field: shown_text(record, field, language)[0])
        if self.kind == self.Kind.MAIN_THEME:
            # xgettext:no-python-brace-format
            template = pgettext("report", "Main theme of the {congress}: “{theme}”")
            congress = text(
                self.congress, "short_title" if short and has_text(self.congress, "short_title") else "title"
            )
            theme = text(self.congress, "main_theme")
            return fill(template, language, congress=congress, theme=theme)
        title = pgettext("report", "%(title)s (agenda item %(number)s)") % {
            "title": text(self.agenda_item, "title"),
            "number": self.agenda_item.number,
        }
        if self.workshop is not None:
            workshop_title = text(self.workshop, "title")
            title = pgettext("report", "%(item)s; and %(workshop)s (workshop %(number)s)") % {
                "item": title,
                "workshop": workshop_title[:1].lower() + workshop_title[1:],
                "number": self.workshop.number,
            }
        return title


class StandardParagraph(Versioned):
    """A paragraph of the text that every preparatory meeting of a Congress shares (its Introduction)."""

    class Part(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction")

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="standard_paragraphs")
    part = models.CharField(_("part"), max_length=20, choices=Part.choices, default=Part.INTRODUCTION)
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("text"), help_text=_("*italics*, [A/CONF.234/PM.1] for a document symbol."))

    class Meta:
        ordering = ["congress", "part", "order", "pk"]
        verbose_name = _("standard paragraph")
        verbose_name_plural = _("standard paragraphs")

    def __str__(self):
        return shown_in_active_language(self, "text")[:80]


class Theme(Versioned):
    """A theme under which the Congress secretariat compiles the regional meetings' recommendations
    ("Cybercrime", "Victims"), named in six languages; a recommendation may fall under several."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="themes")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["congress", "order", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return shown_in_active_language(self, "name")
