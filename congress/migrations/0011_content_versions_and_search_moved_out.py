"""The content versions moved to the caching app and the search index to the search app (their 0001): Django
forgets them here; their tables stay as they are, under the names this app gave them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("congress", "0010_search_index_without_pending_list"),
        ("caching", "0001_initial"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ContentVersion"),
                migrations.DeleteModel(name="MeetingVersion"),
                migrations.DeleteModel(name="SearchEntry"),
                migrations.DeleteModel(name="SearchIndexVersion"),
            ],
            database_operations=[],
        ),
    ]
