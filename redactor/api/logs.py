"""Structured JSON logs: one object a line on stderr, the same from every worker process.

``log_config`` is handed to uvicorn (``uvicorn.run(log_config=...)``), which applies it
in the parent and again in each worker it spawns, so ``serve --workers N`` and a single
process write the same lines. A line carries the time (UTC), level, logger, a fixed
message and only the whitelisted fields below: never a note, a value, a query string or
a traceback (an exception's message may quote a note; only its type is written).
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from typing import Any

#: the only extra attributes a log line may carry (``logger.info(..., extra={...})``)
FIELDS = (
    "event",
    "request_id",
    "method",
    "route",
    "status",
    "duration_ms",
    "record_id",
    "key_id",
    "error_type",
)


class JsonFormatter(logging.Formatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Python warnings are written by ``warnings`` itself, as bare text; in a process
        # that logs JSON they go through logging instead (``py.warnings``), so every
        # worker's stderr holds JSON lines only.
        logging.captureWarnings(True)

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "pid": os.getpid(),
            "message": record.getMessage(),
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                line[name] = value
        if record.exc_info and record.exc_info[0] is not None:
            line.setdefault("error_type", record.exc_info[0].__name__)
        return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


def log_config(level: str = "info") -> dict[str, Any]:
    """``logging.config.dictConfig`` schema for the server, uvicorn's own loggers included."""
    lvl = level.upper()
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "redactor.api.logs.JsonFormatter"}},
        "handlers": {"stderr": handler},
        "loggers": {
            "redactor": {"handlers": ["stderr"], "level": lvl, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": lvl, "propagate": False},
            "uvicorn.error": {"level": lvl},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
        "root": {"handlers": ["stderr"], "level": "WARNING"},
    }
