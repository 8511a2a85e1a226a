"""Presidio recognizers for Japanese PII, usable by any Presidio user.

This package never imports ``redactor``.
"""
