"""redactor: keeps residents' personal data out of a call center's feedback database."""

__version__ = "0.1.0"
