"""Guessing a password from many addresses: failures count per username across addresses too."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def login(address, password):
    client = Client(REMOTE_ADDR=address)
    response = client.post(reverse("admin:login"), {"username": "editor", "password": password})
    return response, client


@pytest.fixture
def editor(django_user_model, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # 50 logins, in no time
    return django_user_model.objects.create_user("editor", password="the right password", is_staff=True)


def test_fifty_guesses_from_ten_addresses_lock_the_username_for_an_eleventh(editor):
    for address in range(10):
        for _ in range(5):
            login(f"198.51.100.{address}", "wrong")
    response, client = login("203.0.113.11", "the right password")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_few_failures_elsewhere_do_not_lock_the_user_out(editor):
    for address in range(3):
        for _ in range(4):
            login(f"198.51.100.{address}", "wrong")
    response, client = login("203.0.113.11", "the right password")
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
