"""The ground floor: what every content model stands on, importing no application of the project.

`Versioned` (the version counter of the check that refuses lost edits), the history of every content model
with each language's copy of its texts, the cleaning of control characters, and the word diff that history and
the version check show.
"""
