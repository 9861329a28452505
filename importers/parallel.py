"""Parse page files in worker processes while one process writes: ``import_pages --jobs N``.

Parsing is pure CPU work (importers.parsing never touches Django), so it spreads over
processes, and so does the per-article text work of the load (``importers.prepared``: the
stored body, the duplicate check's shingles, the search document). Loading stays in the
calling process, in the order the files were given. The workers are started with ``spawn``
and need no ``django.setup()``: they import the parser, ``articles.body`` and
``articles.search``'s tokenizer, no models. The workers stay one batch of the caller's ahead
(plus a few files each), so the next batch is parsed while the caller loads the last; memory
does not grow with the number of files.

Stopping (Ctrl-C, ``import_pages``'s SIGTERM, an error of the caller) must not hang. The workers
ignore SIGINT and SIGTERM, so a signal sent to the whole process group (a terminal's Ctrl-C, a
service manager stopping the job) never kills one in the middle of its queue's lock; the caller
alone ends them: the files not yet started are dropped and the few being parsed are waited for.
``concurrent.futures`` is used, not ``multiprocessing.Pool``, whose ``terminate()`` takes the
workers' queue lock and waits forever when a dead worker held it.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .parsing import ParsedPage, ParseError, parse_page
from .prepared import PreparedItem, prepare

IN_FLIGHT_PER_JOB = 4


@dataclass
class Parsed:
    parsed: ParsedPage | None = None
    error: str = ""
    prepared: list[PreparedItem] | None = None  # None: the writer prepares the items itself


def parse_bytes(raw: bytes, source: str, options: dict, max_bytes: int) -> Parsed:
    """``parse_page`` (and ``prepare``) that reports a failure instead of raising it: the one place a
    file's size is checked and a parse error is put in words, in this process or a worker."""
    if len(raw) > max_bytes:
        return Parsed(error=too_large(len(raw), max_bytes))
    try:
        parsed = parse_page(raw, source=source, **options)
    except (ParseError, UnicodeError, ValueError) as error:
        return Parsed(error=str(error).strip() or type(error).__name__)
    except Exception as error:  # a bug must not stop the other files
        return Parsed(error=f"内部错误 {type(error).__name__}: {error}")
    try:
        prepared = prepare(parsed)
    except Exception:  # the writer tries again and reports what goes wrong with the file
        prepared = None
    return Parsed(parsed=parsed, prepared=prepared)


def too_large(size: int, max_bytes: int) -> str:
    return f"文件过大:{size} 字节,上限 {max_bytes} 字节"


class _Done:
    """A result known without a worker (the file could not be read)."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def _ignore_stop_signals(parent: int) -> None:
    """A worker's first act: Ctrl-C and SIGTERM are for the caller, which ends its workers itself; and
    a worker dies with the caller when nothing can end it (the caller killed with SIGKILL, which no
    handler sees), instead of waiting for files forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with(parent)


_PR_SET_PDEATHSIG = 1  # prctl(2)


def _die_with(parent: int) -> None:
    """Linux kills this process when its parent ends; elsewhere nothing is done (the leftover waits)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the caller died before the request was made
        os._exit(1)


def parse_in_workers(
    items: Iterable[tuple[object, bytes | None, str]], *, jobs: int, options: dict, max_bytes: int, ahead: int = 0
) -> Iterator:
    """For each ``(key, raw, source)``: ``(key, Parsed)``, in order; ``raw=None`` passes ``(key, None)`` through.

    Parsing runs in ``jobs`` processes. ``ahead``: the files the caller takes before it stops to
    work on them (a batch); that many files, and ``IN_FLIGHT_PER_JOB`` per process besides, are
    parsed or waiting while the caller works, so that the workers never wait on it.
    """
    context = multiprocessing.get_context("spawn")
    window = max(0, ahead) + max(1, jobs) * IN_FLIGHT_PER_JOB
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_stop_signals, initargs=(os.getpid(),))
    try:
        pending: deque = deque()
        for key, raw, source in items:
            task = _Done(None) if raw is None else pool.submit(parse_bytes, raw, source, options, max_bytes)
            pending.append((key, task))
            if len(pending) >= window:
                key, task = pending.popleft()
                yield key, task.result()
        while pending:
            key, task = pending.popleft()
            yield key, task.result()
    finally:
        # All done, or the caller stopped (the generator closed, an exception): the waiting files are
        # dropped, and the workers end once the files they hold (one each, and one more) are parsed.
        pool.shutdown(wait=True, cancel_futures=True)
