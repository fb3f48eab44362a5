"""The participation page's wording: the States and organizations represented, grouped as the report's attendance
paragraphs group them, each group under a heading in the singular or the plural as it is."""

from django.utils.translation import npgettext

import languages
from congress.models import Organization
from languages.versions import shown_text
from meetings.models import Participation


def represented_by_category(meeting, language):
    """[(category heading, names)] in the order of a report's attendance paragraphs, the names in `language` (or
    their original) and the States in that language's alphabetical order; reads prefetched participations."""
    participations = list(meeting.participations.all())

    def name(record):
        return shown_text(record, "name", language)[0]

    def organization_name(organization):
        """Its acronym if it has one, else its name: as the report lists it."""
        return shown_text(organization, "short_name", language)[0] or name(organization)

    groups = [
        ("members", [name(p.state) for p in participations if p.capacity == Participation.Capacity.MEMBER]),
        (
            "observer_states",
            [name(p.state) for p in participations if p.state_id and p.capacity == Participation.Capacity.OBSERVER],
        ),
    ]
    collator = languages.collator(language)
    organizations = sorted(
        (p.organization for p in participations if p.organization_id),
        key=lambda o: (o.precedence, collator.getSortKey(organization_name(o))),
    )
    for category in Organization.Category:
        groups.append((category, [organization_name(o) for o in organizations if o.category == category]))
    return [
        (category_heading(label, len(names)), languages.sorted_names(names, language) if index < 2 else names)
        for index, (label, names) in enumerate(groups)
        if names
    ]


def category_heading(category, count):
    """The heading of a group on the participation page, singular or plural as the group is."""
    headings = {
        "members": lambda n: npgettext(
            "participation", "State member of the regional commission", "States members of the regional commission", n
        ),
        "observer_states": lambda n: npgettext(
            "participation", "State represented by an observer", "States represented by observers", n
        ),
        Organization.Category.UN_ENTITY: lambda n: npgettext(
            "participation", "United Nations entity", "United Nations entities", n
        ),
        Organization.Category.INSTITUTE: lambda n: npgettext(
            "participation", "Programme network institute", "Programme network institutes", n
        ),
        Organization.Category.INTERGOVERNMENTAL: lambda n: npgettext(
            "participation", "Intergovernmental organization", "Intergovernmental organizations", n
        ),
        Organization.Category.NON_GOVERNMENTAL: lambda n: npgettext(
            "participation",
            "Non-governmental organization in consultative status",
            "Non-governmental organizations in consultative status",
            n,
        ),
    }
    return headings[category](count)
