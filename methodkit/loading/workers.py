"""Worker processes forked from this one, where that is safe.

A forked worker starts with everything this process holds: the modules it imported and objects
that do not pickle (a checked model with its compiled schemas). That is safe only while no other
thread runs here (a lock another thread holds would stay held in the child, for good), and only
on Linux (macOS has fork, but its system libraries are not safe to use after it); callers fall
back to doing the work themselves, or to spawned workers, when `can_fork()` says no.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context


def can_fork() -> bool:
    return (
        sys.platform == "linux"
        and "fork" in get_all_start_methods()
        and threading.active_count() == 1
    )


def forked_pool(workers: int, initializer=None, initargs: tuple = ()) -> ProcessPoolExecutor:
    """`workers` processes forked from this one (check `can_fork()` first); `initializer(*initargs)`
    runs in each as it starts, with `initargs` as they are in memory here, not pickled."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("fork"),
        initializer=_start,
        initargs=(initializer, initargs),
    )


def _start(initializer, initargs: tuple) -> None:
    quiet_on_interrupt()
    # What the worker was forked with lives as long as it does: the collector leaves it alone,
    # instead of going through all of it (and copying every page it touches) again and again.
    gc.freeze()
    if initializer is not None:
        initializer(*initargs)


def quiet_on_interrupt() -> None:
    """In a worker: Ctrl+C reaches every process of the terminal's group, and each worker would
    print the traceback of its interrupted wait; it ends at once instead, and its parent (which
    got the same Ctrl+C) says it stopped. Where the parent ignores Ctrl+C (started in the
    background), so does the worker."""
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, _end)


def _end(signum, frame) -> None:
    os._exit(128 + signum)
