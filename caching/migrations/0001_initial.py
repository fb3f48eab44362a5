"""The content versions, made by the congress app (congress 0004 and 0006) and moved here unchanged: this
migration only tells Django where the models now live; their tables keep their names and rows."""

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
                name='ContentVersion',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('token', models.CharField(editable=False, max_length=32, verbose_name='token')),
                    ('changed_at', models.DateTimeField(editable=False, verbose_name='changed at')),
                ],
                options={
                    'verbose_name': 'content version',
                    'verbose_name_plural': 'content versions',
                    'db_table': 'congress_contentversion',
                },
            ),
            migrations.CreateModel(
                name='MeetingVersion',
                fields=[
                    ('meeting', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='meetings.meeting', verbose_name='meeting')),
                    ('token', models.CharField(editable=False, max_length=32, verbose_name='token')),
                    ('changed_at', models.DateTimeField(editable=False, verbose_name='changed at')),
                ],
                options={
                    'verbose_name': 'meeting content version',
                    'verbose_name_plural': 'meeting content versions',
                    'db_table': 'congress_meetingversion',
                },
            ),
            ],
            database_operations=[],
        ),
    ]
