"""redactor: keeps residents' personal data out of a call center's feedback database."""

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``redactor.redact`` without loading the masking stack (or spaCy) on ``import redactor``."""
    if name == "redact":
        from redactor.service import redact

        return redact
    raise AttributeError(f"module 'redactor' has no attribute {name!r}")
