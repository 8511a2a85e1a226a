"""Bulk work over an archive: import a city's notes, re-redact or re-scan the store.

The same ``service`` steps as ``redactor ingest`` and the audit, driven over many
notes by an engine: ``local`` (the worker pool of ``redactor.detect.workers``) or
``ray`` (Ray Data actor pools, on this machine or a cluster). The modules:

- ``source``: input files (JSONL, gzip) read into numbered items, and the store's
  records read as items;
- ``jobs``: what one worker does to a batch of items (one analyzer per worker);
- ``local`` and ``ray_engine``: the engines, each yielding batches of outcomes;
- ``writer``: the one writer (batched, idempotent per note id) and the resume marks;
- ``summary``: the progress bar and the closing summary;
- ``run``: the pipeline, source to summary.
"""
