from django.contrib import admin
from django.urls import include, path

from congress.views import healthz
from meetings import views as meeting_views

urlpatterns = [
    path("", meeting_views.home, name="home"),
    path("meetings/", include("meetings.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]
