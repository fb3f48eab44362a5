from django.core.management.base import BaseCommand

from meetings.demo.load import load_demo_meeting


class Command(BaseCommand):
    help = "Load the Western Asia Regional Preparatory Meeting of 2019 (A/CONF.234/RPM.2) as demo data."

    def handle(self, *args, **options):
        load_demo_meeting()
        self.stdout.write("Loaded the Western Asia Regional Preparatory Meeting, A/CONF.234/RPM.2/1.")
