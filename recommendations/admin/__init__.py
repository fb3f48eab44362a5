"""The drafted text's screens: a discussion's own pages (its summary of deliberations and its recommendations, each
on a screen of its own) and the meeting workspace's Deliberations screen, which lists the discussions."""

from recommendations.admin import discussions  # noqa: F401 - registers the discussions' pages
