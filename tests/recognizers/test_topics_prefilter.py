"""Question words looked up with one scan first: the same topics, no per-word scans for none.

Issue 16: every name candidate of a 500-turn transcript asked ``topics_in``
about the stretch before it, which ran one regex per topic word (about 90)
even where none occurs, as almost everywhere.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers import dialogue
from recognizers.dialogue import topics_in


def _topics_word_by_word(text: str) -> tuple[str, ...]:
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for word, label in dialogue._TOPIC_WORDS:
        for m in re.finditer(re.escape(word), text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            if text[max(0, s - 4) : s].endswith(dialogue._NOT_TOPIC_BEFORE):
                continue
            taken.append((s, e))
            found.append((s, label))
    seen: list[str] = []
    for _, label in sorted(found):
        if label not in seen:
            seen.append(label)
    return tuple(seen)


_PIECES = [
    "お名前",
    "名前",
    "ご住所",
    "住所",
    "受付",
    "番号",
    "電話番号",
    "お電話",
    "は",
    "？",
    "山田",
    "です",
    "メール",
    "アドレス",
    "メールアドレス",
    "口座",
    "Name",
    " ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=20))
def test_topics_are_those_found_word_by_word(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert topics_in(text) == _topics_word_by_word(text)


def test_a_stretch_without_question_words_is_scanned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    scans = 0
    finditer = re.finditer

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal scans
        scans += 1
        return finditer(*args, **kwargs)

    monkeypatch.setattr(re, "finditer", counting)
    assert topics_in("はいそうです山田です" * 20) == ()
    assert scans == 0
    assert topics_in("お名前は？") == ("PERSON",)
    assert scans == len(dialogue._TOPIC_WORDS)
