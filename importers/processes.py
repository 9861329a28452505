"""Which process runs an import, and whether it still does: ``host:pid:start``.

A process id is reused once its process is gone, so the token also holds the process's start time
(``/proc/<pid>/stat``, Linux; elsewhere the pid alone decides). Only processes of this host can be
asked about.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path


def current() -> str:
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_started(pid) or ''}"


def gone(token: str) -> bool:
    """True when the process ``token`` names ran on this host and has ended; False when it lives or cannot be asked."""
    parts = token.rsplit(":", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        return False
    host, pid, started = parts[0], int(parts[1]), parts[2]
    if host != socket.gethostname():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        pass
    now = _started(pid)
    if now is None:
        return False  # no /proc: the pid is alive, which is all that can be known
    return now == "zombie" or (started != "" and now != started)


def _started(pid: int) -> str | None:
    """The process's start time in clock ticks since boot, "zombie" when it ended unreaped, None when unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()  # after the command name, which may hold spaces
    if fields[0] == "Z":
        return "zombie"
    return fields[19]  # field 22 of the line: the command name's closing bracket ends field 2
