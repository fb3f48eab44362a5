"""The content versions that name the site's content and each meeting's, under which pages and trees are cached."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """The one row that names the current state of all published content; it changes on every write.

    The public pages are cached under its token (see `caching.page_cache`): a reader pays one
    small query to learn it, and any edit, whatever it touches, makes every cached page stale.
    The token is random, not a counter, so a restored backup or a rolled-back test can never meet
    pages cached for some other content under the same name.
    """

    token = models.CharField(_("token"), max_length=32, editable=False)
    changed_at = models.DateTimeField(_("changed at"), editable=False)

    class Meta:
        # Made by the congress app, which held these models first.
        db_table = "congress_contentversion"
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self):
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class MeetingVersion(models.Model):
    """Names the current state of one meeting's content: its own records and the shared ones it shows.

    A meeting's public pages, its report tree and its exports are cached under this token (see
    `caching.content_version`), so an edit to one meeting leaves every other meeting's pages valid.
    """

    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name=_("meeting")
    )
    token = models.CharField(_("token"), max_length=32, editable=False)
    changed_at = models.DateTimeField(_("changed at"), editable=False)

    class Meta:
        # Made by the congress app, which held these models first.
        db_table = "congress_meetingversion"
        verbose_name = _("meeting content version")
        verbose_name_plural = _("meeting content versions")

    def __str__(self):
        return f"{self.meeting_id}: {self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
