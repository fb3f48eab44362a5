"""The read API, version 1: its endpoints, its OpenAPI schema and the schema's reference page."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api import views

app_name = "api"
urlpatterns = [
    path("congresses/", views.CongressList.as_view(), name="congress-list"),
    path("congresses/<int:ordinal>/", views.CongressDetail.as_view(), name="congress-detail"),
    path("meetings/", views.MeetingList.as_view(), name="meeting-list"),
    path("meetings/<slug:slug>/", views.MeetingDetail.as_view(), name="meeting-detail"),
    path("meetings/<slug:slug>/paragraphs/", views.ParagraphList.as_view(), name="meeting-paragraphs"),
    path("meetings/<slug:slug>/recommendations/", views.RecommendationList.as_view(), name="meeting-recommendations"),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
    re_path(r"", views.not_found, name="not-found"),
]
