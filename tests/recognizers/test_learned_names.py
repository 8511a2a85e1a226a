"""The learned name model (recognizers/person/learned_names.py): loads, finds, stays quiet.

No ja_ginza here: the CRF and the recognizer's text-only sources are enough,
so these run in a second. Training is never run by the tests
(``python -m recognizers.data.build_person_model`` does that).
"""

from __future__ import annotations

import pytest

from recognizers.jp_person_recognizer import JpPersonRecognizer
from recognizers.person.learned_names import (
    CONFIDENT_SCORE,
    ENV_SWITCH,
    MODEL_PATH,
    SOURCE,
    SUPPORT_SCORE,
    _fold,
    _lexicon_marks,
    _tagger,
    bio_spans,
    char_class,
    features,
    learned_name_candidates,
    learned_name_spans,
    model_enabled,
)
from recognizers.person_lexicon import PersonLexicon, load_person_lexicon


@pytest.fixture(scope="module")
def lex() -> PersonLexicon:
    return load_person_lexicon()


def test_the_shipped_model_loads_from_the_package_and_is_small() -> None:
    assert MODEL_PATH.is_file()
    assert MODEL_PATH.stat().st_size < 10 * 1024 * 1024
    labels = set(_tagger(MODEL_PATH).info().labels)
    assert labels == {"B", "I", "O"}


#: (note text, the name in it): surnames no list holds, in call-note frames
FINDS: list[tuple[str, str]] = [
    ("相談者：栗花落 美空様から電話。", "栗花落 美空"),
    ("夫の大鋸 正臣さんは入院中。", "大鋸 正臣"),
    ("隣の小鳥遊さんの犬がうるさい。", "小鳥遊"),
    ("福祉課の栗花落から連絡しました。", "栗花落"),
    ("担当の一寸木さんに引き継ぎます。", "一寸木"),
]


@pytest.mark.parametrize(("text", "name"), FINDS)
def test_when_an_unlisted_name_sits_in_a_call_note_frame_then_the_model_finds_it(
    text: str, name: str, lex: PersonLexicon
) -> None:
    surname = name.split(" ")[0]
    assert not lex.is_surname(surname) and not lex.is_given(surname)
    spans = {
        text[s:e]: conf for s, e, conf in learned_name_spans(text, lex.is_surname, lex.is_given)
    }
    assert name in spans
    assert 0.5 <= spans[name] <= 1.0


#: departments, facilities, shops named after a family, katakana nouns, speaker labels
NEGATIVES: list[str] = [
    "子育て支援課の窓口へ案内。",
    "市民課へご案内しました。",
    "中央公民館で講座の申込み。",
    "鈴木薬局で薬を受け取った。",
    "田中整形外科に通院中。",
    "ホームヘルパーの回数を増やしたい。",
    "ケアマネジャーに確認予定。",
    "B: 承知しました。",
    "A: はい。\nB: そうです。",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_when_a_sentence_names_no_person_then_the_model_finds_none(
    text: str, lex: PersonLexicon
) -> None:
    assert learned_name_spans(text, lex.is_surname, lex.is_given) == []


def test_a_confident_span_scores_enough_to_stand_alone(lex: PersonLexicon) -> None:
    text = "隣の小鳥遊さんの犬がうるさい。"
    (cand,) = learned_name_candidates(text, lex.is_surname, lex.is_given)
    assert (text[cand.start : cand.end], cand.source) == ("小鳥遊", SOURCE)
    assert cand.score == CONFIDENT_SCORE


@pytest.mark.parametrize(
    ("others", "bar", "expected"),
    [
        # the same span as another source: it adds its score, confident or not
        ({(2, 5)}, None, [((2, 5), CONFIDENT_SCORE)]),
        ({(2, 5)}, 1.01, [((2, 5), SUPPORT_SCORE)]),
        # alone and not confident: nothing to support
        (set(), 1.01, []),
        # crossing another source's edges: the rules' edges win
        ({(2, 4)}, None, []),
        ({(0, 3)}, None, []),
        # another source elsewhere does not matter
        ({(8, 9)}, None, [((2, 5), CONFIDENT_SCORE)]),
    ],
)
def test_the_model_confirms_other_sources_spans_or_fills_gaps_never_moves_edges(
    others: set[tuple[int, int]],
    bar: float | None,
    expected: list[tuple[tuple[int, int], float]],
    lex: PersonLexicon,
) -> None:
    text = "隣の小鳥遊さんの犬がうるさい。"
    found = learned_name_candidates(text, lex.is_surname, lex.is_given, others, confident_bar=bar)
    assert [((c.start, c.end), c.score) for c in found] == expected


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["O", "B", "I", "O", "B"], [(1, 3), (4, 5)]),
        (["B", "B", "I"], [(0, 1), (1, 3)]),
        (["I", "I", "O"], [(0, 2)]),
        (["O", "O"], []),
    ],
)
def test_bio_tags_become_spans(tags: list[str], spans: list[tuple[int, int]]) -> None:
    assert list(bio_spans(tags)) == spans


