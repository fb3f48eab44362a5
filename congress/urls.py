from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from congress.views import healthz
from meetings import views as meeting_views

# The public pages carry the reader's language in their address (/ar/…, /fr/…); the admin does not.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]
urlpatterns += i18n_patterns(
    path("", meeting_views.home, name="home"),
    path("search/", meeting_views.search, name="search"),
    path("meetings/", include("meetings.urls")),
)
