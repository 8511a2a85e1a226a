"""JpPersonRecognizer: names in call notes, with the spans LABELS.md asks for.

The recognizer reads the spaCy Doc Presidio already made, so these tests
parse each text once with the session's ja_ginza (the ``nlp`` fixture) and
hand the Doc in as ``nlp_artifacts``, as the analyzer does.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest

from recognizers.jp_person_recognizer import JpPersonRecognizer
from recognizers.person_lexicon import PersonLexicon, load_person_lexicon

pytestmark = pytest.mark.slow  # loads ja_ginza (once per session)

THRESHOLD = 0.5  # the analyzer's default


@pytest.fixture(scope="module")
def recognizer() -> JpPersonRecognizer:
    return JpPersonRecognizer()


def names(rec: JpPersonRecognizer, nlp: Any, text: str) -> list[str]:
    doc = nlp(text)
    results = rec.analyze(text, ["PERSON"], cast(Any, SimpleNamespace(tokens=doc)))
    return sorted(text[r.start : r.end] for r in results if r.score >= THRESHOLD)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # honorifics stay outside the span; a full name with a blank is one span
        ("清水 智子様より、マイナンバーカードの更新について。", ["清水 智子"]),
        ("12/19 松本様 TEL 06-6471-2208", ["松本"]),
        ("転入予定の池田 隼人様から、必要な手続きの確認。", ["池田 隼人"]),
        ("子は蒼くん、令和6年10月生まれ。", ["蒼"]),
        ("ご主人の拓也さんとの所得合算について。", ["拓也"]),
        # form fields, フリガナ and the reading in brackets: two spans
        (
            "氏名：平野 早苗\nフリガナ：ヒラノ サナエ\n生年月日：H1.3.31",
            ["ヒラノ サナエ", "平野 早苗"],
        ),
        ("東海林（ショウジ）様より。郵便番号のみ分かる。", ["ショウジ", "東海林"]),
        ("息子の翔太（しょうた）が手続きに行きます", ["しょうた", "翔太"]),
        ("転出届（てんしゅつとどけ）の様式を案内", []),
        # a rare surname no list holds, glued to さん; role and trade words are not names
        ("大鋸さんが夜中に騒ぐ。", ["大鋸"]),
        ("大家さんに言ったが業者さんが来ない。八百屋さんの前。", []),
        # staff named after their section, Sudachi's 人名 agreeing where the list does not
        ("引継ぎ先：市民協働課 中筋\n対応者：嶋田", ["中筋", "嶋田"]),
        ("市民課長へ報告。課長から折り返し。", []),
        # staff signing a record, interpreters introducing themselves; titles cut off
        ("折り返し一覧 作成 堀之内\u3000確認 安達班長\n", ["堀之内", "安達"]),
        ("チケット：W-26-3390 / 起票 12/2 OP 千葉\n", ["千葉"]),
        ("通訳：タガログ語通訳のマリセルです。", ["マリセル"]),
        ("確認 済\n受付 窓口\n", []),
        # a chat nickname that cannot stand without its honorific keeps it
        (
            "08:59 たっくん：[画像]\n09:00 たっくん：見えますか？\n09:02 水道局：はい",
            ["たっくん", "たっくん"],
        ),
        # a known kana given name before っていいます / と言います; a thing's name is none
        ("ばあちゃんの分なんだけど\n ふさえっていいます\n S14.6.6生まれ", ["ふさえ"]),
        ("これはマイナポータルっていいます。", []),
        # a spelling in kana letter names is one span, whatever GiNZA makes of its words
        (
            "グエン・ティ・ハーさんです。"
            "つづりは エヌ・ジー・ユー・ワイ・イー・エヌ、エイチ・エー です。",
            ["エヌ・ジー・ユー・ワイ・イー・エヌ、エイチ・エー", "グエン・ティ・ハー"],
        ),
        # a kana stem and the kanji of an older woman's given name
        ("Op) メモ：配偶者 ヨシ子 S23.2.11", ["ヨシ子"]),
        # another name of the same person
        ("妻：三浦 静江さん（旧姓 笹川）", ["三浦 静江", "笹川"]),
        ("カードに旧姓を併記したい", []),
        # several fields on one line: the value ends at the blank before the next label
        ("氏名：森川 大輔　電話：072-221-8804", ["森川 大輔"]),
        ("フリガナ：モリカワ ダイスケ　電話：０７２－２２１－８８０４", ["モリカワ ダイスケ"]),
        ("児童手当\n担当：小島", ["小島"]),
        # the department and title before a name in a field are not part of it
        ("対応者：市民課 田村", ["田村"]),
        ("担当：健康福祉課 主査 上田", ["上田"]),
        # the member of staff a case goes to, even where Sudachi calls the surname a place
        ("No.1234 の件 → 担当 岡田 に引き継ぎ", ["岡田"]),
        ("担当の岡田に引き継ぎ", ["岡田"]),
        ("担当の職員が対応", []),
        ("担当部署に確認", []),
        # a memo's 名前は… without a blank; the honorific after a surname is not a given name
        ("娘の名前は美咲で、生年月日は", ["美咲"]),
        ("名前は不明です", []),
        ("お名前は あー名前はええわ 電話だけ", []),
        ("施設の名前は市民会館です", []),
        ("佐藤さんと鈴木さんが来られた", ["佐藤", "鈴木"]),
        # transcripts: kana names split by the name lists, after お名前は / before です
        ("お名前と生年月日を ささきりょうた 平成5年7月3日 です", ["ささきりょうた"]),
        ("お名前をお願いします 大野ひなたで 令和6年11月8日です", ["大野ひなた"]),
        ("お名前は 今井さとみです 記号番号は", ["今井さとみ"]),
        ("母は ふくだきみこ 昭和12年の4月15日 です", ["ふくだきみこ"]),
        ("私、山口と申します。", ["山口"]),
        ("はい 私 たなかひろし と申します", ["たなかひろし"]),
        ("東さん、森さんの両名から苦情。", ["東", "森"]),
        # kana names glued to their honorific; kinship words before one are not names
        ("お子さんのゆうとくんの生年月日は", ["ゆうと"]),
        ("はるとくんの件で電話", ["はると"]),
        ("さくらちゃんとあおいちゃんの分", ["あおい", "さくら"]),
        ("みなさんにご案内しました", []),
        # a spaced full name read out in kana is one span, like a form's 姓 名
        ("お名前は やまだ たろう です", ["やまだ たろう"]),
        ("おとうさんが来庁予定", []),
        ("おばあちゃんの介護の件", []),
        ("申出人：藤原 一郎（フジワラ イチロウ）\n住所：", ["フジワラ イチロウ", "藤原 一郎"]),
        # foreign names: katakana with ・, romaji with its reading
        ("外国籍のアナ・ロペス様から、在留期間更新の相談。", ["アナ・ロペス"]),
        ("お名前は ファム・ティ・トゥさんです", ["ファム・ティ・トゥ"]),
        (
            "氏名：Nguyen Van Hung（グエン・ヴァン・フン）\n在留カード番号：",
            ["Nguyen Van Hung", "グエン・ヴァン・フン"],
        ),
        ("外国籍 WANG Lei（ワン・レイ）様、前住所は東京都", ["WANG Lei", "ワン・レイ"]),
        ("WANG Lei様より英語で問い合わせ。", ["WANG Lei"]),
        # the same name in Latin letters beside it, either way round
        ("住所は浜町8ノ19、張麗（Zhang Li）です。", ["Zhang Li", "張麗"]),
        ("Insured: Chen, Mei-Ling (陳 美玲), Taiwan", ["Chen, Mei-Ling", "陳 美玲"]),
        # a romaji surname and given name together; a title or cue is no part of it
        ("Contact: Tanaka Yumi (wife), by phone", ["Tanaka Yumi"]),
        ("本人：Si Kenji, Yamaguchi Kenji, born 2016", ["Kenji", "Yamaguchi Kenji"]),
        ("Spoke with Ms Okafor today.", ["Okafor"]),
        # a kana given name said last whose last kana Sudachi reads as a particle
        ("利用者：kentoです、いのうえ けんと\n", ["kento", "いのうえ けんと"]),
        ("妻は井上あやの。", ["井上あやの"]),
        # 君 ending a Chinese given name, not an honorific to trim
        ("本人：我叫陳怡君。", ["陳怡君"]),
        ("通訳：陳 怡君（チェン・イージュン）さんです。", ["チェン・イージュン", "陳 怡君"]),
        ("田中君と山田君が来た。", ["山田", "田中"]),
        # a country in brackets after a foreign name is no reading of it
        ("住所変更 コワルスキ・アンナ（ポーランド）夫 上原 亮", ["コワルスキ・アンナ", "上原 亮"]),
        # a rare surname followed by its own reading, speech-to-text's blanks for commas
        ("はい 八戸の 沼舘 です ぬまだて です あの", ["ぬまだて", "沼舘"]),
        # encyclopedic text: a surname Sudachi calls a place, a mayor, a lead sentence
        ("岩村が決勝打を放った。", ["岩村"]),
        ("加藤市長は記者会見で辞任を否定した。", ["加藤"]),
        ("山田太郎は、日本の俳優である。", ["山田太郎"]),
        ("ミハエル・ナスターゼは決勝で敗れた。", ["ミハエル・ナスターゼ"]),
        # a common surname and a given name Sudachi does not know, the model agreeing
        ("佐野利器は、日本の建築家である。", ["佐野利器"]),
        # speech-to-text: a foreign name word by word after お名前は, a blank before と申します
        ("あの 名前は グエン ヴァン ナム です ベトナム人 です", ["グエン ヴァン ナム"]),
        ("あのー ごみの 収集 の ことで キクチ と申します 電話番号は", ["キクチ"]),
        ("はい あの こちら いとう と 申します 保険証の 件で", ["いとう"]),
        # 氏 follows names only: a katakana surname before it is one
        ("ネパール人のグルン氏より電話", ["グルン"]),
        # a Chinese name in simplified characters or toned pinyin, GiNZA saying otherwise
        ("本人：刘洋（リュウ・ヤン）", ["リュウ・ヤン", "刘洋"]),
        ("本人：我是她儿子，叫刘建国，Liú Jiànguó。", ["Liú Jiànguó", "刘建国"]),
        # a household list: a relation of one kanji before the name is no part of it
        ("世帯構成：本人、妻 美和、長男 蓮（小3）", ["美和", "蓮"]),
        ("夫 浩二 会社員", ["浩二"]),
        # a romaji surname and given name the lists know, whatever GiNZA makes of them
        ("本日 Yamaguchi Kenta 来庁、再交付申請", ["Yamaguchi Kenta"]),
        # an interpreter's kana reading parts a Chinese name with ・
        ("通訳：王秀英（おう・しゅうえい）さん、先月上海から", ["おう・しゅうえい", "王秀英"]),
        # Latin names the lists know, without a cue
        ("Name given as Daniel Koh, Singapore mobile", ["Daniel Koh"]),
        # a full name, then its full reading a blank apart: two names, a rare surname too
        ("母は 石動 ふさ江 いするぎ ふさえ です", ["石動 ふさ江", "いするぎ ふさえ"]),
        ("申請者 山田 太郎 やまだ たろう 昭和45年生", ["山田 太郎", "やまだ たろう"]),
        ("氏名\u3000鈴木 花子\u3000スズキ ハナコ", ["鈴木 花子", "スズキ ハナコ"]),
        # a kana given name is read as itself: two children, no reading
        ("子 山田 はな さくら 保育園", ["山田 はな"]),
        # a katakana reading after kanji still counts
        ("相談者：山田（ヤマダ）です", ["山田", "ヤマダ"]),
    ],
)
def test_when_a_name_is_given_then_only_the_name_is_found(
    recognizer: JpPersonRecognizer, nlp: Any, text: str, expected: list[str]
) -> None:
    assert names(recognizer, nlp, text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # companies, shops and clinics holding a surname
        "森田組の工事の騒音について苦情。",
        "田中整形外科に通院中とのこと。",
        "株式会社山本から請求書が届いた。",
        "中島建設の工事車両が道をふさいでいる。",
        "鈴木商店の店主から。",
        "松本市の実家に帰省中。",
        # places that are also surnames
        "千葉県から転入予定。",
        "住所：東成区今里2-5-30",
        # role words and jobs before さん/様
        "担当課長が折り返し対応する。",
        "ヘルパーさんが週2回来ている。",
        "みなさんにお知らせです。",
        "お客様から問い合わせ。",
        # numbers read out, products, e-mail local parts
        "番号は ゼロロクのロクヨンゴーゴーのキューサンイチニー",
        "マイナポータルにログインできない",
        # katakana chains whose first or last part is a place: teams and cities
        "デトロイト・ピストンズと契約した。",
        "ボストン・セルティックスが優勝した。",
        "フランクフルト・アム・マインで開催された。",
        # a company's lead sentence; place and period words Sudachi lists as surnames
        "ソニーは、日本の電機メーカーである。",
        "林庄と山庄が置かれた。",
        "との見方もある。",
        "メール：minako.seki@example.co.jp",
        # firms named after a family, the trade glued to the name (half-width kana too)
        "近くの山本電器さんなど販売店の引取りも",
        "あと、鈴木引越センターの段ボール回収って",
        "06 | 猪狩石材店 | — | 墓地使用料",
        "1階の森田ｸﾘｰﾆﾝｸﾞとは関係ないです",
        "当日は田中ピアノ教室の発表会とフロアが同じ",
        "tôi làm thêm ở công ty Yamada Kogyo…",
        # the tail of a no-name word; an acronym after a relation word; a country in brackets
        "08:12 匿名希望さん：ゴミ集積所のことで苦情です",
        "番号訂正、本人SMSで連絡あり",
        # a ward and its town read out after a speaker word
        "相談者 左京区しもがも、まつのきちょう、さんじゅうはち オペ",
        # a place said again with its reading, as a caller spells a name
        "住所は 八戸 です はちのへ です",
        # Latin words in brackets beside no name; romaji place names
        "市民課（Citizens Division）へ案内。",
        "I live in Minami Aoyama 2-3-4, Minato-ku.",
        # a firm or a role introducing itself, a filler before と申します
        "はい 高橋建設 と申します 道路の 件で",
        "あのー えっと と申します",
        # a job before さん stays weak, whatever the honorific
        "スタッフさんに伝えます",
        # the old name talked about as a thing
        "「旧姓併記のマイナンバーカードにしたいが、手続きは？」",
        "婚姻後も通称で旧姓使用",
        # Chinese words that start with a family name's character
        "谢谢。",
        # katakana in brackets after a katakana product word: its size, no reading
        "品目：ソファ（3人掛け）1、マットレス（ダブル）1、自転車1",
        "ベッド（セミダブル）とソファ（カウチ）を出します",
        "",
    ],
)
def test_when_no_person_is_meant_then_nothing_is_found(
    recognizer: JpPersonRecognizer, nlp: Any, text: str
) -> None:
    assert names(recognizer, nlp, text) == []


def test_every_result_explains_its_evidence_without_the_name(
    recognizer: JpPersonRecognizer, nlp: Any
) -> None:
    text = "清水 智子様より入電。"
    results = recognizer.analyze(text, ["PERSON"], cast(Any, SimpleNamespace(tokens=nlp(text))))
    assert results
    for r in results:
        explanation = r.analysis_explanation.textual_explanation
        assert "honorific" in explanation
        assert "清水" not in explanation


def test_when_another_entity_is_asked_for_then_nothing_is_returned(
    recognizer: JpPersonRecognizer, nlp: Any
) -> None:
    text = "清水 智子様より入電。"
    assert (
        recognizer.analyze(text, ["PHONE_NUMBER"], cast(Any, SimpleNamespace(tokens=nlp(text))))
        == []
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("氏名：平野 早苗\n", ["平野 早苗"]),
        ("お名前は たかはしみのる です", ["たかはしみのる"]),
        ("氏名：Maria SANTOS（マリア・サントス）", ["Maria SANTOS", "マリア・サントス"]),
        ("ありがとうございます", []),
    ],
)
def test_without_nlp_artifacts_the_text_level_evidence_still_works(
    recognizer: JpPersonRecognizer, text: str, expected: list[str]
) -> None:
    results = recognizer.analyze(text, ["PERSON"], None)
    assert sorted(text[r.start : r.end] for r in results if r.score >= THRESHOLD) == sorted(
        expected
    )


def test_an_injected_lexicon_replaces_the_shipped_one() -> None:
    empty = PersonLexicon(*(frozenset() for _ in range(6)))
    text = "お願いします すずきはなこ です"

    def found(rec: JpPersonRecognizer) -> list[str]:
        return [
            text[r.start : r.end]
            for r in rec.analyze(text, ["PERSON"], None)
            if r.score >= THRESHOLD
        ]

    assert found(JpPersonRecognizer(lexicon=empty)) == []
    assert found(JpPersonRecognizer(lexicon=load_person_lexicon())) == ["すずきはなこ"]


_TRANSCRIPT_NEGATIVES = [
    # a speaker label is no name field, and an answer of words is no name
    "相談者：はいわかりました\nオペ：ありがとうございます\n相談者：はい",
    "オペ：お名前をお願いします\n相談者：母と妹がいて\nオペ：はい",
    # a number or an address read out in kana is no name
    "オペ：ご住所は\n相談者：ほうかんちょう一丁目の、にじゅうさんのはちです\nオペ：はい",
    # letters spelled out, katakana jobs, empty name fields
    "オペ：メールは\n客：エム、てん、アット\nオペ：はい",
    "ケアマネジャーさんから電話",
    "相談者：匿名希望\n連絡先：なし",
    "氏名：不詳（男性・高齢）",
]


@pytest.mark.parametrize("note", _TRANSCRIPT_NEGATIVES)
def test_when_transcript_words_look_like_name_slots_then_no_person(note: str) -> None:
    results = JpPersonRecognizer().analyze(note, ["PERSON"])
    assert [note[r.start : r.end] for r in results if r.score >= 0.5] == []


def test_when_the_previous_turn_asked_the_name_then_a_known_kana_answer_is_a_name() -> None:
    note = "オペ：お名前をお願いします\n相談者：えっと、たかはし ゆうこです\nオペ：はい"
    results = JpPersonRecognizer().analyze(note, ["PERSON"])
    assert [note[r.start : r.end] for r in results if r.score >= 0.5] == ["たかはし ゆうこ"]


def test_when_a_name_is_in_half_width_katakana_then_the_analyzer_finds_it(analyzer: Any) -> None:
    note = "口座名義（カナ）：ﾅｶｿﾞﾉ ﾐﾂﾙ"
    found = [note[e.start : e.end] for e in analyzer.analyze(note) if e.label == "PERSON"]
    assert found == ["ﾅｶｿﾞﾉ ﾐﾂﾙ"]


@pytest.mark.parametrize(
    ("note", "name"),
    [
        ("名札は「平野」。", "平野"),
        ("本人は「まさお」とだけ名乗る。", "まさお"),
        ("子の名前は「アーラブ」（ローマ字 Aarav）", "アーラブ"),
    ],
)
def test_when_a_name_is_quoted_after_a_name_word_then_it_is_found(note: str, name: str) -> None:
    results = JpPersonRecognizer().analyze(note, ["PERSON"])
    assert name in [note[r.start : r.end] for r in results if r.score >= 0.5]


def test_when_a_quoted_word_is_no_name_answer_then_nothing() -> None:
    note = "施設の名前は「中央会館」です。"
    results = JpPersonRecognizer().analyze(note, ["PERSON"])
    assert [r for r in results if r.score >= 0.5] == []
