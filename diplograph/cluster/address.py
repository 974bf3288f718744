"""The cluster an ``--cluster ADDRESS`` names: a running Dask scheduler, or a LocalCluster started here.

``tcp://HOST:PORT`` connects to a running scheduler (started by ``dask scheduler``, dask-jobqueue on
SLURM, the dask-kubernetes operator or the Helm chart); ``local:N`` starts a LocalCluster of N worker
processes of one thread each, on 127.0.0.1, closed with the run. A malformed address, or a scheduler
that does not answer within ``CONNECT_TIMEOUT`` seconds, is one line (InputError / ClusterError).
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import InputError
from .runner import ClusterError

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["CONNECT_TIMEOUT", "LOCAL_ALLOWED_FAILURES", "connect", "parse_address"]

# Seconds to wait for a scheduler's answer before giving up with one line.
CONNECT_TIMEOUT = 10.0
# Times a batch may be running on a local worker that dies before the scheduler gives up on it (then
# its documents are tried one per task): as _workers.py, a batch is run at most twice.
LOCAL_ALLOWED_FAILURES = 1

_TCP = re.compile(r"tcp://(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):(?P<port>\d{1,5})")
_LOCAL = re.compile(r"local:(?P<n>\d{1,4})")
_USAGE = "not a cluster address: give tcp://HOST:PORT of a running Dask scheduler, or local:N"


def parse_address(address: str) -> tuple[str, int]:
    """("tcp", 0) for a scheduler's address, ("local", N) for a LocalCluster; InputError otherwise."""
    if match := _TCP.fullmatch(address):
        if not 0 < int(match["port"]) < 65536:
            raise InputError(address, f"{_USAGE} (port 1 to 65535)")
        return "tcp", 0
    if match := _LOCAL.fullmatch(address):
        from ..settings import max_workers

        n, most = int(match["n"]), max_workers()
        if not 0 < n <= most:
            raise InputError(address, f"local:N takes 1 to {most} workers on this machine (4 per core)")
        return "local", n
    raise InputError(address, _USAGE)


@contextlib.contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the cluster ``address`` names, closed (with a LocalCluster, the cluster too) at the end.

    Dask's own log lines (a lost connection's traceback, a worker restarted) are silenced meanwhile:
    what a run meets is reported by diplograph, in one line."""
    kind, workers = parse_address(address)
    import dask
    from distributed import Client, LocalCluster

    with _quiet_logs():
        if kind == "tcp":
            try:
                client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except (OSError, TimeoutError) as exc:
                raise ClusterError(address, f"no Dask scheduler answered within {CONNECT_TIMEOUT:g} s "
                                            f"({type(exc).__name__})") from None
            with client:
                yield client
        else:
            with dask.config.set({"distributed.scheduler.allowed-failures": LOCAL_ALLOWED_FAILURES,
                                  "distributed.worker.profile.enabled": False}):
                # no dashboard; the scheduler's HTTP routes (health, metrics) on an ephemeral loopback
                # port, not on 8787, which another cluster may hold
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       scheduler_port=0, dashboard_address=None, silence_logs=logging.CRITICAL,
                                       scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})
            with cluster, Client(cluster, set_as_default=False) as client:
                yield client


@contextlib.contextmanager
def _quiet_logs() -> Iterator[None]:
    """Dask's and tornado's loggers at CRITICAL for the duration, then as they were."""
    names = ["distributed", "tornado", *(name for name in logging.root.manager.loggerDict
                                         if name.split(".")[0] in ("distributed", "tornado"))]
    loggers = [logging.getLogger(name) for name in dict.fromkeys(names)]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