@pytest.mark.parametrize(
    ("environ", "enabled"),
    [
        ({}, True),
        ({ENV_SWITCH: "on"}, True),
        ({ENV_SWITCH: "off"}, False),
        ({ENV_SWITCH: "0"}, False),
    ],
)
def test_the_environment_switch(environ: dict[str, str], enabled: bool) -> None:
    assert model_enabled(environ) is enabled


def test_when_the_switch_is_off_then_the_recognizer_drops_the_learned_name(
    monkeypatch: pytest.MonkeyPatch, lex: PersonLexicon
) -> None:
    text = "長男の翔太くんについて相談。"  # without ja_ginza, no rule takes 翔太
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    on = JpPersonRecognizer(lexicon=lex)
    assert [(text[r.start : r.end], r.score >= 0.5) for r in on.analyze(text, ["PERSON"])] == [
        ("翔太", True)
    ]
    monkeypatch.setenv(ENV_SWITCH, "off")
    off = JpPersonRecognizer(lexicon=lex)
    assert not off.learned
    assert off.analyze(text, ["PERSON"]) == []


def _features_char_by_char(text: str, lex: PersonLexicon) -> list[list[str]]:
    """``features`` as first written: each character's strings in turn (the reference)."""
    chars = "".join(_fold(c) for c in text)
    classes = "".join(char_class(c) for c in chars)
    marks = _lexicon_marks(chars, classes, lex.is_surname, lex.is_given)
    pad, cpad = "^^^" + chars + "$$$", "^^^" + classes + "$$$"
    out = []
    for i in range(len(chars)):
        j = i + 3
        feats = ["b", f"c={pad[j]}", f"c-1={pad[j - 1]}", f"c+1={pad[j + 1]}",
                 f"c-2={pad[j - 2]}", f"c+2={pad[j + 2]}", f"b-1={pad[j - 1 : j + 1]}",
                 f"b+1={pad[j : j + 2]}", f"t-1={pad[j - 1 : j + 2]}",
                 f"t-2={pad[j - 2 : j + 1]}", f"t+0={pad[j : j + 3]}", f"l3={pad[j - 3 : j]}",
                 f"r3={pad[j + 1 : j + 4]}", f"k={cpad[j]}", f"k3={cpad[j - 1 : j + 2]}",
                 f"k5={cpad[j - 2 : j + 3]}"]  # fmt: skip
        feats.extend(f"lex={m}" for m in sorted(marks[i]))
        out.append(feats)
    return out


@pytest.mark.parametrize(
    "text",
    [
        "",
        "山",
        "山田",
        "山田太郎様より電話。折り返し０９０－１２３４。",
        "ﾔﾏﾀﾞ ﾀﾛｳ（ｶﾅ）、Ａｂｃ 123\n妻の花子",
        "😀山田🎉太郎👍\u3000\t",
    ],
)
def test_features_are_those_written_character_by_character(text: str, lex: PersonLexicon) -> None:
    assert features(text, lex.is_surname, lex.is_given) == _features_char_by_char(text, lex)
