from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from operations.views import healthz, server_error
from public import compilation_files
from public import congress as congress_views
from public import views as meeting_views
from workspace.views import view_on_site

# The public pages carry the reader's language in their address (/ar/…, /fr/…); the admin does not.
urlpatterns = [
    # Before the admin's own: "view on site" asks the public site's visibility rule first.
    path("admin/r/<int:content_type_id>/<path:object_id>/", view_on_site, name="admin_view_on_site"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    # The read API, versioned in its address; its texts are in every language, so it has no language prefix.
    path("api/v1/", include("api.urls")),
]
urlpatterns += i18n_patterns(
    path("", meeting_views.home, name="home"),
    path("search/", meeting_views.search, name="search"),
    path("meetings/", include("public.urls")),
    path("congresses/<int:ordinal>/", congress_views.congress_page, name="congress"),
    path("congresses/<int:ordinal>/recommendations/", congress_views.compilation, name="compilation"),
    path(
        "congresses/<int:ordinal>/recommendations.<str:extension>",
        compilation_files.compilation_download,
        name="compilation_download",
    ),
    # Atom feeds in the prefix's language: meeting_feed (slug), congress_feed (ordinal).
    path("", include("feeds.urls")),
)

# A request over the server's limits (too many fields, too large) says so instead of a bare "Bad Request".
handler400 = "operations.views.bad_request"
# Errors in the reader's language, with the site's navigation and a way home (404 uses Django's view and 404.html).
handler500 = server_error
