from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from caching import content_version
        from search import jobs

        # After each commit that changes meetings, their indexes are written again (search/jobs.py).
        content_version.changed.connect(jobs.content_changed, dispatch_uid="search-content-changed")
