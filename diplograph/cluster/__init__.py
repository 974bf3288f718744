"""Coding on a Dask cluster: ``diplograph ingest ... --cluster ADDRESS``.

The client (the ``ingest`` process) reads the inputs, skips what the store holds, and sends batches
of Sources to the cluster's workers (``runner.run_on_cluster``); each worker runs the same
``Pipeline.process_batch`` a local worker process runs (``tasks.code_batch``), with the client's
settings and dictionaries shipped to it (``tasks.PipelineSpec``), and the client writes the results
to the store in input order, the store's single writer. ``address.connect`` opens the cluster
(``tcp://HOST:PORT`` of a running scheduler, or ``local:N``). Dask is imported only here, and only
when a cluster is asked for.
"""

from __future__ import annotations

__all__: list[str] = []
