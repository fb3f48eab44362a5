from django.db import migrations


def without_pending_list(apps, schema_editor):
    """The full-text index takes each entry at once (fastupdate off) instead of collecting them in a pending
    list that every search must scan, and that makes the planner think the index dear after many writes."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER INDEX search_entry_vector SET (fastupdate = off)")
        schema_editor.execute("SELECT gin_clean_pending_list('search_entry_vector'::regclass)")


def with_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER INDEX search_entry_vector RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [
        ("congress", "0009_search_entry_where_is_text"),
    ]

    operations = [migrations.RunPython(without_pending_list, with_pending_list)]
