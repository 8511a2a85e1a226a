"""The normalizer: canonical digits for matching, and a map back to the original."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from recognizers.normalize import normalize

# Characters real notes mix: ASCII, full-width, kanji numerals, spoken kana, dashes.
_ALPHABET = st.sampled_from(
    list("0123456789-() abcXYZ")
    + list("０１２３４５６７８９－（）　")
    + list("〇一二三四五六七八九十百千万")
    + ["ゼロ", "ぜろ", "イチ", "ニー", "にー", "サン", "ヨン", "ゴー", "ロク", "ナナ", "しち"]
    + ["ハチ", "キュー", "きゅう", "く", "に", "し", "ご", "まる", "の", "ー", "・", "‐", "―"]
    + list("田中様さん番地号丁目東西大阪市ｶﾞﾞﾟ")
)


@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_every_canonical_offset_lands_inside_the_original(text: str) -> None:
    norm = normalize(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for s, e in zip(norm.starts, norm.ends, strict=True):
        assert 0 <= s < e <= len(text)


@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_the_map_is_monotonic(text: str) -> None:
    norm = normalize(text)
    assert list(norm.starts) == sorted(norm.starts)
    assert list(norm.ends) == sorted(norm.ends)


@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_the_map_covers_the_whole_original_in_order(text: str) -> None:
    norm = normalize(text)
    if text:
        assert norm.starts[0] == 0
        assert norm.ends[-1] == len(text)
    for i in range(1, len(norm.text)):
        # no original character is skipped between two canonical characters
        assert norm.starts[i] <= norm.ends[i - 1]


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126)))
def test_ascii_text_maps_to_itself(text: str) -> None:
    # but digits spaced out one by one, O/l/I beside a digit (or a dash, a date's dot or
    # slash after one), and B between digits, which read as one number
    assume(not re.search(r"\d[ -]+\d|[OolI][-./]?\d|\d[-./]?[OolI]|\d-?B-?\d|\d ?\| ?\d", text))
    norm = normalize(text)
    assert norm.text == text
    assert list(norm.starts) == list(range(len(text)))
    assert norm.to_original(0, len(text)) == (0, len(text))


@given(st.lists(_ALPHABET, max_size=30).map("".join), st.data())
def test_any_canonical_span_maps_to_an_ordered_original_span(
    text: str, data: st.DataObject
) -> None:
    norm = normalize(text)
    start = data.draw(st.integers(0, len(norm.text)))
    end = data.draw(st.integers(start, len(norm.text)))
    o_start, o_end = norm.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(text)


@pytest.mark.parametrize(
    ("original", "canonical"),
    [
        ("０９０－１２３４－５６７８", "090-1234-5678"),
        ("〇九〇・三三八一・七七二〇", "090-3381-7720"),
        ("〇六‐六三九四‐五五二〇", "06-6394-5520"),
        ("四丁目6番二十四号", "4丁目6番24号"),
        ("二十四", "24"),
        ("昭和四十九年七月八日", "昭和49年7月8日"),
        ("二千二十四年", "2024年"),
        ("昭和五十年十月十日", "昭和50年10月10日"),
        ("十番十号", "10番10号"),
        ("〇九〇の一二三四の五六七八", "090-1234-5678"),
        ("ゼロキュー えーと ゼロの いちにさんよん", "09-0-1234"),
        ("ゼロキューゼロのいちにさんよん", "090-1234"),
        ("ぜろろく", "06"),
        ("ゼロナナゼロのハチハチイチサンのニーゴーヨンキュー", "070-8813-2549"),
        ("ぜろはちぜろのにーいちきゅうごのななよんろくいち", "080-2195-7461"),
        ("ゼロロク ロクヨンロクイチ ナナゴーゴーサン", "06-6461-7553"),
        ("まるきゅうまる", "090"),
        ("ぜろきゅうぜろ いちにいさんよん ごおろくななはち", "090-1234-5678"),
        ("ゼロハチゼロ しちしちきゅう", "080-779"),
        ("ｓａｎａｅ＠ｅｘａｍｐｌｅ．ｊｐ", "sanae@example.jp"),
        ("ｶﾞｽ", "ガス"),
        # a scan's letters for digits, also among spaced digits and between dashes
        ("l9B7年 1O月 O3日", "1987年 10月 03日"),
        ("篠原北町4-l-16", "篠原北町4-1-16"),
        ("O72-B14-3O58", "072-814-3058"),
        ("普通 5 O 2 8 1 9 6", "普通 5028196"),
        ("B1F 3B号室 OK", "B1F 3B号室 OK"),  # a floor and a room stay letters
        # a blank a scan put inside a number, up to its counter or dash
        ("令和2年 1月1 7日", "令和2年 1月17日"),
        ("中央4丁目 1 8番 2号", "中央4丁目 18番 2号"),
        ("0 4 5-6 1 2-3 3 0 4", "045-612-3304"),
        ("086-2 41-5507", "086-241-5507"),
        ("1 2 3番", "1 2 3番"),  # a list of numbers
        # a filler inside the pause between two digit groups
        ("年金番号は 4410の、えー、283175", "年金番号は 4410-283175"),
        # ません is the end of a word, not a thousand
        ("わかりません、ゼロはちゼロ", "わかりません、080"),
        # 番号 written in kana: its ごう is no 5 joined to the digits after it
        ("でんわばんごう ぜろきゅうぜろ いちにさんよん", "でんわばんごう 090-1234"),
        ("ゆうびんばんごう いちごーにの ぜろぜろにーに", "ゆうびんばんごう 152-0022"),
        ("さんびゃくにごうしつ", "302号室"),
        # a group taken back and said again replaces the one before it
        (
            "ぜろきゅうぜろの よんさんにいち の あ 違う よんさんいちに の はちはちしちしち",
            "090-4312-8877",
        ),
        ("ゼロキューゼロの、よんなな、あ、ちがう、よんいちななはちの", "090-4178の"),
        ("さんよん いや ごーろく", "さんよん いや ごーろく"),  # nothing before to replace
        # a scan's boxes, one digit each: a block number, a room, a date with an l
        ("下鴨松ノ木町 5 9 - 3 ‖", "下鴨松ノ木町 59-3 ‖"),
        ("コーポ葵 2 0 l号室", "コーポ葵 201号室"),
        ("1 9 9 0 年 5 月 l 4 日", "1990 年 5 月 14 日"),
        ("1 2 3 番", "1 2 3 番"),  # a list of numbers
        # a block said …ちょう after its town is 丁; a mayor (しちょう) or a ginkgo is none
        ("東浅香山町 にちょう 百三十 番地", "東浅香山町 2丁 130 番地"),
        ("しちょうさんに伝えて", "しちょうさんに伝えて"),
        ("いちょうの木", "いちょうの木"),
        # a particle after a number's last group of four, or ending the word before it
        ("ゼロロクの、ろくさんきゅうにの、よんいちはちななに\n", "06-6392-4187に\n"),
        ("おおきに、ぜろななご、はちさんいち、にーにーろくよん", "おおきに、075-831-2264"),
        ("ぜろきゅうぜろ いちにさんよん ごーろくななし", "090-1234-5674"),  # a fourth digit
        # にいち is two then one, not にい and a stray ち
        ("よんさんにいち", "4321"),
        # a bare あ between pauses, an ellipsis between groups (typed dots stay dots)
        ("ゼロしちごーさん、あ、にーきゅうにーろく…イチにーろくさん", "0753-2926-1263"),
        ("0753、あ、2926", "0753-2926"),
        ("2926…1263", "2926-1263"),
        ("2926...1263", "2926...1263"),
        # a full-width comma between kanji numbers is a Chinese pause, not between digits
        ("二零三八，四四六二，八四九六", "2038-4462-8496"),
        ("1，234円", "1,234円"),
        # speech-to-text's blank between a number and its date counter; not before 番
        ("しょうわ よんじゅうに ねん はちがつ ふつか", "昭和42年 8月 2日"),
        ("へいせい じゅう ねん さん がつ にじゅうく にち", "平成10年 3月 29日"),
        ("いち ばん大事", "いち ばん大事"),
        ("S14.9.3、一人暮らし", "S14.9.3、1人暮らし"),  # a count after the pause
        ("よんよんななに、のー、いちいちさんゼロ、ろくきゅう", "4472-1130-69"),  # a drawn-out の
        # a digit a word, as speech-to-text writes it; a particle after the last group;
        # a correction glued to its あ
        ("ぜろ きゅう ぜろ いち に さん よん ご ろく なな はち です", "09012345678 です"),
        ("ぜろいちにーぜろ にーさんよん ごーろくなな に お電話", "0120-234-567 に お電話"),
        ("ぜろきゅうぜろ いちにさんよん あ違う いちにさんご ごーろくななはち", "090-1235-5678"),
        # the group said again opens with the group before the one taken back: both go
        ("いちさんごなな の よんろく ぜろ あ違う よんろくきゅう にいちはち", "1357-469-218"),
        # a correction's lead words; its one digit is no particle
        (
            "ぜろぜろぜろ、さんきゅういち、ろくよんごー、さん……じゃない、最後は、にだ",
            "000-391-645-2だ",
        ),
        # a false start said again in full after a hesitation
        ("はちいち…えー、はちいちごーの、さんさんななの、ろくきゅうにー", "815-337-692"),
        ("ぜろきゅうぜろ…えー、いちにさんよん", "090-1234"),  # a pause, no false start
        # ゆうちょ's 記号 said a digit at a time, or typed with blanks after a kana word
        ("記号がいち、よん、いち、さん、ゼロで", "記号が14130で"),
        ("記号が1 2 5 4 0、番号が3 9 8 1 7 2 6 1です", "記号が12540、番号が39817261です"),
        ("記号が、にじゅうなな、番号が", "記号が、27、番号が"),  # a number read the long way
        ("| S56.ll.O3 |", "| S56.11.03 |"),  # look-alikes between a date's dots
        # a number boxed digit by digit on a scanned form
        ("個人番号 |2|1|7|4|2|1|8|0|9|6|7|3|", "個人番号 |217421809673|"),
        ("番号│9│2│9│0│8│1", "番号│929081"),
        ("| 1 | 2 | 3 |", "| 1 | 2 | 3 |"),  # three boxes: a table's counts
        ("被保険者番号  |0|0|0|2|7|l|3|5|8|4|", "被保険者番号  |0002713584|"),
        ("基礎年金番号 |1|2|3|4|-|5|6|7|8|9|0|", "基礎年金番号 |1234-567890|"),
        # a Chinese caller's 幺 (yāo) for 1
        ("零七零，幺三八六，二二零四", "070-1386-2204"),
        # blanks a scan put around dashes and before 丁目, a look-alike between dashes
        ("西今宿 6 丁目 3 - 22", "西今宿 6丁目 3-22"),
        ("保見ケ丘 5丁目 8 - l - 4O3", "保見ケ丘 5丁目 8-1-403"),
        ("090 - 1234 - 5678", "090-1234-5678"),
        ("A - B", "A - B"),  # no digits at the dash
    ],
)
def test_when_digits_are_written_any_way_then_canonical_form_is_ascii(
    original: str, canonical: str
) -> None:
    assert normalize(original).text == canonical


@pytest.mark.parametrize(
    "word",
    [
        "田中さん",
        "千葉県",
        "百合子",
        "十分です",
        "サンキュー",
        "にさんにち",
        "しごと",
        "ごく普通",
        "えーと 田中です",
        "ごあんない",  # あ starts a word: no filler
        "さんあたり",
    ],
)
def test_when_kana_or_kanji_are_words_then_they_stay_words(word: str) -> None:
    assert normalize(word).text == word


def test_when_a_particle_follows_spoken_digits_then_it_is_not_a_digit() -> None:
    norm = normalize("ゼロキューゼロのいちにさんよんにかけて")
    assert norm.text == "090-1234にかけて"


def test_when_a_canonical_span_is_mapped_back_then_it_covers_the_spoken_number() -> None:
    text = "電話は ゼロロクのロクゴーキューニーのサンイチゼロハチ です"
    norm = normalize(text)
    start = norm.text.index("06")
    end = start + len("06-6592-3108")
    assert norm.text[start:end] == "06-6592-3108"
    o_start, o_end = norm.to_original(start, end)
    assert text[o_start:o_end] == "ゼロロクのロクゴーキューニーのサンイチゼロハチ"


def test_when_an_original_span_is_mapped_forward_then_it_round_trips() -> None:
    text = "個人番号は 八一七四 五五一〇 一三九一 です"
    norm = normalize(text)
    o_start = text.index("八")
    o_end = text.index("一三九一") + 4
    c_start, c_end = norm.to_canonical(o_start, o_end)
    assert norm.text[c_start:c_end] == "8174 5510 1391"
    assert norm.to_original(c_start, c_end) == (o_start, o_end)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # digits keyed box by box or spaced out by OCR join into one number
        ("口座番号 | 5 5 0 7 3 1 9 |", "口座番号 | 5507319 |"),
        ("記号 1 4 1 7 0 番号 4 0 2 1 5 8 7 1", "記号 14170 番号 40215871"),
        ("0 9 0 - 2 7 6 1 - 8 0 4 3", "090-2761-8043"),
        ("A B 4 5 1 2 0 9 8 7 C D", "AB45120987CD"),  # a residence card read out
        ("A B C D E", "A B C D E"),
        # groups keep their blanks; fewer than four spaced digits stay as they are
        ("1234 5678 9012", "1234 5678 9012"),
        ("2 3 4 ページ", "2 3 4 ページ"),
        # letters that OCR and typists put for digits, only inside a run of digits
        ("O8O-5521-3O96", "080-5521-3096"),
        ("電話 O54-253-1187", "電話 054-253-1187"),
        ("OK です", "OK です"),
        ("ID 12 Olive", "ID 12 Olive"),
        ("被保険者番号 OO412877", "被保険者番号 00412877"),  # a run of look-alikes
        ("lOOk 5", "lOOk 5"),
    ],
)
def test_when_digits_are_spaced_or_typed_as_letters_then_they_read_as_one_number(
    text: str, canonical: str
) -> None:
    norm = normalize(text)
    assert norm.text == canonical
    start, end = norm.to_original(0, len(norm.text))
    assert (start, end) == (0, len(text))


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("さんまるいち", "301"),  # a room number: a zero said inside
        ("ごまるに", "502"),
        ("まるさん", "まるさん"),  # two digits, the zero first: a word as often
    ],
)
def test_when_three_digits_hold_a_zero_said_inside_then_they_are_a_number(
    text: str, canonical: str
) -> None:
    assert normalize(text).text == canonical
