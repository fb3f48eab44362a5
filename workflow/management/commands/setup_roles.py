"""Creates the secretariat's groups with their permissions; running it again brings them up to date."""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

from workflow.models import GROUP_NAMES, Role
from workflow.roles import ROLE_PERMISSIONS, SECRETARIAT

SECRETARIAT_APPS = ["congress", "meetings", "recommendations", "workflow", "jobs"]


def permissions_for(codenames):
    wanted = {tuple(codename.split(".")) for codename in codenames}
    found = [
        p
        for p in Permission.objects.select_related("content_type").filter(
            codename__in=[codename for _, codename in wanted]
        )
        if (p.content_type.app_label, p.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise RuntimeError(f"Unknown permissions (run migrate first): {sorted(missing)}")
    return found


@transaction.atomic
def setup_roles():
    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT)
    secretariat.permissions.set(Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))
    for role in Role:
        group, _ = Group.objects.get_or_create(name=GROUP_NAMES[role])
        group.permissions.set(permissions_for(ROLE_PERMISSIONS[role]))


class Command(BaseCommand):
    help = "Creates or updates the groups Secretariat, Meeting editors, Rapporteurs and Reviewers."

    def handle(self, *args, **options):
        setup_roles()
        for name in [SECRETARIAT, *GROUP_NAMES.values()]:
            count = Group.objects.get(name=name).permissions.count()
            self.stdout.write(f"{name}: {count} permissions")
