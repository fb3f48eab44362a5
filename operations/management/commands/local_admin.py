import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create or reset the local 'admin' superuser with a fresh random password, and print it once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        password = secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(username=username)
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        action = "Created" if created else "Reset the password of"
        self.stdout.write(f"{action} the local admin account. Log in at http://127.0.0.1:8000/admin/ as")
        self.stdout.write(f"    user: {username}    password: {password}")
        self.stdout.write("The password is shown only now; `make run` sets a new one each time.")
