"""The search index: what a delegate may search for, per meeting and language, written from the meetings."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    """One thing a delegate may search for, in one language: a paragraph of a report, a State, a symbol …

    Written from the meeting's records and its built report by `search.index`, for one version
    of the meeting's content (`SearchIndexVersion`); never edited by hand. On PostgreSQL `vector`
    holds the text's full-text vector in the language's configuration, under a GIN index.
    """

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey("meetings.Document", on_delete=models.CASCADE, null=True, related_name="+")
    language = models.CharField(max_length=10, editable=False)
    kind = models.CharField(max_length=20, editable=False)
    order = models.PositiveIntegerField(default=0)
    text = models.TextField(editable=False)
    terms = models.TextField(
        blank=True, editable=False
    )  # searched but not shown: the parts of a symbol, "RPM.2/L.1", "L.1"
    # A paragraph's number, "42" or "42 (c)"; a text, since letters past (z) repeat: "42 (zzzzz)" after 130.
    number = models.TextField(blank=True, editable=False)
    # "paragraph 42", in the entry's language; a text, because it may be a venue or a heading of any length.
    where = models.TextField(blank=True, editable=False)
    url = models.CharField(max_length=1000, editable=False)
    vector = SearchVectorField(null=True)

    class Meta:
        # Made by the congress app, which held these models first.
        db_table = "congress_searchentry"
        # Number first: a search by words goes to the GIN index, not to one that only narrows the language.
        indexes = [models.Index(fields=["number", "language"], name="search_entry_number")]

    def __str__(self):
        return self.text[:80]


class SearchIndexVersion(models.Model):
    """The version of a meeting's content that its search entries in one language were written from."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10, editable=False)
    token = models.CharField(max_length=32, editable=False)

    class Meta:
        # Made by the congress app, which held these models first.
        db_table = "congress_searchindexversion"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "language"], name="one_search_index_per_meeting_language")
        ]

    def __str__(self):
        return f"{self.meeting_id} {self.language}: {self.token}"
