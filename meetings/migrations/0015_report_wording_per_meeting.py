"""Three choices of wording per meeting. A meeting that exists keeps the words its report had: its sole annex
stays "Annex I" (added as True, then the default for new meetings becomes the usual unnumbered "Annex")."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0014_standard_phrases'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalmeeting',
            name='congress_line_with_country',
            field=models.BooleanField(default=True, help_text="The line under the Congress's name says “Kyoto, Japan”; untick for a city known without it (“Doha”).", verbose_name="name the Congress's host country"),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='main_theme_short_congress',
            field=models.BooleanField(default=False, help_text='The heading of the main theme names the Congress by its short title (“Main theme of the 14th Congress …”) instead of its full title.', verbose_name="short name of the Congress in the main theme's heading"),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='sole_annex_numbered',
            field=models.BooleanField(default=True, help_text='A report with one annex heads it “Annex”, as UN reports usually do; tick for “Annex I”.', verbose_name='number a sole annex'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='congress_line_with_country',
            field=models.BooleanField(default=True, help_text="The line under the Congress's name says “Kyoto, Japan”; untick for a city known without it (“Doha”).", verbose_name="name the Congress's host country"),
        ),
        migrations.AddField(
            model_name='meeting',
            name='main_theme_short_congress',
            field=models.BooleanField(default=False, help_text='The heading of the main theme names the Congress by its short title (“Main theme of the 14th Congress …”) instead of its full title.', verbose_name="short name of the Congress in the main theme's heading"),
        ),
        migrations.AddField(
            model_name='meeting',
            name='sole_annex_numbered',
            field=models.BooleanField(default=True, help_text='A report with one annex heads it “Annex”, as UN reports usually do; tick for “Annex I”.', verbose_name='number a sole annex'),
        ),
        migrations.AlterField(
            model_name='historicalmeeting',
            name='sole_annex_numbered',
            field=models.BooleanField(default=False, help_text='A report with one annex heads it “Annex”, as UN reports usually do; tick for “Annex I”.', verbose_name='number a sole annex'),
        ),
        migrations.AlterField(
            model_name='meeting',
            name='sole_annex_numbered',
            field=models.BooleanField(default=False, help_text='A report with one annex heads it “Annex”, as UN reports usually do; tick for “Annex I”.', verbose_name='number a sole annex'),
        ),
    ]
