"""The feeds' addresses, under each language's prefix (/fr/meetings/<slug>/feed.atom)."""

from django.urls import path

from feeds.views import congress_feed, meeting_feed

urlpatterns = [
    path("meetings/<slug:slug>/feed.atom", meeting_feed, name="meeting_feed"),
    path("congresses/<int:ordinal>/feed.atom", congress_feed, name="congress_feed"),
]
