from django.core.management.base import BaseCommand

from meetings.models import Meeting
from report import adopted


class Command(BaseCommand):
    help = (
        "Keep the report of every adopted meeting that has none kept yet (adopted before Rapporteur kept adopted "
        "reports), as it reads now; the site would otherwise keep each on its first read."
    )

    def handle(self, *args, **options):
        meetings = Meeting.objects.filter(report_status=Meeting.ReportStatus.ADOPTED).exclude(
            pk__in=adopted.AdoptedReport.objects.values("meeting_id")
        )
        kept = 0
        for meeting in meetings.order_by("pk"):
            adopted.keep(meeting.pk, replace=False)
            kept += 1
            self.stdout.write(f"Kept the report of {meeting} as adopted.")
        self.stdout.write(f"{kept} adopted reports kept.")
