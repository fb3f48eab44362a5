"""The search index, made by the congress app (congress 0007, 0009 and 0010, with its GIN index) and moved here
unchanged: this migration only tells Django where the models now live; their tables keep their names and rows."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('congress', '0010_search_index_without_pending_list'),
        ('meetings', '0013_officer_gender'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='SearchEntry',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('language', models.CharField(editable=False, max_length=10)),
                    ('kind', models.CharField(editable=False, max_length=20)),
                    ('order', models.PositiveIntegerField(default=0)),
                    ('text', models.TextField(editable=False)),
                    ('terms', models.TextField(blank=True, editable=False)),
                    ('number', models.CharField(blank=True, editable=False, max_length=20)),
                    ('where', models.TextField(blank=True, editable=False)),
                    ('url', models.CharField(editable=False, max_length=1000)),
                    ('vector', django.contrib.postgres.search.SearchVectorField(null=True)),
                    ('document', models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='meetings.document')),
                    ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='meetings.meeting')),
                ],
                options={
                    'db_table': 'congress_searchentry',
                    'indexes': [models.Index(fields=['number', 'language'], name='search_entry_number')],
                },
            ),
            migrations.CreateModel(
                name='SearchIndexVersion',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('language', models.CharField(editable=False, max_length=10)),
                    ('token', models.CharField(editable=False, max_length=32)),
                    ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='meetings.meeting')),
                ],
                options={
                    'db_table': 'congress_searchindexversion',
                    'constraints': [models.UniqueConstraint(fields=('meeting', 'language'), name='one_search_index_per_meeting_language')],
                },
            ),
            ],
            database_operations=[],
        ),
    ]
