"""An import whose process is gone (killed, a web worker ended) is marked interrupted, not left running forever.

Issue 17, item 9: a killed ``import_pages`` left its ImportRun ``running``.
"""

import contextlib
import io
import os
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from importers import processes, runner
from importers.models import INTERRUPTED_MESSAGE, ImportRun, RawSource
from tests.conftest import PROJECT_DIR, SEED_FILES
from tests.factories import ImportRunFactory, RawSourceFactory


def _ended_process() -> tuple[int, str]:
    """A process of this host that ran and ended (reaped): its pid and start time."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    started = processes._started(child.pid)
    child.send_signal(signal.SIGKILL)
    child.wait()
    return child.pid, started or ""


@pytest.mark.django_db
def test_runs_whose_process_is_gone_are_marked_interrupted(admin_client):
    pid, started = _ended_process()
    host = socket.gethostname()
    killed = ImportRunFactory(status=ImportRun.Status.RUNNING, process=f"{host}:{pid}:{started}")
    RawSourceFactory(run=killed)
    reused = ImportRunFactory(  # this very process, but started at another time: its pid was reused
        status=ImportRun.Status.RUNNING, process=f"{host}:{os.getpid()}:{int(processes.current().split(':')[2]) - 1}"
    )
    alive = ImportRunFactory(status=ImportRun.Status.RUNNING, process=processes.current())
    elsewhere = ImportRunFactory(status=ImportRun.Status.RUNNING, process=f"another-host:{pid}:{started}")
    unknown = ImportRunFactory(status=ImportRun.Status.RUNNING, process="")  # recorded before processes were
    done = ImportRunFactory(status=ImportRun.Status.DONE, process=f"{host}:{pid}:{started}")

    response = admin_client.get(reverse("admin:importers_importrun_changelist"))

    assert response.status_code == 200 and "中断" in response.text
    status = dict(ImportRun.objects.values_list("pk", "status"))
    assert status[killed.pk] == status[reused.pk] == ImportRun.Status.INTERRUPTED
    assert status[alive.pk] == status[elsewhere.pk] == status[unknown.pk] == ImportRun.Status.RUNNING
    assert status[done.pk] == ImportRun.Status.DONE
    killed.refresh_from_db()
    assert killed.finished_at is not None and killed.counts == {"stored": 1}
    assert killed.errors == [{"path": "", "error": INTERRUPTED_MESSAGE}]


@pytest.mark.django_db
def test_the_next_import_marks_them_too(tmp_path):
    pid, started = _ended_process()
    killed = ImportRunFactory(status=ImportRun.Status.RUNNING, process=f"{socket.gethostname()}:{pid}:{started}")
    (tmp_path / "page.txt").write_bytes(SEED_FILES[0].read_bytes())

    call_command("import_pages", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())

    killed.refresh_from_db()
    assert killed.status == ImportRun.Status.INTERRUPTED
    assert ImportRun.objects.exclude(pk=killed.pk).get().status == ImportRun.Status.DONE


@pytest.mark.django_db
def test_a_run_stopped_with_ctrl_c_says_so_on_its_way_out(tmp_path):
    for path in SEED_FILES[:2]:
        (tmp_path / path.name).write_bytes(path.read_bytes())

    def stop_after_the_first_file(report):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        runner.Importer(batch=1).run([tmp_path], on_file=stop_after_the_first_file)

    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.INTERRUPTED and run.counts == {"stored": 1}
    assert RawSource.objects.get().run == run


def test_a_process_token_names_this_process():
    host, pid, started = processes.current().rsplit(":", 2)
    assert host == socket.gethostname() and int(pid) == os.getpid()
    assert not processes.gone(processes.current())
    assert not processes.gone("garbage") and not processes.gone("")


def _database_url() -> str:
    settings = connection.settings_dict
    user = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    return f"postgres://{user}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a second process needs the test database on a server")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_import_pages_is_marked_interrupted_and_a_rerun_completes(tmp_path, signum):
    for copy in range(24):  # 120 pages: long enough to be stopped half-way even when the test's polling is starved
        for path in SEED_FILES:
            (tmp_path / f"{copy}_{path.name}").write_bytes(path.read_bytes() + f"\n{copy}\n".encode())
    files = len(list(tmp_path.glob("*.txt")))
    command = subprocess.Popen(
        # Five files a call: the run is stopped between calls, with some of them stored.
        [sys.executable, "manage.py", "import_pages", str(tmp_path), "--batch", "5"],
        cwd=PROJECT_DIR,
        env={
            "PATH": os.environ["PATH"],
            "DATABASE_URL": _database_url(),
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not RawSource.objects.exists():
        assert command.poll() is None and time.monotonic() < deadline, "the import ended before it was stopped"
        time.sleep(0.05)

    command.send_signal(signum)
    assert command.wait(timeout=60) == (-signal.SIGKILL if signum == signal.SIGKILL else 128 + signal.SIGTERM)

    run = ImportRun.objects.get()
    if signum == signal.SIGKILL:  # nothing ran in the process: the next import (or the admin) notices
        assert run.status == ImportRun.Status.RUNNING
        call_command("import_pages", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())
    else:  # the command itself said so on its way out
        assert run.status == ImportRun.Status.INTERRUPTED
        call_command("import_pages", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())
    run.refresh_from_db()
    stored = RawSource.objects.filter(run=run).count()
    assert run.status == ImportRun.Status.INTERRUPTED and run.counts["stored"] == stored
    assert 1 <= stored < files
    rerun = ImportRun.objects.exclude(pk=run.pk).get()
    assert rerun.status == ImportRun.Status.DONE
    assert rerun.counts["unchanged"] == stored and rerun.counts["imported"] == files - stored
    assert RawSource.objects.count() == files


# The writer at work on a batch while the parse workers, done with theirs, wait for the next: the moment a
# SIGTERM sent to the whole process group (Ctrl-C in a terminal, a service manager) most often finds them.
_STOPPED_WHILE_THE_WORKERS_WAIT = """
import time
import django

