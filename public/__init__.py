"""The delegates' site: the public pages of the meetings (views.py, urls.py), their programme and calendars, the
documents' files, the report page's contents list and the search page; no JavaScript, cached per meeting."""
