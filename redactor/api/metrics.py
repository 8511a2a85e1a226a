"""Prometheus metrics on a per-app registry (tests build many apps; the global one would clash).

Labels are routes, methods, statuses, entity labels and error codes: never a
value, a record id or a key.
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

__all__ = ["CONTENT_TYPE_LATEST", "Metrics"]


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "redactor_http_requests_total",
            "HTTP requests by route and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "redactor_http_request_duration_seconds",
            "HTTP request latency by route",
            ["method", "route"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
        )
        self.notes = Counter(
            "redactor_notes_processed_total",
            "Notes analyzed or redacted, by route",
            ["route"],
            registry=self.registry,
        )
        self.entities = Counter(
            "redactor_entities_total",
            "Entities found, by label",
            ["label"],
            registry=self.registry,
        )
        self.errors = Counter(
            "redactor_errors_total",
            "Error responses by stable error code",
            ["code"],
            registry=self.registry,
        )

        self.auth_failures = Counter(
            "redactor_auth_failures_total",
            "requests refused for a missing or unknown API key, by outcome (401 or 429)",
            ["outcome"],
            registry=self.registry,
        )

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def observe_notes(self, route: str, labels_per_note: Iterable[Iterable[str]]) -> None:
        for labels in labels_per_note:
            self.notes.labels(route).inc()
            for label in labels:
                self.entities.labels(label).inc()

    def render(self) -> bytes:
        return bytes(generate_latest(self.registry))
