"""Recognizer for e-mail addresses, ASCII or full-width, that never touches the network.

What: ``local@domain`` as in RFC 5322's dot-atom form, the domain ending in a
public suffix (``example.ne.jp``, ``example.com``). Notes also write it in
full-width letters (``ｓａｎａｅ．ｈ＠ｅｘａｍｐｌｅ．ｎｅ．ｊｐ``); the
normalizer's NFKC fold turns that into ASCII, so one pattern covers both.

Why not Presidio's ``EmailRecognizer``: its pattern builds on ``\\w``, which in
Japanese text also matches kana and kanji, so ``アドレスはtaro@example.jpです``
would swallow the words around the address; and its ``validate_result`` calls
``tldextract.extract``, which downloads the public-suffix list on first use.
The service runs offline, so the domain is checked with a ``TLDExtract``
built on the snapshot bundled in the tldextract wheel (no URLs, no cache
directory). The extractor is injectable for tests and for deployments that
ship a newer list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

import tldextract
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import NormalizedPatternRecognizer
from recognizers.split_values import piece_result
from recognizers.spoken_email import spoken_emails

#: an address said as words has no domain to check against the public-suffix list
SPOKEN_SCORE = 0.85
#: a name part alone on one message line and ``@domain`` alone on the next (chat logs send
#: each line as a message): LABELS.md marks each piece
SPLIT_SCORE = 0.85
_MESSAGE_LEAD = (
    r"(?:^|\n)(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \u3000]*)?[^\n:：]{0,24}[:：][ \u3000]*"
)
_SPLIT_AT = re.compile(
    rf"{_MESSAGE_LEAD}(?P<local>[A-Za-z0-9][A-Za-z0-9._%+-]{{1,63}})[ \u3000]*"
    rf"{_MESSAGE_LEAD}(?P<domain>@(?:[A-Za-z0-9-]{{1,63}}\.)+[A-Za-z]{{2,63}})[ \u3000]*(?=\n|$)"
)

#: the local part without the few characters RFC 5322 allows there that residents'
#: addresses never hold and exports put around them (email=…, ?mail=…&, 'a@b.jp', {|})
_LOCAL_CHAR = r"[A-Za-z0-9!#$%*+/^_~-]"
_LOCAL = rf"{_LOCAL_CHAR}+(?:\.{_LOCAL_CHAR}+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"


def offline_extractor() -> tldextract.TLDExtract:
    """A TLDExtract on the bundled public-suffix snapshot: no download, no cache files."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class JpEmailRecognizer(NormalizedPatternRecognizer):
    """Finds e-mail addresses whose domain ends in a known public suffix."""

    ENTITY: ClassVar[str] = "EMAIL_ADDRESS"
    PATTERNS: ClassVar[Sequence[Pattern]] = (
        Pattern(
            "Email (ASCII after NFKC)",
            rf"(?<![A-Za-z0-9.!#$%*+/^_~-]){_LOCAL}@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}"
            r"(?![A-Za-z0-9-]|\.[A-Za-z0-9])",
            0.5,
        ),
    )
    CONTEXT: ClassVar[Sequence[str]] = ("メール", "アドレス", "mail", "Mail", "E-mail", "e-mail")

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "ja",
        supported_entity: str | None = None,
        name: str | None = None,
        extractor: tldextract.TLDExtract | None = None,
    ) -> None:
        super().__init__(
            patterns=patterns,
            context=context,
            supported_language=supported_language,
            supported_entity=supported_entity,
            name=name,
        )
        self._extractor = extractor if extractor is not None else offline_extractor()

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Addresses written out, and those said as words (``… アットマーク … ドット コム``)."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        taken = [(r.start, r.end) for r in results]
        entity = self.supported_entities[0]
        why = "an e-mail address said as words (at-word, dot-words, a TLD)"
        for span in spoken_emails(text):
            if not any(a < span[1] and span[0] < b for a, b in taken):
                results.append(piece_result(self, entity, span, SPOKEN_SCORE, "spoken e-mail", why))
        split = "an e-mail address typed over two chat messages, split at its @"
        for m in _SPLIT_AT.finditer(text):
            if not self.validate_result("x" + m["domain"]):
                continue
            for span in (m.span("local"), m.span("domain")):
                if not any(a < span[1] and span[0] < b for a, b in taken):
                    results.append(piece_result(self, entity, span, SPLIT_SCORE, "split", split))
        return results

    def validate_result(self, pattern_text: str) -> bool:
        """True (score 1.0) when the domain has a registrable name under a public suffix."""
        domain = pattern_text.rpartition("@")[2]
        parts = self._extractor(domain)
        return bool(parts.suffix) and bool(parts.domain)
