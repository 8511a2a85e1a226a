"""Synthetic call-note sentences for the name model: the call centre's register.

Why: Wikipedia and UD GSD teach the CRF names in written prose; a city's call
notes say them otherwise. Speech-to-text turns under speaker labels
(``オペ：``, ``A:``, ``【お客様】``) with fillers, a name said in pieces and then
spelled (``林は森林の林``), kana-only names, a reading in brackets after the
name, LINE display names, table rows with ``│`` and tabs, half-width katakana,
given names after relation words (``長男の翼``), foreign residents' names in
katakana and romaji in either order with middle names. Every template here
is one of those shapes, and the hard negatives are what such notes hold that
looks like a name and is not: shops and facilities named after a family
(``田中商店``, ``ケアホーム高橋``), speaker labels, ``匿名希望``, role words,
clipped desk-app notes (``案内 予定 未``).

Templates hold placeholders (``{F}`` a Japanese full name, ``{X}`` a foreign
one, ...; see :meth:`CallNoteWriter.expand`); every other character is tagged
O. Used by ``build_person_model.py`` only; the blind notes and the shared dev
notes are never read here (the shapes come from the brief of issue 12, the
names from the japanese-personal-names lists and the short lists below).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import Any

#: (text, is a name): a sentence is a list of pieces
Piece = tuple[str, bool]
Record = dict[str, Any]

# --- foreign names: (katakana, romaji), per group; facts, written for this project ---------

_VIET_FAMILY = (
    ("グエン", "Nguyen"), ("チャン", "Tran"), ("レ", "Le"), ("ファム", "Pham"),
    ("ホアン", "Hoang"), ("ヴー", "Vu"), ("ダン", "Dang"), ("ブイ", "Bui"), ("ドー", "Do"),
    ("ゴー", "Ngo"), ("ズオン", "Duong"), ("ドアン", "Doan"),
)  # fmt: skip
_VIET_MIDDLE = (
    ("ティ", "Thi"), ("ヴァン", "Van"), ("バン", "Van"), ("ドゥック", "Duc"), ("ミン", "Minh"),
    ("タイン", "Thanh"), ("ゴック", "Ngoc"), ("ホン", "Hong"),
)  # fmt: skip
_VIET_GIVEN = (
    ("ラン", "Lan"), ("ホア", "Hoa"), ("マイ", "Mai"), ("アイン", "Anh"), ("フン", "Hung"),
    ("トゥアン", "Tuan"), ("リン", "Linh"), ("フオン", "Huong"), ("ナム", "Nam"),
    ("タオ", "Thao"), ("ズン", "Dung"), ("クアン", "Quang"), ("ハイ", "Hai"), ("ハー", "Ha"),
    ("ロン", "Long"), ("チャン", "Trang"),
)  # fmt: skip
#: Chinese and Korean: (kanji, katakana, romaji)
_CN_FAMILY = (
    ("王", "ワン", "Wang"), ("李", "リー", "Li"), ("張", "チャン", "Zhang"),
    ("刘", "リュウ", "Liu"), ("劉", "リュウ", "Liu"), ("陳", "チェン", "Chen"),
    ("楊", "ヤン", "Yang"), ("趙", "チャオ", "Zhao"), ("黄", "ホアン", "Huang"),
    ("周", "ジョウ", "Zhou"), ("呉", "ウー", "Wu"), ("徐", "シュー", "Xu"), ("孫", "スン", "Sun"),
    ("胡", "フー", "Hu"), ("郭", "グオ", "Guo"), ("马", "マー", "Ma"),
)  # fmt: skip
_CN_GIVEN = (
    ("麗華", "リーホア", "Lihua"), ("偉", "ウェイ", "Wei"), ("芳", "ファン", "Fang"),
    ("秀英", "シウイン", "Xiuying"), ("敏", "ミン", "Min"), ("静", "ジン", "Jing"),
    ("磊", "レイ", "Lei"), ("洋", "ヤン", "Yang"), ("雪梅", "シュエメイ", "Xuemei"),
    ("建国", "ジエングオ", "Jianguo"), ("婷", "ティン", "Ting"), ("浩然", "ハオラン", "Haoran"),
    ("子涵", "ズーハン", "Zihan"), ("丽华", "リーホア", "Lihua"), ("怡君", "イージュン", "Yijun"),
    ("美玲", "メイリン", "Meiling"), ("志强", "ジーチャン", "Zhiqiang"),
)  # fmt: skip
_KR_FAMILY = (
    ("金", "キム", "Kim"), ("李", "イ", "Lee"), ("朴", "パク", "Park"), ("崔", "チェ", "Choi"),
    ("鄭", "チョン", "Jung"), ("姜", "カン", "Kang"), ("尹", "ユン", "Yoon"),
    ("韓", "ハン", "Han"), ("申", "シン", "Shin"), ("権", "クォン", "Kwon"),
)  # fmt: skip
_KR_GIVEN = (
    ("美英", "ミヨン", "Mi-young"), ("志勲", "ジフン", "Ji-hoon"), ("秀賢", "スヒョン", "Soo-hyun"),
    ("民俊", "ミンジュン", "Min-jun"), ("瑞妍", "ソヨン", "Seo-yeon"), ("智恩", "ジウン", "Ji-eun"),
    ("賢宇", "ヒョヌ", "Hyun-woo"), ("恩恵", "ウネ", "Eun-hye"), ("成浩", "ソンホ", "Sung-ho"),
)  # fmt: skip
#: given-first groups: (given names, middle names, family names), katakana and romaji
_GIVEN_FIRST: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "filipino": (
        (("マリア", "Maria"), ("ホセ", "Jose"), ("マーク", "Mark"), ("エンジェル", "Angel"),
         ("クリスティーナ", "Cristina"), ("ローズ", "Rose"), ("ジョイ", "Joy"),
         ("ジェローム", "Jerome"), ("メアリー", "Mary"), ("リカ", "Rica")),
        (("クリスティーナ", "Cristina"), ("グレース", "Grace"), ("ルイサ", "Luisa"),
         ("サントス", "Santos")),
        (("サントス", "Santos"), ("レイエス", "Reyes"), ("クルス", "Cruz"),
         ("バウティスタ", "Bautista"), ("ガルシア", "Garcia"), ("メンドーサ", "Mendoza"),
         ("デラクルス", "Dela Cruz"), ("ビラヌエバ", "Villanueva"), ("ラモス", "Ramos"),
         ("アキノ", "Aquino")),
    ),
    "nepali": (
        (("ラビン", "Rabin"), ("サリタ", "Sarita"), ("ビクラム", "Bikram"), ("シタ", "Sita"),
         ("ラム", "Ram"), ("アニタ", "Anita"), ("スマン", "Suman"), ("プラカシュ", "Prakash"),
         ("ギタ", "Gita"), ("スニル", "Sunil"), ("ビシュヌ", "Bishnu")),
        (("バハドゥル", "Bahadur"), ("クマール", "Kumar"), ("クマリ", "Kumari"),
         ("プラサド", "Prasad")),
        (("アディカリ", "Adhikari"), ("タパ", "Thapa"), ("グルン", "Gurung"),
         ("シュレスタ", "Shrestha"), ("タマン", "Tamang"), ("ライ", "Rai"), ("マガル", "Magar"),
         ("シャルマ", "Sharma"), ("パウデル", "Poudel"), ("ケーシー", "KC")),
    ),
    "brazilian": (
        (("ジョアン", "Joao"), ("アナ", "Ana"), ("ルーカス", "Lucas"), ("ガブリエル", "Gabriel"),
         ("ジュリアナ", "Juliana"), ("ハファエル", "Rafael"), ("フェルナンダ", "Fernanda"),
         ("ペドロ", "Pedro"), ("カルロス", "Carlos"), ("マリア", "Maria")),
        (("エドゥアルド", "Eduardo"), ("パウラ", "Paula"), ("ダ", "da"), ("ドス", "dos"),
         ("デ", "de")),
        (("シルバ", "Silva"), ("サントス", "Santos"), ("オリヴェイラ", "Oliveira"),
         ("オリベイラ", "Oliveira"), ("ソウザ", "Souza"), ("ペレイラ", "Pereira"),
         ("コスタ", "Costa"), ("フェレイラ", "Ferreira"), ("ホドリゲス", "Rodrigues"),
         ("リマ", "Lima"), ("アルメイダ", "Almeida"), ("ナカムラ", "Nakamura")),
    ),
    "western": (
        (("マイケル", "Michael"), ("エミリー", "Emily"), ("ジョン", "John"), ("サラ", "Sarah"),
         ("デイビッド", "David"), ("アンナ", "Anna"), ("トーマス", "Thomas"),
         ("オリビア", "Olivia"), ("ライアン", "Ryan"), ("クリス", "Chris"), ("ノア", "Noah"),
         ("エマ", "Emma"), ("レオ", "Leo"), ("ソフィア", "Sophia")),
        (("ジェームズ", "James"), ("リー", "Lee"), ("アン", "Ann"), ("マリー", "Marie"),
         ("ジョセフ", "Joseph")),
        (("スミス", "Smith"), ("ジョンソン", "Johnson"), ("ブラウン", "Brown"),
         ("ミラー", "Miller"), ("ウィルソン", "Wilson"), ("テイラー", "Taylor"),
         ("アンダーソン", "Anderson"), ("マーティン", "Martin"), ("ウォーカー", "Walker"),
         ("オブライエン", "O'Brien"), ("ミュラー", "Muller"), ("ペトロフ", "Petrov")),
    ),
}  # fmt: skip
#: one-word names of residents from elsewhere (Mongolia, Turkey, Central Asia, Indonesia)
_SINGLE_NAMES = (
    ("ナランゲレル", "Narangerel"), ("バトバヤル", "Batbayar"), ("オユンチメグ", "Oyunchimeg"),
    ("ヌルハン", "Nurhan"), ("アイシェ", "Ayse"), ("ムハンマド", "Muhammad"),
    ("アフマド", "Ahmad"), ("ファティマ", "Fatima"), ("ディルノザ", "Dilnoza"),
    ("アリシェル", "Alisher"), ("ブディ", "Budi"), ("スリ", "Sri"), ("デウィ", "Dewi"),
)  # fmt: skip

#: speaker label pairs (operator, caller) of speech-to-text transcripts and chat logs
SPEAKERS = (
    ("オペ：", "相談者："), ("A:", "B:"), ("A: ", "B: "), ("【オペレーター】", "【お客様】"),
    ("話者1: ", "話者2: "), ("Op) ", "客) "), ("職員：", "本人："), ("受付：", "架電者："),
    ("オ：", "相："), ("OP ", "CL "), ("担当：", "お客様："), ("オペレーター：", "利用者："),
    ("通訳：", "本人："), ("S: ", "C: "), ("[オペ] ", "[客] "), ("職員「", "相談者「"),
)  # fmt: skip
FILLERS = ("", "", "", "えー、", "あのー、", "えっと、", "あ、", "んー", "その、", "ええと ",
           "あの ", "はい、", "えーっと、", "うーん、")  # fmt: skip
RELATIONS = (
    "妻", "夫", "長男", "長女", "次男", "次女", "三男", "母", "父", "祖母", "祖父", "義母",
    "義父", "娘", "息子", "孫", "兄", "姉", "弟", "妹", "叔母", "配偶者", "世帯主", "子",
)  # fmt: skip
NATIONS = ("ベトナム", "中国", "韓国", "フィリピン", "ネパール", "ブラジル", "米国", "モンゴル",
           "トルコ", "インドネシア", "ペルー")  # fmt: skip

#: {F} Japanese full name, {S} surname, {G} given name, {K} a full name in kana only,
#: {FR}/{SR} a name and its reading in brackets (two names), {X} a foreign full name,
#: {XG} a foreign given name, {XR} a foreign name in romaji, {D} a LINE display name,
#: {SX} a surname and the explanation of one of its characters (林…森林の林),
#: {MIX} a Japanese surname, a foreign given name and a Japanese one (上原 ライアン 蒼空);
#: {OP}/{CL} the speaker labels, {uh} a filler, {rel} a relation word, {nat} a country
TEMPLATES: tuple[str, ...] = (
    "{CL}{uh}{F}です。", "{CL}{uh}{S}と申します、{uh}", "{OP}{S}様ですね。",
    "{OP}お名前をお願いします。\n{CL}{uh}{F}です。", "{CL}{S}、{uh}{F}です。",
    "{OP}{F}様、ご本人様でよろしいですか。", "{CL}{uh}{rel}の{G}が、{uh}入院してて",
    "{CL}{uh}うちの{rel}、{G}っていうんですけど", "{rel}：{F}（{n}歳）",
    "{rel}　{G}　就職のため転出",
    "世帯員：{rel}の{G}、{rel}の{G}", "{CL}{uh}わたし{K}、{F}と申します",
    "{CL}{uh}名前は{FR}です。", "氏名：{FR}", "{CL}{SR}です。", "{OP}{SR}様ですね。",
    "{CL}{uh}{SX}です。", "{CL}{S}です、{SX}", "{CL}{uh}{K}です。", "{OP}{K}様ですね、{uh}",
    "{X}様（{nat}）より入電。", "{CL}{uh}{X}です。", "通訳：{X}さんです。",
    "{CL}My name is {XR}.", "氏名：{X}\n国籍：{nat}", "{OP}{X}様ですね、{uh}",
    "{rel}：{X}、子1名", "{CL}{uh}{XG}、あ、すみません、{X}です", "子の名前は「{MIX}」",
    "{CL}{uh}{rel}は{XG}で、日本人です", "本人：{XR}", "Name: {XR}", "申請者：{X}（{XR}）",
    "[LINE] {D}：すみません、{uh}問い合わせです", "{D}：了解です", "{D}さんからのメッセージ",
    "LINE表示名「{D}」", "氏名│{F}│フリガナ│{K}│", "氏名｜{F}｜", "| 氏名 | {X} |",
    "氏名\t{F}\tフリガナ\t{K}", "No.\t氏名\t続柄\n1\t{F}\t世帯主\n2\t{G}\t{rel}",
    "{n}\t{F}\t{rel}", "申請者 氏名｜{F}｜", "記:{S}", "（記:{S}）", "起票 OP {S}",
    "{n}/{n} {S}対応", "担当 {S}", "対応:{S}→{S}へ引継", "{S}夫人から連絡", "{S}氏より照会",
    "民生委員の{S}さん", "主治医の{S}先生", "介護支援専門員　{F}", "通訳員の{S}さん経由",
    "{OP}{uh}{S}様、{uh}ご住所を", "{CL}{uh}{S}です、{F}", "{CL}{G}の母です",
    "{CL}{uh}同じクラスの{G}くんと{G}くん", "{CL}{uh}上が{G}、下が{G}で",
    "{S}（{nat}籍）", "{CL}旧姓は{S}で、いまは{S}です", "宛名：{F} 様",
    "{CL}{uh}{F}、{F}です", "{OP}{F}さんですね。生年月日を", "{CL}{rel}の{F}のことで",
    "{CL}{uh}夫は日本人で{G}", "{CL}{uh}{G}っていいます", "{CL}{uh}{S}っていうお宅",
)  # fmt: skip
#: notes without a name in the same register: the frames alone must not make one
NEGATIVES: tuple[str, ...] = (
    "{OP}はい、大丈夫です。", "{CL}{uh}了解です。", "{OP}少々お待ちください。",
    "{CL}ああそうなの。", "{CL}はい、そうです。", "{OP}ありがとうございます。",
    "{CL}{uh}ごみ、のこと。", "{CL}いま、{uh}88、", "{CL}りょうかい", "{OP}かしこまりました。",
    "氏名：匿名希望", "氏名：不詳", "名前は名乗らず", "{CL}匿名でお願いします", "氏名不明",
    "{CL}名前は言いたくない", "氏名：（未記入）", "{S}商店の前で転倒", "{S}設備さんに頼んだ",
    "{S}クリーニングの前あたり", "{S}歯科に通院中", "{S}医院の隣", "{S}整形外科",
    "{S}組のダンプカー", "{S}工務店の工事", "{S}ピアノ教室の発表会", "ケアホーム{S}に入所",
    "コーポ{S}の大家", "{S}ビル3階", "{S}病院に入院", "{S}支店の口座", "{S}メンタルクリニック",
    "{S}保育園に通う", "{S}小学校の通学路", "{S}公園のトイレ", "{S}駅前", "{S}町内会",
    "{S}の局番", "案内 予定 未", "指定届 案内 済", "再送 済", "折返 要", "出生児 個人番号",
    "{OP}ご住所をお願いします。", "{CL}{uh}犬のことで", "担当者不在", "職員が対応",
    "通訳経由", "相談員が確認", "オペレーター対応", "市民課 窓口", "{OP}{uh}ご本人様ですか",
    "{CL}{uh}ちょっと待ってね", "{OP}お電話ありがとうございます", "{CL}{uh}もしもし",
    "{CL}Ngày sinh của tôi", "{CL}Số điện thoại", "{CL}Bố mẹ em", "{CL}Yucho bank",
    "Resident Records", "Tel: 03", "{CL}Obrigado", "{CL}Salamat po", "{CL}Xin chào",
    "マットレス（ダブル）1", "ポールに「番号」", "教育委員会から", "旧姓併記について",
    # numbers, dates and addresses read out, e-mail addresses, English and romaji words:
    # the speech-to-text of a call holds more of these than names
    "{CL}{uh}{NUM}です", "電話番号 {NUM}", "{OP}{NUM}ですね", "{CL}番号が、{NUM}の、{NUM}",
    "{CL}{uh}{NUM}、{uh}{NUM}", "個人番号：{KNUM}", "{CL}{KNUM}です", "{CL}{uh}{ERA}",
    "{CL}生まれは{ERA}", "{CL}{uh}{ADDR}", "メール：{MAIL}", "{CL}{MAIL}です",
    "{CL}{uh}おおきに", "{CL}それキャリアのやつだ", "{CL}{uh}ちかちかしようけん",
    "{CL}ほなよろしゅう", "{CL}そうだと思う", "庭木（クスノキ）が伸び放題", "修正済",
    "Explained to her; she will call back.", "Bank account to be in her name.",
    "Mobile, roaming off.", "Income minimum, koseki toho required.", "Due in January.",
    "{CL}Yes, that is right.", "{CL}Thank you po.", "{CL}Sim, obrigado.",
)  # fmt: skip
_DIGIT_READINGS = (
    ("ゼロ", "ぜろ", "れい", "まる"), ("いち",), ("に", "にー", "にい"), ("さん",), ("よん", "し"),
    ("ご", "ごー"), ("ろく",), ("なな", "しち"), ("はち",), ("きゅう", "く"),
)  # fmt: skip
_KANJI_DIGITS = "〇一二三四五六七八九"
_ERAS = ("しょうわ", "へいせい", "れいわ", "昭和", "平成", "令和")
_KANA_NUMBERS = ("いち", "に", "さん", "じゅう", "にじゅう", "じゅういち", "ひゃく", "さんじゅう")
_MAIL_WORDS = ("haruka", "shimin", "info", "k.tanaka", "yuki0412", "bousai", "shisanzei", "taro")
_MAIL_DOMAINS = ("gmail.com", "icloud.com", "yahoo.co.jp", "city.example.lg.jp", "docomo.ne.jp")
#: common words a note puts where a name could stand, tagged O (a third of the slots)
ROLE_FILLERS: tuple[str, ...] = (
    "大家", "担当者", "職員", "通訳", "相談員", "本人", "匿名希望", "不詳", "不明", "ご主人",
    "お客", "先生", "ヘルパー", "ケアマネ", "民生委員", "お隣", "管理人", "業者", "オペ",
    "オペレーター", "お子", "娘", "息子", "奥", "旦那", "お母", "お父", "上の階の方",
)  # fmt: skip


def katakana(hira: str) -> str:
    return "".join(chr(ord(c) + 0x60) if 0x3041 <= ord(c) <= 0x3096 else c for c in hira)


_HALF = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー・",
        "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ･",
        strict=True,
    )
)
_HALF_MARKS = {"\u3099": "ﾞ", "\u309a": "ﾟ"}


def half_width(kata: str) -> str | None:
    """Half-width katakana, voiced marks as their own character (グエン → ｸﾞｴﾝ)."""
    out = []
    for ch in unicodedata.normalize("NFD", kata):
        if ch in _HALF:
            out.append(_HALF[ch])
        elif ch in _HALF_MARKS:
            out.append(_HALF_MARKS[ch])
        elif ch in " \u3000":
            out.append(" ")
        else:
            return None
    return "".join(out)


class CallNoteWriter:
    """Sentences from :data:`TEMPLATES` and :data:`NEGATIVES`, with gold name spans.

    ``names`` is the builder's ``Names`` (Japanese surnames and given names
    with readings and romaji); ``fillers`` are common words (tagged O) put in a
    share of the name slots; ``by_char`` maps a kanji to common words holding
    it, for the explained character (``林は森林の林``).
    """

    def __init__(
        self,
        names: Any,
        rng: random.Random,
        fillers: Sequence[str],
        filler_share: float,
        by_char: dict[str, list[str]],
    ) -> None:
        self.names = names
        self.rng = rng
        self.fillers = fillers
        self.filler_share = filler_share
        self.by_char = by_char
        self._filled = False
        self._negative = False
        self._speakers = SPEAKERS[0]

    # --- names -----------------------------------------------------------------------------

    def _jp(self) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
        return self.names.surname(), self.names.given_name()

    def _script(self, kanji: str, hira: str, romaji: str) -> str:
        """One name part in the script a note picks for it."""
        if not hira:
            return kanji
        script = self.rng.choices(("kanji", "kata", "hira", "half"), (72, 14, 8, 6))[0]
        if script == "kata":
            return katakana(hira)
        if script == "hira":
            return hira
        if script == "half":
            return half_width(katakana(hira)) or kanji
        return kanji

    def _sep(self) -> str:
        return self.rng.choice(("", " ", " ", "\u3000", "\u3000"))

    def full(self) -> str:
        (sk, sh, sr), (gk, gh, gr) = self._jp()
        if self.rng.random() < 0.06 and sr:
            return f"{sr.capitalize()} {gr.capitalize()}"
        if self.rng.random() < 0.8 and sh:  # both parts in one script, as a note mostly does
            state = self.rng.getstate()
            s = self._script(sk, sh, sr)
            self.rng.setstate(state)
            return f"{s}{self._sep()}{self._script(gk, gh, gr)}"
        return f"{self._script(sk, sh, sr)}{self._sep()}{self._script(gk, gh, gr)}"

    def kana_full(self) -> str:
        (_sk, sh, _), (_gk, gh, _) = self._jp()
        if not sh:
            sh = self.names.surnames[0][1]
        kana = (sh, gh) if self.rng.random() < 0.5 else (katakana(sh), katakana(gh))
        if self.rng.random() < 0.15:
            return half_width(f"{katakana(sh)} {katakana(gh)}") or f"{kana[0]} {kana[1]}"
        blank = self.rng.choice((" ", "\u3000", "", " "))
        return f"{kana[0]}{blank}{kana[1]}"

    def foreign(self) -> tuple[str, str, str]:
        """(katakana or kanji form, romaji form, a given name alone) of one foreign name."""
        rng = self.rng
        group = rng.choice(("viet", "cn", "kr", "filipino", "nepali", "brazilian", "western",
                            "single"))  # fmt: skip
        dot = rng.choice(("・", " ", "\u3000", "・", "", "＝"))
        if group == "single":
            k, r = rng.choice(_SINGLE_NAMES)
            return k, r, k
        if group == "viet":
            (fk, fr), (mk, mr), (gk, gr) = (
                rng.choice(_VIET_FAMILY), rng.choice(_VIET_MIDDLE), rng.choice(_VIET_GIVEN)
            )  # fmt: skip
            parts_k, parts_r = [fk, mk, gk], [fr, mr, gr]
            if rng.random() < 0.3:
                parts_k, parts_r = [fk, gk], [fr, gr]
            dot = dot or " "
            return dot.join(parts_k), " ".join(parts_r), gk
        if group in ("cn", "kr"):
            fam, giv = (_CN_FAMILY, _CN_GIVEN) if group == "cn" else (_KR_FAMILY, _KR_GIVEN)
            (fk, fkk, fr), (gk, gkk, gr) = rng.choice(fam), rng.choice(giv)
            romaji = f"{fr} {gr}" if rng.random() < 0.6 else f"{gr} {fr}"
            if rng.random() < 0.3:
                romaji = f"{fr.upper()} {gr}"
            if rng.random() < 0.55:
                blank = rng.choice(("", " ", "\u3000"))
                return f"{fk}{blank}{gk}", romaji, gk
            return f"{fkk}{dot}{gkk}", romaji, gkk
        givens, middles, families = _GIVEN_FIRST[group]
        (gk, gr), (fk, fr) = rng.choice(givens), rng.choice(families)
        parts = [(gk, gr)]
        if rng.random() < 0.35:
            parts.append(rng.choice(middles))
        parts.append((fk, fr))
        if rng.random() < 0.35:  # the family name first, as a Japanese form asks
            parts = [parts[-1], *parts[:-1]]
        romaji = " ".join(r for _, r in parts)
        if rng.random() < 0.2:
            romaji = romaji.upper()
        return (dot or " ").join(k for k, _ in parts), romaji, gk

    def display_name(self) -> str:
        """A LINE display name: a given name in kana with an emoji, romaji with an initial."""
        (sk, sh, sr), (gk, gh, gr) = self._jp()
        rng = self.rng
        shape = rng.randrange(5)
        if shape == 0 and gr:
            return f"{gr.capitalize()}.{(sr or 'k')[0].upper()}"
        if shape == 1:
            return f"{gh}{rng.choice(('🌸', '♪', '☆', '🍀', ''))}"
        if shape == 2 and sh:
            return f"{sh} {gh}"
        if shape == 3:
            return f"{sk}{gk}"
        return gr or gh

    def number_like(self, key: str) -> str:
        """A number, date, address or e-mail address as speech-to-text writes it."""
        rng = self.rng
        if key == "NUM":
            digits = [
                rng.choice(_DIGIT_READINGS[rng.randrange(10)]) for _ in range(rng.randint(2, 4))
            ]
            kata = rng.random() < 0.3
            joined = rng.choice(("", "", "、", "・", " ")).join(digits)
            return katakana(joined) if kata else joined
        if key == "KNUM":
            return " ".join(
                "".join(rng.choice(_KANJI_DIGITS) for _ in range(4))
                for _ in range(rng.randint(1, 3))
            )
        if key == "ERA":
            era, year, month = (
                rng.choice(_ERAS),
                rng.choice(_KANA_NUMBERS),
                rng.choice(_KANA_NUMBERS),
            )
            return f"{era}{year}ねん、{month}がつ"
        if key == "ADDR":
            return f"{rng.choice(_KANA_NUMBERS)}ちょうめ、{rng.choice(_KANA_NUMBERS)}のさん"
        return f"{rng.choice(_MAIL_WORDS)}@{rng.choice(_MAIL_DOMAINS)}"

    # --- placeholders ----------------------------------------------------------------------

    def expand(self, key: str) -> list[Piece]:
        """The pieces one placeholder stands for (names flagged True)."""
        rng = self.rng
        if key == "OP":
            return [(self._speakers[0], False)]
        if key == "CL":
            return [(self._speakers[1], False)]
        if key == "uh":
            return [(rng.choice(FILLERS), False)]
        if key == "rel":
            return [(rng.choice(RELATIONS), False)]
        if key == "nat":
            return [(rng.choice(NATIONS), False)]
        if key == "n":
            return [(str(rng.randint(1, 89)), False)]
        if key in ("NUM", "KNUM", "ERA", "ADDR", "MAIL"):
            return [(self.number_like(key), False)]
        if self._negative:  # a shop or a facility named after a family: the surname is O
            sk, sh, _ = self.names.surname()
            return [(katakana(sh) if sh and rng.random() < 0.15 else sk, False)]
        if self._filled:
            word = rng.choice(ROLE_FILLERS) if rng.random() < 0.3 else rng.choice(self.fillers)
            return [(word, False)]
        if key in ("F", "S", "G"):
            (sk, sh, sr), (gk, gh, gr) = self._jp()
            if key == "F":
                return [(self.full(), True)]
            return [(self._script(sk, sh, sr) if key == "S" else self._script(gk, gh, gr), True)]
        if key == "K":
            return [(self.kana_full(), True)]
        if key in ("FR", "SR"):
            (sk, sh, _), (gk, gh, _) = self._jp()
            if not sh:
                return [(sk, True)]
            name, reading = (sk, sh) if key == "SR" else (f"{sk}{self._sep()}{gk}", f"{sh} {gh}")
            reading = katakana(reading) if rng.random() < 0.7 else reading
            if rng.random() < 0.15:
                reading = half_width(katakana(reading)) or reading
            if rng.random() < 0.5:
                reading = reading.replace(" ", rng.choice(("", "\u3000", "・")))
            opener, closer = rng.choice((("（", "）"), ("(", ")"), ("、", ""), ("　", ""),
                                         ("［", "］")))  # fmt: skip
            return [(name, True), (opener, False), (reading, True), (closer, False)]
        if key == "SX":
            sk, sh, _ = self.names.surname()
            kanji = [c for c in sk if c in self.by_char]
            if not kanji:
                return [(sk, True)]
            c = rng.choice(kanji)
            word = rng.choice(self.by_char[c])
            said = sh if sh and rng.random() < 0.5 else sk
            glue = rng.choice(("、", "、", " ", "。"))
            return [(said, True), (glue, False), (c, True), (f"は{word}の", False), (c, True)]
        if key in ("X", "XR", "XG"):
            kana, romaji, given = self.foreign()
            value = {"X": kana, "XR": romaji, "XG": given}[key]
            if key != "XR" and rng.random() < 0.06:
                value = half_width(value) or value
            return [(value, True)]
        if key == "D":
            return [(self.display_name(), True)]
        if key == "MIX":
            (sk, _, _), (gk, _, _) = self._jp()
            _, _, fg = self.foreign()
            sep = rng.choice((" ", "\u3000", "・"))
            return [(f"{sk}{sep}{fg}{sep}{gk}", True)]
        raise KeyError(key)

    def pieces(self, template: str) -> list[Piece]:
        out: list[Piece] = []
        pos = 0
        for m in _PLACEHOLDER.finditer(template):
            out.append((template[pos : m.start()], False))
            out.extend(self.expand(m.group(1)))
            pos = m.end()
        out.append((template[pos:], False))
        return out

    def sentence(self) -> list[Piece]:
        """One note line or two: a template, a negative before or after in a share of them."""
        rng = self.rng
        self._speakers = rng.choice(SPEAKERS)
        self._filled = False
        out: list[Piece] = []
        if rng.random() < 0.3:
            out += [*self.negative(), (rng.choice(("\n", "。", " ")), False)]
        if rng.random() < NEGATIVE_ONLY_SHARE:
            return out + self.negative()
        self._filled = rng.random() < self.filler_share
        out += self.pieces(rng.choice(TEMPLATES))
        self._filled = False
        if rng.random() < 0.3:
            out += [(rng.choice(("\n", "。", " ", "\n")), False), *self.negative()]
        return out

    def negative(self) -> list[Piece]:
        self._negative = True
        try:
            return self.pieces(self.rng.choice(NEGATIVES))
        finally:
            self._negative = False


_PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: share of sentences that are a negative alone
NEGATIVE_ONLY_SHARE = 0.15


def to_record(pieces: Sequence[Piece], ident: str) -> Record:
    text, spans = "", []
    for piece, is_name in pieces:
        if is_name and piece:
            spans.append({"start": len(text), "end": len(text) + len(piece), "label": "PERSON"})
        text += piece
    return {"id": ident, "text": text, "spans": spans}


def call_note_records(writer: CallNoteWriter, count: int, prefix: str) -> Iterator[Record]:
    for n in range(count):
        yield to_record(writer.sentence(), f"{prefix}-{n}")


def words_by_char(words: Sequence[str], keep: Callable[[str], bool]) -> dict[str, list[str]]:
    """Kanji → common words of two or three characters holding it (for ``{SX}``)."""
    out: dict[str, list[str]] = {}
    for w in words:
        if 2 <= len(w) <= 3:
            for c in set(w):
                if keep(c):
                    out.setdefault(c, []).append(w)
    return out
