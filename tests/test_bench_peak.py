"""bench.run.PeakRSS counts each process's own memory: a process that still runs in its parent's address space
(started by vfork, not yet exec'd) is its parent's pages, not a second copy."""

from __future__ import annotations

import os
import platform
import sys
import time

import pytest

from bench.run import PeakRSS, _same_memory


@pytest.mark.skipif(sys.platform != "linux" or platform.machine() not in ("x86_64", "aarch64"),
                    reason="kcmp is Linux's, its number known here for two machines")
def test_a_process_shares_its_own_memory_and_not_a_forked_childs():
    assert _same_memory(os.getpid(), os.getpid())
    child = os.fork()
    if child == 0:  # a forked child has its own copy of the pages: counted, as the import's forked readers are
        time.sleep(1)
        os._exit(0)
    try:
        assert not _same_memory(child, os.getpid())
        sampler = PeakRSS(os.getpid())
        sampler.sample()
        assert child in sampler.peaks and os.getpid() in sampler.peaks
    finally:
        os.waitpid(child, 0)
