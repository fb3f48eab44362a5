from django.core.management.base import BaseCommand, CommandError

from demo.load import demo_exists, load_demo_meeting


class Command(BaseCommand):
    help = (
        "Load the Western Asia Regional Preparatory Meeting of 2019 (A/CONF.234/RPM.2) as demo data, "
        "unless it is there already; --reset restores it as published."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Restore the demo meeting as published, undoing every edit made to it since.",
        )
        parser.add_argument(
            "--no-input", "--noinput", action="store_false", dest="interactive", help="Do not ask for confirmation."
        )

    def handle(self, *args, reset, interactive, **options):
        if demo_exists() and not reset:
            self.stdout.write(
                "The demo meeting A/CONF.234/RPM.2/1 is already there; left as it is (load_demo --reset restores it)."
            )
            return
        if reset and demo_exists() and interactive:
            answer = input(
                "This undoes every edit made to the demo meeting A/CONF.234/RPM.2/1 and deletes the records added "
                "to it. Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was changed.")
        load_demo_meeting(reset=reset)
        self.stdout.write("Loaded the Western Asia Regional Preparatory Meeting, A/CONF.234/RPM.2/1.")
