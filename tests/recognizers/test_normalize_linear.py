"""Reading spoken and spelled runs stays linear in the note, with the same readings.

Issue 16: a run that is read and refused (``さんさんさん…``: digits, no
letter; or too few distinct readings to be a number) was read again from
each of its items, so 10,000 characters of ``さん`` took minutes. A refused
run now marks its items' starts as refused, since the run from there is
its own tail. No timing is asserted: the readings are compared with those of
the unmarked reader at every position, and the token reads are counted.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers import normalize as normalize_module
from recognizers import spelled
from recognizers.invisible import visible
from recognizers.spoken_counts import to_hiragana

_PIECES = [
    "さん",
    "に",
    "いち",
    "ぜろ",
    "ゼロー",
    "まる",
    "きゅう",
    "キュー",
    "の",
    "、",
    "えー",
    "けー",
    "あっと",
    "どっと",
    "えむ",
    "ご",
    "く",
    "は",
    "電話",
    " ",
    "ー",
    "し",
    "ろく",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_marked_readers_read_what_the_unmarked_ones_read_at_every_position(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    hira = to_hiragana(text)
    dead_spoken: set[int] = set()
    dead_spelled: set[int] = set()
    for i in range(len(text)):
        assert normalize_module._spoken_run(text, i, dead_spoken) == normalize_module._spoken_run(
            text, i
        )
        assert spelled.read_spelled(hira, i, dead_spelled) == spelled.read_spelled(hira, i)


@pytest.mark.parametrize("unit", ["さん", "ご", "けーけー", "さんの"])
def test_normalizing_a_refused_run_reads_each_token_a_bounded_number_of_times(
    unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = {"spoken": 0, "spelled": 0}
    spoken_token = normalize_module._match_spoken_token
    spelled_token = spelled._token_at

    def count_spoken(text: str, i: int) -> str | None:
        counts["spoken"] += 1
        return spoken_token(text, i)

    def count_spelled(hira: str, i: int) -> tuple[int, str, str] | None:
        counts["spelled"] += 1
        return spelled_token(hira, i)

    monkeypatch.setattr(normalize_module, "_match_spoken_token", count_spoken)
    monkeypatch.setattr(spelled, "_token_at", count_spelled)
    for size in (200, 400):
        counts.update(spoken=0, spelled=0)
        normalize_module._normalize(visible(unit * size).text)
        # every character is read a few times at most, not once per run that holds it
        assert counts["spoken"] <= 4 * len(unit) * size
        assert counts["spelled"] <= 4 * len(unit) * size
