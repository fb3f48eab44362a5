"""Atom feeds of the documents a meeting, or a Congress's meetings, issue or revise, per language."""
