"""Times every export of the demo report at 1×, 2× and 10× its content, and prints the ratios.

Everything happens in a transaction that is rolled back: the database is left as it was.
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from caching import content_version
from congress.models import State
from demo.load import load_demo_meeting
from meetings.models import Meeting, Participation
from recommendations.models import Recommendation, SummaryParagraph
from report.builder import build_draft_parts, build_report
from report.renderers import RENDERERS

DEMO_SYMBOL = "A/CONF.234/RPM.2/1"
FACTORS = (1, 2, 10)


def demo_content(meeting):
    """The demo's own paragraphs, recommendations and participating States' capacities, to copy."""
    return {
        "summary": list(SummaryParagraph.objects.filter(discussion__meeting=meeting)),
        "recommendations": list(Recommendation.objects.filter(discussion__meeting=meeting)),
        "capacities": list(meeting.participations.filter(state__isnull=False).values_list("capacity", flat=True)),
    }


def grow(meeting, content, copies):
    """Adds `copies` more of the demo's paragraphs, recommendations and participating States."""
    SummaryParagraph.objects.bulk_create(
        SummaryParagraph(discussion_id=p.discussion_id, order=p.order, text=p.text)
        for _ in range(copies)
        for p in content["summary"]
    )
    Recommendation.objects.bulk_create(
        Recommendation(discussion_id=r.discussion_id, order=r.order, text=r.text)
        for _ in range(copies)
        for r in content["recommendations"]
    )
    capacities = content["capacities"]
    start = State.objects.filter(name__startswith="Benchmark State").count()
    new_states = State.objects.bulk_create(
        State(name=f"Benchmark State {start + n:05d}") for n in range(copies * len(capacities))
    )
    participations = Participation.objects.bulk_create(
        Participation(meeting=meeting, state=state, capacity=capacities[n % len(capacities)])
        for n, state in enumerate(new_states)
    )
    # A State takes part as a member only if it is one of the commission's (Participation.clean): as entered
    # through the admin, so that the grown meeting still saves there.
    members = [p.state for p in participations if p.capacity == Participation.Capacity.MEMBER]
    meeting.regional_commission.member_states.add(*members)
    content_version.bump()  # bulk_create sends no signal: cached pages must still see the new rows


def timed(function, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


class Command(BaseCommand):
    help = "Time the report's exports at 1×, 2× and 10× the demo content (median of --repeat runs)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=3)

    def handle(self, *args, repeat, **options):
        with transaction.atomic():
            load_demo_meeting()
            meeting = Meeting.objects.get(symbol=DEMO_SYMBOL)
            content = demo_content(meeting)
            results = {}
            grown_to = 1
            for factor in FACTORS:
                grow(meeting, content, factor - grown_to)
                grown_to = factor

                def load():
                    return Meeting.objects.for_report().get(pk=meeting.pk)

                paragraphs = len(list(build_report(load()).paragraphs()))
                results[factor] = {"paragraphs": paragraphs}
                for name, render in RENDERERS.items():
                    results[factor][name] = timed(lambda render=render: render(build_report(load())), repeat)
                results[factor]["parts (akn)"] = timed(
                    lambda: [RENDERERS["akn"](part) for part in build_draft_parts(load()).values()], repeat
                )
            transaction.set_rollback(True)

        names = [name for name in results[1] if name != "paragraphs"]
        self.stdout.write(f"Export times in seconds, median of {repeat} (build from the database + render):")
        self.stdout.write(f"{'content':<10}{'paragraphs':>11}" + "".join(f"{name:>13}" for name in names))
        for factor, row in results.items():
            line = f"{str(factor) + '×':<10}{row['paragraphs']:>11}"
            self.stdout.write(line + "".join(f"{row[name]:>13.3f}" for name in names))
        ratios = "".join(f"{results[10][name] / results[1][name]:>13.1f}" for name in names)
        self.stdout.write(f"{'10×/1×':<21}" + ratios)
        self.stdout.write("Goal: 10×/1× at most 12 for every export; the demo's PDF under 3 seconds.")
