"""The meeting's workspace in the admin: the overview of a meeting and one module per screen.

base.py turns the meeting's change page into the overview and adds a screen per part; each screen's inlines
and its records' own pages are in a module of their own (programme, attendance, agenda, documents, text,
report, adoption, languages); records.py holds what they share. The Deliberations screen and a discussion's
pages are the drafted text's (recommendations/admin/). dashboard.py is the admin's front page.
"""
