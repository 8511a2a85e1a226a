"""A uvicorn factory for the log tests: the real app on settings from the environment, with
the fake analyzer (``redactor.api.server.serve(factory="logapp:build")``)."""

from __future__ import annotations

from apikit import FakeAnalyzer
from fastapi import FastAPI

from redactor.api.app import create_app
from redactor.settings import Settings


def build() -> FastAPI:
    return create_app(Settings(), analyzer=FakeAnalyzer())
