"""person_spans: the edges of a name and the words that make it not a person."""

from __future__ import annotations

import itertools

import pytest

from recognizers.person_spans import (
    _EDGE_JUNK,
    _TRIMMABLE,
    HONORIFICS,
    NAME_GOES_ON_AFTER_KUN,
    ROLE_WORDS,
    extend_katakana_chain,
    hard_negative,
    honorific_after,
    reading_after,
    trim_span,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("山田様", "山田"),
        ("山田 太郎 様", "山田 太郎"),
        ("ご主人", None),
        ("担当課長", None),
        ("杉本 和夫", "杉本 和夫"),  # 夫 is a kin word, but not cut from a name
        ("東海林（ショウジ）", "東海林"),
        ("「鈴木」", "鈴木"),
        ("様", None),
        ("担当 山田さん", "山田"),  # a role word before, an honorific after
        ("課長山田部長", "山田"),
        ("山田さん様", "山田"),  # cut again until nothing more comes off
        ("さん様", None),
        ("", None),
        ("、。", None),
        ("ご本人様", None),
        # a relation of one kanji before a blank or ・ opens a household entry
        ("妻 美和", "美和"),
        ("孫・大翔", "大翔"),
        ("妻夫木", "妻夫木"),  # a surname that starts with one
        # a name field's label that a form without colons puts right before the value
        ("氏名\u3000村上 彩香", "村上 彩香"),
        ("フリガナ ムラカミ アヤカ", "ムラカミ アヤカ"),
    ],
)
def test_trim_span_cuts_honorifics_roles_and_brackets(text: str, expected: str | None) -> None:
    span = trim_span(text, 0, len(text))
    assert (text[span[0] : span[1]] if span else None) == expected


def _trim_word_by_word(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``trim_span`` as it was written first: every trimmable word tried in order."""
    inner = text[start:end]
    for opener in ("（", "("):
        cut = inner.find(opener)
        if cut > 0:
            end = start + cut
            inner = text[start:end]
    changed = True
    while changed and start < end:
        if text[start:end] in ROLE_WORDS or text[start:end] in HONORIFICS:
            return None
        changed = False
        while start < end and text[start] in _EDGE_JUNK:
            start, changed = start + 1, True
        while end > start and text[end - 1] in _EDGE_JUNK:
            end, changed = end - 1, True
        if (
            end - start > 2
            and text[start] in "妻夫母父孫兄姉弟妹娘"
            and text[start + 1] in " \u3000・"
        ):
            start, changed = start + 2, True  # 妻 美和: a relation of one kanji, then a blank
        span = text[start:end]
        for word in _TRIMMABLE:
            if span.endswith(word) and len(span) > len(word):
                if word == "君" and NAME_GOES_ON_AFTER_KUN.match(text, end):
                    continue  # 陳 怡君（チェン・イージュン）さん: the name's 君, then the title
                end, changed = end - len(word), True
                break
            if span.startswith(word) and len(span) > len(word) and word in ROLE_WORDS:
                start, changed = start + len(word), True
                break
    if start >= end or text[start:end] in ROLE_WORDS or text[start:end] in HONORIFICS:
        return None
    return start, end


#: pieces whose every combination of up to three ``trim_span`` must cut as the word-by-word
#: loop does: words that are both a role word's tail and an honorific (様, 主人, 長), words
#: inside longer ones (担当 / 担当者 / 担当課長), edge junk, a name and a kin character
_TRIM_PIECES = ("山田", "様", "さん", "担当", "担当者", "課長", "主人", "ご主人", "奥様", "、", " ",
                "（", "夫", "君", "先生")  # fmt: skip


def test_trim_span_cuts_what_trying_each_word_in_order_cuts() -> None:
    for n in range(1, 4):
        for parts in itertools.product(_TRIM_PIECES, repeat=n):
            text = "".join(parts)
            assert trim_span(text, 0, len(text)) == _trim_word_by_word(text, 0, len(text)), text


@pytest.mark.parametrize(
    ("text", "end", "reason"),
    [
        ("森田組の現場", 2, "organisation suffix"),
        ("田中整形外科", 2, "organisation suffix"),
        ("千葉県から", 2, "place suffix"),
        ("株式会社田中", 6, "organisation prefix"),
        ("今里2-5-30", 2, "address"),
        ("リオ・ティント・グループ", 12, "organisation word"),
        ("田中様", 2, None),
        ("千葉様", 2, None),  # an honorific overrides the place rule
        # the head or a member of a place's council is a person: 加藤市長, 長谷川区議
        ("加藤市長は", 2, None),
        ("長谷川区議の代理", 3, None),
        ("河村前市長", 2, None),
        ("松本市内の", 2, "place suffix"),
        ("松本市の長", 2, "place suffix"),
        ("担当：国保賦課係", 8, "an office's unit"),
        ("戸田内科", 4, "organisation suffix"),  # the clinic, not the doctor
        ("森田クリニック", 7, "organisation suffix"),
        ("市民税課", 4, "an office's unit"),
        ("ﾌﾘｶﾞﾅ", 5, "never a name"),  # half-width, folded before the lookup
    ],
)
def test_hard_negative_names_why_a_span_is_not_a_person(
    text: str, end: int, reason: str | None
) -> None:
    start = len(text[:end]) - len(text[:end].lstrip())
    if text.startswith("株式会社"):
        start = 4
    assert hard_negative(text, start, end) == reason


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("山田（ヤマダ）様", 2, "ヤマダ"),
        ("KIM Minji（キム・ミンジ）", 9, "キム・ミンジ"),
        ("山田（大阪）", 2, None),
    ],
)
def test_reading_after_finds_the_katakana_in_brackets(
    text: str, end: int, expected: str | None
) -> None:
    span = reading_after(text, end)
    assert (text[span[0] : span[1]] if span else None) == expected


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("外国籍のアナ・ロペス様", 7, 10, "アナ・ロペス"),
        ("ジョン・F・ケネディ大統領", 6, 10, "ジョン・F・ケネディ"),
        ("山田様", 0, 2, "山田"),
    ],
)
def test_a_katakana_name_grows_to_its_whole_chain(
    text: str, start: int, end: int, expected: str
) -> None:
    s, e = extend_katakana_chain(text, start, end)
    assert text[s:e] == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [("田中 様", 2, "様"), ("田中くん", 2, "くん"), ("田中は", 2, None)],
)
def test_honorific_after_allows_one_blank(text: str, end: int, expected: str | None) -> None:
    assert honorific_after(text, end) == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [("児童氏名：飯田 咲", "児童"), ("保護者住所：大阪市", "保護者"), ("申請者電話番号", "申請者")],
)
def test_the_first_word_of_a_field_label_is_no_name(text: str, word: str) -> None:
    assert hard_negative(text, 0, len(word)) is not None


def test_a_name_before_an_account_holders_mark_is_still_a_name() -> None:
    text = "山田氏名義の口座"
    assert hard_negative(text, 0, 2) is None
    assert honorific_after(text, 2) == "氏"


@pytest.mark.parametrize("text", ["短期入所先「ケアホーム高橋」", "コーポ岩佐（全8室）"])
def test_a_care_home_or_a_block_named_after_a_family_is_no_person(text: str) -> None:
    start = next(i for i in range(len(text)) if text[i] in "高岩")
    assert hard_negative(text, start, start + 2) == "organisation prefix"
