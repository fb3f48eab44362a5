"""The base of every content model; abstract, so it has no table of its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Versioned(models.Model):
    """A record whose every save raises its version, so a form opened on an older version can tell."""

    version = models.PositiveIntegerField(_("version"), default=0, editable=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.version = (self.version or 0) + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "version" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "version"]
        super().save(*args, **kwargs)
