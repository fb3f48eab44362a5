"""Search across the meetings a reader may see: an index per meeting and language (models.py), written from the
meeting's records and its built report and searched by `index.search_meetings`."""
