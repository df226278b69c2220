"""Worker processes forked from this one, where that is safe.

A forked worker starts with everything this process holds: the modules it imported and objects
that do not pickle (a checked model with its compiled schemas). That is safe only while no other
thread runs here (a lock another thread holds would stay held in the child, for good), and only
on Linux (macOS has fork, but its system libraries are not safe to use after it); callers fall
back to doing the work themselves, or to spawned workers, when `can_fork()` says no.
"""

from __future__ import annotations

import gc
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
    # What the worker was forked with lives as long as it does: the collector leaves it alone,
    # instead of going through all of it (and copying every page it touches) again and again.
    gc.freeze()
    if initializer is not None:
        initializer(*initargs)
