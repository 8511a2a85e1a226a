"""The learned name model (recognizers/person/learned_names.py): loads, finds, stays quiet.

No ja_ginza here: the CRF and the recognizer's text-only sources are enough,
so these run in a second. Training is never run by the tests
(``python -m recognizers.data.build_person_model`` does that).
"""

from __future__ import annotations

import pytest

from recognizers.jp_person_recognizer import JpPersonRecognizer
from recognizers.person.learned_names import (
    BLANKED,
    CONFIDENT_SCORE,
    ENV_SWITCH,
    MODEL_PATH,
    NOUNS,
    OTHER,
    SOURCE,
    SUPPORT_SCORE,
    WORDS,
    _fold,
    _lexicon_marks,
    _may_stand_alone,
    _runs,
    _tagger,
    _widens,
    bio_spans,
    char_class,
    features,
    learned_name_candidates,
    learned_name_spans,
    model_enabled,
    token_shapes,
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


def _pieces(text: str, *words: str) -> list[tuple[int, int]]:
    return [(text.index(w), text.index(w) + len(w)) for w in words]


#: (text, the model's span, the rules' pieces inside it, whether the span replaces them)
WIDENINGS: list[tuple[str, str, tuple[str, ...], bool]] = [
    ("受付：グエン ティ マイ様", "グエン ティ マイ", ("グエン ティ", "マイ"), True),
    ("子の名前は木村 ノア 陽翔です", "木村 ノア 陽翔", ("木村 ノア",), True),
    ("通訳：アディカリ\u3000スニルさん", "アディカリ\u3000スニル", ("スニル",), True),
    # a word glued to the surname: a shop, not a longer name
    ("大村設備さんは指定業者", "大村設備", ("大村",), False),
    # past a line break, punctuation or an honorific: the model ran on
    ("申請者：森下 ひとみさん\u3000平成2年", "森下 ひとみさん\u3000平", ("森下",), False),
    ("氏名｜藤 田\u3000 ｻﾄｼ｜\u3000ﾌﾘｶﾞﾅ", "藤 田\u3000 ｻﾄｼ｜\u3000ﾌﾘｶ", ("田\u3000 ｻﾄｼ",), False),
    # a stray piece in a run of words, or more words than a name has
    ("相続人代表者指定届 案内 済", "指定届 案内 済", ("済",), False),
    ("です くわばら 桑原 喜代 オペ 桑原", "くわばら 桑原 喜代 オペ 桑原", ("桑原 喜代",), False),
]


@pytest.mark.parametrize(("text", "span", "pieces", "widens"), WIDENINGS)
def test_a_confident_span_replaces_the_rules_pieces_only_when_it_adds_whole_words(
    text: str, span: str, pieces: tuple[str, ...], widens: bool
) -> None:
    start = text.index(span)
    assert _widens(text, start, start + len(span), _pieces(text, *pieces)) is widens


#: (tokens as (surface, Sudachi tag), the span's first and last token, its shape)
SHAPES: list[tuple[list[tuple[str, str]], tuple[int, int], str]] = [
    # nouns, with a name dot or a blank between: a name in prose
    ([("ブリガム", "名詞-固有名詞-地名-一般"), ("・", "補助記号-一般"),
      ("ヤング", "名詞-普通名詞-一般")], (0, 2), NOUNS),
    ([("グエン", "名詞-固有名詞-人名-一般"), ("\u3000", "空白"),
      ("ラン", "名詞-普通名詞-サ変可能")], (0, 2), NOUNS),
    # a verb with its particle, an adjectival noun, an interjection: words, never a name
    ([("ひろう", "動詞-一般"), ("さ", "助詞-終助詞")], (0, 1), WORDS),
    ([("大丈夫", "形状詞-一般")], (0, 0), WORDS),
    ([("おおきに", "感動詞-一般")], (0, 0), WORDS),
    # a verb alone (ひかる, みのる are given names too), a colon, a blank alone: not sure
    ([("ひかる", "動詞-一般")], (0, 0), OTHER),
    ([("相談者", "名詞-普通名詞-一般"), ("：", "補助記号-一般")], (0, 1), OTHER),
    ([("\u3000", "空白")], (0, 0), OTHER),
]  # fmt: skip


@pytest.mark.parametrize(("tokens", "first_last", "shape"), SHAPES)
def test_sudachis_tokens_tell_a_span_of_nouns_from_one_of_words(
    tokens: list[tuple[str, str]], first_last: tuple[int, int], shape: str
) -> None:
    spans, pos = [], 0
    for surface, tag in tokens:
        spans.append((pos, pos + len(surface), tag, surface))
        pos += len(surface)
    first, last = first_last
    assert token_shapes(spans)(spans[first][0], spans[last][1]) == shape


def test_a_span_that_cuts_a_token_has_no_shape() -> None:
    shapes = token_shapes([(0, 4, "名詞-固有名詞-人名-姓", "ふじもと")])
    assert shapes(0, 2) == OTHER


def test_a_span_the_focus_step_blanked_never_stands_alone(lex: PersonLexicon) -> None:
    text = "隣の小鳥遊さんの犬がうるさい。"
    # the analyzer blanked this stretch for the model: its token is a blank over letters
    shapes = token_shapes([(0, 15, "空白", text)])
    assert shapes(2, 5) == BLANKED
    assert learned_name_candidates(text, lex.is_surname, lex.is_given, shapes=shapes) == []


def test_a_span_of_nouns_is_sure_below_the_bar_and_one_of_words_never(lex: PersonLexicon) -> None:
    text = "隣の小鳥遊さんの犬がうるさい。"
    tokens = [(2, 5, "名詞-固有名詞-人名-姓", "小鳥遊")]
    nouns = learned_name_candidates(
        text, lex.is_surname, lex.is_given, confident_bar=1.01, shapes=token_shapes(tokens)
    )
    assert [((c.start, c.end), c.score) for c in nouns] == [((2, 5), CONFIDENT_SCORE)]
    words = token_shapes([(2, 5, "形状詞-一般", "小鳥遊")])
    assert learned_name_candidates(text, lex.is_surname, lex.is_given, shapes=words) == []
    assert [
        c.score
        for c in learned_name_candidates(text, lex.is_surname, lex.is_given, {(2, 5)}, shapes=words)
    ] == [SUPPORT_SCORE]


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
    # 陽翔 is in no given-name list: without ja_ginza, no rule takes it
    text = "長男の陽翔くんについて相談。"
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    on = JpPersonRecognizer(lexicon=lex)
    assert [(text[r.start : r.end], r.score >= 0.5) for r in on.analyze(text, ["PERSON"])] == [
        ("陽翔", True)
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
    runs = _runs(classes)
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
        feats.extend(runs[i])
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


@pytest.mark.parametrize(
    ("span", "alone"),
    [("件", False), ("Taiwan", False), ("Aoife Byrne", True), ("翔太", True), ("陳 美玲", True)],
)
def test_a_span_standing_alone_needs_two_characters_or_two_latin_words(
    span: str, alone: bool
) -> None:
    assert _may_stand_alone(span) is alone