django.setup()
from importers import parallel
from importers.management.commands.import_pages import _exit_on_sigterm

items = [(i, f"标题{i}\\n\\n正文。".encode(), f"{i}.txt") for i in range(2 * parallel.IN_FLIGHT_PER_JOB)]
with _exit_on_sigterm():
    for key, outcome in parallel.parse_in_workers(items, jobs=2, options={}, max_bytes=10_000):
        if key == len(items) - 1:  # every file parsed, the pool still open
            print("loading", flush=True)
            time.sleep(120)
"""


def _stopped_while_the_workers_wait() -> subprocess.Popen:
    """The script above in its own process group (as a terminal or a service manager gives it), once every
    file is parsed and its workers wait."""
    command = subprocess.Popen(
        [sys.executable, "-c", _STOPPED_WHILE_THE_WORKERS_WAIT],
        cwd=PROJECT_DIR,
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        text=True,
    )
    ready, _, _ = select.select([command.stdout], [], [], 120)
    if not (ready and command.stdout.readline() == "loading\n"):
        command.kill()
        command.wait()
        pytest.fail(command.stderr.read())
    return command


def test_sigterm_to_the_process_group_while_the_workers_wait_ends_the_import():
    """Workers killed by the group's signal in the middle of their queue's lock left the pool's shutdown
    waiting on that lock forever (a futex wait): the command never ended."""
    command = _stopped_while_the_workers_wait()
    try:
        os.killpg(command.pid, signal.SIGTERM)

        try:
            returncode = command.wait(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail("import_pages hung after SIGTERM with its parse workers waiting")
        assert returncode == 128 + signal.SIGTERM
        assert "Traceback" not in command.stderr.read()  # the workers ignored the signal, nothing was cut short
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(command.pid, signal.SIGKILL)
        command.wait()
        command.stdout.close()
        command.stderr.close()


def _children(pid: int) -> list[int]:
    return [
        int(c)
        for task in os.listdir(f"/proc/{pid}/task")
        for c in open(f"/proc/{pid}/task/{task}/children").read().split()
    ]


def _running(pid: int) -> bool:
    """Alive and not a zombie (a killed process whose parent is gone may stay one until init reaps it)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers die with their caller through Linux's prctl")
def test_the_parse_workers_die_with_a_caller_killed_outright():
    """SIGKILL reaches no handler: the workers (which ignore SIGTERM, so that only the caller ends them) must not
    be left waiting for files forever."""
    command = _stopped_while_the_workers_wait()
    workers: list[int] = []
    try:
        workers = [pid for pid in _children(command.pid) if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text()]
        assert len(workers) == 2

        command.kill()
        command.wait(timeout=60)

        deadline = time.monotonic() + 30
        while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _running(pid)], "parse workers outlived their caller"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(command.pid, signal.SIGKILL)
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        command.wait()
        command.stdout.close()
        command.stderr.close()
