"""Registers the workspace's pages with the admin (each screen's module registers its own)."""

from workspace import agenda, attendance, documents, meeting, programme, text  # noqa: F401
