"""Finding 15 of the attack review and the Low list's backups: on SQLite a corrupt backup is refused before it
replaces anything (PRAGMA integrity_check on a copy); backups are readable by their owner only and hold no
sessions."""

import sqlite3
import stat

import pytest

from tests.test_operations import manage


@pytest.fixture(scope="module")
def live_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("live") / "live.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{path}"}
    result = manage("migrate", "--no-input", env=env)
    assert result.returncode == 0, result.stderr.decode()
    with sqlite3.connect(path) as database:
        database.execute(
            "INSERT INTO django_session (session_key, session_data, expire_date) VALUES ('k', 'secret', '2999-01-01')"
        )
    return path, env


def tables(path):
    with sqlite3.connect(path) as database:
        assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {row[0] for row in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_finding15_a_corrupt_backup_leaves_the_database_as_it_was(live_database, tmp_path):
    path, env = live_database
    backup = tmp_path / "good.backup"
    assert manage("backup", str(backup), env=env).returncode == 0
    damaged = tmp_path / "damaged.backup"
    content = bytearray(backup.read_bytes())
    content[len(content) // 2 : len(content) // 2 + 4096] = b"\xff" * 4096
    damaged.write_bytes(bytes(content))
    before = tables(path)

    for bad in (damaged, tmp_path / "not-a-database.backup"):
        if not bad.exists():
            bad.write_bytes(b"this is not a database at all" * 100)
        result = manage("restore", str(bad), env=env)
        assert result.returncode != 0
        assert "nothing was restored" in result.stderr.decode()
        assert tables(path) == before

    assert manage("restore", str(backup), env=env).returncode == 0
    assert tables(path) == before


def test_a_backup_is_for_its_owner_only_and_holds_no_session(live_database, tmp_path):
    path, env = live_database
    backup = tmp_path / "private.backup"
    assert manage("backup", str(backup), env=env).returncode == 0
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with sqlite3.connect(backup) as database:
        assert database.execute("SELECT count(*) FROM django_session").fetchone() == (0,)
    assert b"secret" not in backup.read_bytes()
