"""Span rules for PERSON: what is cut off a name and what is not a name at all.

LABELS.md keeps only the name in a PERSON span: no honorific (``様``), no
title (``課長``), no role word (``ご主人``), no particle. And a surname inside
a company, shop, clinic or place name (``森田組``, ``田中整形外科``,
``千葉県``) is not a person. These are rules about the text around a span, so
they live here as plain functions every evidence source shares; nothing here
needs the model.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

#: honorifics and address terms that follow a name but are not part of it
HONORIFICS: tuple[str, ...] = (
    "様",
    "さま",
    "サマ",
    "さん",
    "サン",
    "氏",
    "殿",
    "どの",
    "くん",
    "君",
    "ちゃん",
    "チャン",
    "先生",
    "せんせい",
)
#: titles and role words: never a name, cut from the edge of a span
ROLE_WORDS: tuple[str, ...] = (
    "ご主人",
    "御主人",
    "主人",
    "奥様",
    "奥さん",
    "ご家族",
    "ご本人",
    "本人",
    "担当者",
    "担当",
    "担当課長",
    "課長",
    "部長",
    "係長",
    "班長",
    "主任",
    "主査",
    "主事",
    "委員",
    "社長",
    "会長",
    "院長",
    "所長",
    "室長",
    "区長",
    "市長",
    "店長",
    "理事長",
    "代表",
    "取締役",
    "先生",
    "相談者",
    "申請者",
    "申出人",
    "届出人",
    "対応者",
    "保護者",
    "世帯主",
    "被相続人",
    "相続人",
    "代理人",
    "受給者",
    "請求者",
    "長男",
    "長女",
    "次男",
    "次女",
    "息子",
    "娘",
    "母",
    "父",
    "妻",
    "夫",
    "祖母",
    "祖父",
    "お客様",
)
#: titles and roles written right after a name: the word before them is a person
TITLES_AFTER: tuple[str, ...] = (
    "首相",
    "元首相",
    "大統領",
    "副大統領",
    "国王",
    "女王",
    "皇帝",
    "王妃",
    "王子",
    "王女",
    "皇子",
    "皇后",
    "陛下",
    "殿下",
    "博士",
    "教授",
    "議員",
    "知事",
    "長官",
    "大臣",
    "外相",
    "蔵相",
    "総裁",
    "総督",
    "総統",
    "主席",
    "書記長",
    "議長",
    "中佐",
    "大佐",
    "少佐",
    "中尉",
    "大尉",
    "少尉",
    "将軍",
    "元帥",
    "提督",
    "司令官",
    "大将",
    "中将",
    "少将",
    "艦長",
    "船長",
    "隊長",
    "団長",
    "夫妻",
    "夫人",
    "兄弟",
    "姉妹",
    "一家",
    "一族",
    "親方",
    "師匠",
    "警察長",
    "警部",
    "牧師",
    "神父",
    "司教",
    "大司教",
    "親王",
    "内親王",
    "第一書記",
    "枢機卿",
    "教皇",
    "伯爵",
    "公爵",
    "侯爵",
    "男爵",
    "子爵",
    "卿",
    "自身",
    "本人",
    "課長",
    "部長",
    "係長",
    "主任",
    "所長",
    "院長",
    "学長",
    "校長",
    "理事長",
    "弁護士",
    "医師",
    "当選",
    "帝",
)
#: titles that also follow ordinary words (サッカー選手, ドイツ代表): weaker evidence
WEAK_TITLES_AFTER: tuple[str, ...] = (
    "監督",
    "選手",
    "投手",
    "捕手",
    "コーチ",
    "会長",
    "社長",
    "代表",
    "原作",
    "役",
    "家",
    "相手",
    "等",
)
#: a role or occupation written right before a name (作者の伏見, 歌手徳山璉, FWバレー)
ROLE_BEFORE = re.compile(
    r"(?:[者手家優師士官員将王帝妃]|FW|MF|DF|GK|故|ギタリスト|ベーシスト|ドラマー|ボーカル|ピアニスト"
    r"|アナウンサー|コメディアン|タレント|デザイナー|プロデューサー|キャスター|レスラー|ボクサー"
    # call notes: the member of staff a case goes to (担当 岡田 に引き継ぎ)
    r"|担当|引継ぎ先|引き継ぎ先)[のは・]?[ \u3000]?$"
)
#: what turns a preceding surname into the name of a company, shop, clinic or facility
ORG_SUFFIXES: tuple[str, ...] = (
    "組",
    "整形外科",
    "外科",
    "内科",
    "小児科",
    "歯科",
    "眼科",
    "皮膚科",
    "耳鼻科",
    "医院",
    "クリニック",
    "病院",
    "診療所",
    "薬局",
    "商店",
    "商会",
    "商事",
    "工務店",
    "建設",
    "工業",
    "産業",
    "興業",
    "不動産",
    "電気",
    "電機",
    "設備",
    "塗装",
    "運送",
    "造園",
    "事務所",
    "法律事務所",
    "司法書士事務所",
    "税理士事務所",
    "書店",
    "酒店",
    "米店",
    "精肉店",
    "青果",
    "鮮魚店",
    "食堂",
    "製作所",
    "製菓",
    "工房",
    "株式会社",
    "有限会社",
    "合同会社",
    "(株)",
    "（株）",
    "ホールディングス",
    "グループ",
    "財団",
    "記念",
    "学園",
    "幼稚園",
    "保育園",
    "こども園",
    "ビル",
    "マンション",
    "ハイツ",
    "コーポ",
    "荘",
    "旅館",
    "ホテル",
    "屋",
    "店",
    "堂",
    "賞",
    "隊",
    "艦隊",
    "派",
    "藩",
    "城",
    "邸",
    "号",
    "丸",
    "事件",
    "財閥",
    "文庫",
    "記念館",
    "美術館",
    "研究所",
    "製薬",
    "鉄鋼",
    "飛行場",
    "劇場",
    "球場",
    "神社",
    "寺",
)
#: trades a shop or firm named after its family is known by, glued to the name
TRADE_WORDS: tuple[str, ...] = (
    "電器", "石材", "センター", "サービス", "クリーニング", "サイクル", "ストア", "モータース",
    "自動車", "書房", "運輸", "物産", "水産", "畳", "材木", "木材", "牛乳", "新聞", "燃料", "硝子",
    "写真館", "理容", "美容", "整骨院", "接骨院", "鍼灸", "工業", "商事", "興業", "建設", "商店",
    "教室", "スクール", "道場", "学習塾",
)  # fmt: skip
#: the same in romaji, a blank after the name (Yamada Kogyo)
ROMAJI_TRADE_WORDS: tuple[str, ...] = ("Kogyo", "Shoten", "Shoji", "Kensetsu", "Denki", "Co.")
#: a trade word, or a multi-character firm suffix after up to three more letters of the
#: firm's name (鈴木引越センター): single characters (店, 屋) only right after the name
_ORG_AFTER_A_TRADE = re.compile(
    r"(?: (?:"
    + "|".join(map(re.escape, ROMAJI_TRADE_WORDS))
    + r")|"
    + "|".join(map(re.escape, sorted(TRADE_WORDS, key=len, reverse=True)))
    + r"|[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,3}(?:"
    + "|".join(
        map(
            re.escape,
            sorted(
                {w for w in (*ORG_SUFFIXES, *TRADE_WORDS) if len(w) >= 2}, key=len, reverse=True
            ),
        )
    )
    + "))"
)
#: a span that is itself a firm's name: it ends in a trade (山本電器, Yamada Kogyo)
_ENDS_IN_TRADE = re.compile(
    r"(?:"
    + "|".join(map(re.escape, sorted((*TRADE_WORDS, *ROMAJI_TRADE_WORDS), key=len, reverse=True)))
    + r")$"
)
#: a firm's or clinic's suffix of two characters or more, which no name ends in
_LONG_ORG_SUFFIXES = tuple(w for w in ORG_SUFFIXES if len(w) >= 2 and w not in {"記念", "派", "丸"})
#: the units of a city office (担当：国保賦課係): no Japanese surname ends in one
_ENDS_IN_OFFICE_UNIT = re.compile(r"(?:係|課|班|局|庁|窓口)$")
#: what turns a preceding surname-like word into a place (千葉県, 松本市)
PLACE_SUFFIXES: tuple[str, ...] = (
    "都",
    "道",
    "府",
    "県",
    "市",
    "区",
    "町",
    "村",
    "郡",
    "駅",
    "線",
    "港",
    "空港",
    "通り",
)
#: legal-form prefixes: ``株式会社田中`` is a company
ORG_PREFIXES: tuple[str, ...] = (
    "株式会社",
    "有限会社",
    "合同会社",
    "(株)",
    "（株）",
    "医療法人",
    "社会福祉法人",
    "学校法人",
    # care homes and apartment blocks named after a family (ケアホーム高橋, コーポ岩佐)
    "ケアホーム",
    "グループホーム",
    "デイサービス",
    "コーポ",
    "メゾン",
    "ハイツ",
)

#: cut from a span's edge; one-character kin words (夫, 母) are not: 和夫, 直子
#: after a 君 that ends a (Chinese) given name: its reading in brackets, or a title
NAME_GOES_ON_AFTER_KUN = re.compile(r"[ \u3000]?(?:[（(][\u30a1-\u30fa\u30fc・ ]+[）)]|さん|様|氏)")
#: a name field's own label, which a form laid out without colons puts right before the
#: value (請求者　氏名　村上 彩香): cut off a span's edge like a role word
FIELD_LABEL_WORDS: tuple[str, ...] = ("氏名", "お名前", "名前", "フリガナ", "ふりがな")
_TRIMMABLE = sorted(
    (w for w in HONORIFICS + ROLE_WORDS + FIELD_LABEL_WORDS if len(w) > 1 or w in "様氏殿君"),
    key=len,
    reverse=True,
)
#: ``_TRIMMABLE`` as lookups (``trim_span`` runs once per candidate, thousands a note):
#: each word's rank in that order, the role words among them, and the lengths to try
_TRIM_RANK: dict[str, int] = {}
for _rank, _word in enumerate(_TRIMMABLE):
    _TRIM_RANK.setdefault(_word, _rank)
_TRIM_ROLE_RANK = {w: r for w, r in _TRIM_RANK.items() if w in ROLE_WORDS or w in FIELD_LABEL_WORDS}
_TRIM_LENGTHS = sorted({len(w) for w in _TRIMMABLE})
_ROLE_OR_HONORIFIC = frozenset(ROLE_WORDS + HONORIFICS)
#: katakana words that make a ``・``-joined chain an organisation, team, product or place
KATAKANA_NON_NAME_PARTS: frozenset[str] = frozenset(
    {
        "アンド",
        "オブ",
        "ザ",
        "カンパニー",
        "コーポレーション",
        "グループ",
        "ホテル",
        "バンド",
        "プロダクション",
        "プロダクションズ",
        "ブラザース",
        "ブラザーズ",
        "ダム",
        "フィールド",
        "センター",
        "ハーバー",
        "ドール",
        "コンテスト",
        "ミュージック",
        "キャピタル",
        "ギア",
        "レコード",
        "レコーズ",
        "スタジオ",
        "ショー",
        "モーターショー",
        "カップ",
        "リーグ",
        "クラブ",
        "チーム",
        "インターナショナル",
        "ジャパン",
        "システムズ",
        "テクノロジー",
        "テクノロジーズ",
        "ネットワーク",
        "ラジオ",
        "テレビ",
        "ストリート",
        "パーク",
        "タワー",
        "ステーション",
        "エアライン",
        "エアラインズ",
        "モーターズ",
        "ファンド",
        "ホールディングス",
        "インク",
        "リミテッド",
        "エンタテインメント",
        "エンターテインメント",
        "メディア",
        "ゲームズ",
        "ワークス",
        "ラボ",
        "アカデミー",
        "スクール",
        "ユニバーシティ",
        "カレッジ",
        "ミュージアム",
        "シアター",
        "アリーナ",
        "スタジアム",
        "ドーム",
        "ビーチ",
        "アイランド",
        "シティ",
        "タウン",
        "ロード",
        "アベニュー",
        "ライン",
        "ウェイ",
        "ブリッジ",
        "レーシング",
        "ユナイテッド",
        "アスレティック",
        "アスレチック",
        "ロイヤルズ",
        "ジャイアンツ",
        "タイガース",
        "サービス",
        "ディレクター",
        "プレジデント",
        "マネージャー",
        "シリーズ",
        "エディション",
        "モデル",
        "システム",
        "プロジェクト",
        "フェスティバル",
        "アワード",
        "コンサート",
        "ツアー",
        "ライブ",
        "レディース",
        "ボーイズ",
        "ガールズ",
        "パイロッツ",
        "エクスプレス",
        "プレス",
        "ブックス",
        "マガジン",
        "ニュース",
        "タイムズ",
        "ポスト",
    }
)
#: the head or a member of a place's council (加藤市長, 長谷川区議): a person, not a place
_HEAD_OF_PLACE = re.compile(r"(?:前|元)?[都道府県市区町村](?:長|議|議会議員|知事)")
#: what joins the words of a chain whose every word ``hard_negative`` looks up
_CHAIN_PARTS = re.compile(r"[・=＝ ]")
_ADDRESS_AFTER = re.compile(r"[0-9０-９]+(?:[-－‐−ー]|丁目|番)|丁目")
_EDGE_JUNK = " \u3000\t\r\n・、。，．,.:：;；「」『』【】()（）[]［］<>〈〉《》\"'“”"
_KANJI_CHAR = re.compile(r"[\u4e00-\u9fff\u3005]")
#: between a name and its reading: a blank, or the honorific said with it (陸くん（りく）)
_BEFORE_READING = r"(?:\s|[ \u3000]?(?:様|さん|さま|くん|君|ちゃん|氏))?"
#: what may follow the reading inside its brackets: a date or a note after a comma
#: (陸くん（りく、H29.1.23生）)
_AFTER_READING = r"(?:[）)]|[、,，][^（）()\n]{0,30}[）)])"
_KATAKANA_READING = re.compile(r"\s?[（(]([ァ-ヴー・\u30fb \u3000ｦ-ﾟ]+)[）)]")
#: after a kanji name and its honorific, katakana in brackets is its reading too
#: (上村様（ウエムラ）); after a foreign name it is as often a country (…様（インドネシア）)
_KATAKANA_READING_AFTER_HONORIFIC = re.compile(
    rf"{_BEFORE_READING}[（(]([ァ-ヴー・\u30fb \u3000ｦ-ﾟ]+)[）)]"
)
_HIRAGANA_READING = re.compile(
    # 王秀英（おう・しゅうえい）: an interpreter's reading parts a Chinese name with ・
    rf"{_BEFORE_READING}[（(]([ぁ-ゖー]+(?:[ \u3000・][ぁ-ゖー]+)?){_AFTER_READING}"
)


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Cut honorifics, role words, brackets and blanks off the edges of a name span.

    Returns None when nothing of a name is left (the span was only a title).
    A bracket inside the span ends it: ``東海林（ショウジ）`` is two names, the
    reading is found separately by ``reading_after``.
    """
    inner = text[start:end]
    for opener in ("（", "("):
        cut = inner.find(opener)
        if cut > 0:
            end = start + cut
            inner = text[start:end]
    changed = True
    while changed and start < end:
        if text[start:end] in _ROLE_OR_HONORIFIC:
            return None
        changed = False
        while start < end and text[start] in _EDGE_JUNK:
            start, changed = start + 1, True
        while end > start and text[end - 1] in _EDGE_JUNK:
            end, changed = end - 1, True
        if (
            end - start > 2
            and text[start] in _ONE_KANJI_RELATIONS
            and text[start + 1] in _RELATION_GAP
        ):
            start, changed = start + 2, True  # 妻 美和, 孫・大翔: the relation before the name
        # 陳 怡君（チェン・イージュン）さん: 君 is the name's there, さん the title
        keep_kun = NAME_GOES_ON_AFTER_KUN.match(text, end) is not None
        trim = _first_trimmable(text[start:end], keep_kun)
        if trim is not None:
            if trim > 0:
                end = end - trim
            else:
                start = start - trim
            changed = True
    if start >= end or text[start:end] in _ROLE_OR_HONORIFIC:
        return None
    return start, end


#: relation words of one kanji that open a household list's entry before the name
#: (too short for ``ROLE_WORDS``: only with a blank or ・ after them are they cut off)
_ONE_KANJI_RELATIONS = frozenset("妻夫母父孫兄姉弟妹娘")
_RELATION_GAP = frozenset(" \u3000・")


def _first_trimmable(span: str, keep_kun: bool = False) -> int | None:
    """What ``trim_span`` cuts next: the first word of ``_TRIMMABLE`` that ends ``span``
    (its length) or, for a role word, starts it (minus its length), shorter than ``span``.

    The same choice as trying every word in order, the end before the start of the same
    word, with a lookup per word length instead of two string tests per word.
    """
    best: tuple[int, int] | None = None  # (rank, 0 for the end or 1 for the start)
    cut = 0
    n = len(span)
    for length in _TRIM_LENGTHS:
        if length >= n:
            break
        tail = span[n - length :]
        rank = None if keep_kun and tail == "君" else _TRIM_RANK.get(tail)
        if rank is not None and (best is None or (rank, 0) < best):
            best, cut = (rank, 0), length
        rank = _TRIM_ROLE_RANK.get(span[:length])
        if rank is not None and (best is None or (rank, 1) < best):
            best, cut = (rank, 1), -length
    return cut if best is not None else None


#: what makes the word before it a field label's first word (児童氏名, 保護者住所)
_FIELD_AFTER = ("氏名", "住所", "電話番号", "生年月日", "フリガナ")
#: words that open with an honorific's character and are none
_NOT_HONORIFIC = ("氏名", "様式", "様子", "様々", "殿堂")


def honorific_after(text: str, end: int) -> str | None:
    """The honorific right after a span (one blank allowed), if any."""
    rest = text[end : end + 5].lstrip(" \u3000")
    if rest.startswith(_NOT_HONORIFIC) and not rest.startswith("氏名義"):
        return None  # 児童氏名, 世帯主氏名: a field's label, not 氏 after a name
    return next((h for h in HONORIFICS if rest.startswith(h)), None)


def reading_after(
    text: str, end: int, is_name_reading: Callable[[str], bool] | None = None
) -> tuple[int, int] | None:
    """The reading in brackets right after a name: ``山田（ヤマダ）`` → ヤマダ.

    Katakana readings always count. A hiragana one (``翔太（しょうた）``) counts
    only when ``is_name_reading`` knows it as a name: hiragana in brackets
    also glosses ordinary words (``手続き（てつづき）``).
    """
    m = _KATAKANA_READING.match(text, end)
    if m is None and end > 0 and _KANJI_CHAR.match(text[end - 1]):
        m = _KATAKANA_READING_AFTER_HONORIFIC.match(text, end)
    if m is not None and m.group(1).strip(" \u3000・"):
        return m.start(1), m.end(1)
    m = _HIRAGANA_READING.match(text, end)
    if m is not None and is_name_reading is not None and is_name_reading(m.group(1)):
        return m.start(1), m.end(1)
    return None


def _load_not_names() -> frozenset[str]:
    path = Path(__file__).resolve().parent / "data" / "not_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


#: words that are never a name: empty name fields, katakana jobs, spelled letters
NOT_NAMES: frozenset[str] = _load_not_names()


#: ``hard_negative``'s reason for a word of ``data/not_names.txt``
NEVER_A_NAME = "never a name"


def is_never_a_name(span: str) -> bool:
    """A word of ``data/not_names.txt``, blanks and half-width forms (ﾌﾘｶﾞﾅ) folded."""
    folded = unicodedata.normalize("NFKC", span)
    return span in NOT_NAMES or folded.replace(" ", "") in NOT_NAMES


def hard_negative(text: str, start: int, end: int) -> str | None:
    """Why the span is not a person (a company, shop, place, role), or None.

    An honorific right after the span overrides the place rule only: ``松本様``
    is a person although Sudachi calls 松本 a place, but ``田中整形外科様`` is
    still a clinic.
    """
    span = text[start:end]
    if span in _ROLE_OR_HONORIFIC:
        return "role word"
    if is_never_a_name(span):
        return NEVER_A_NAME
    if any(part in KATAKANA_NON_NAME_PARTS for part in _CHAIN_PARTS.split(span)):
        return "organisation word"
    if text.startswith(_FIELD_AFTER, end) and not text.startswith("氏名義", end):
        return "a field label's first word"  # 児童氏名：, 申請者住所：
    after = text[end : end + 12]
    if _ADDRESS_AFTER.match(after):
        return "address"
    if after.startswith(ORG_SUFFIXES):
        return "organisation suffix"
    if _ENDS_IN_TRADE.search(span) and len(span) > 2:
        return "organisation suffix"
    if len(span) > 2 and span.endswith(_LONG_ORG_SUFFIXES):
        return "organisation suffix"  # 戸田内科, 森田クリニック: the clinic, not the doctor
    if _ENDS_IN_OFFICE_UNIT.search(span) and len(span) > 2:
        return "an office's unit"  # 国保賦課係, 市民税課: no surname ends so
    if _ORG_AFTER_A_TRADE.match(unicodedata.normalize("NFKC", after)):
        return "organisation suffix"  # 山本電器, 猪狩石材店, 森田ｸﾘｰﾆﾝｸﾞ: a trade after the name
    before_no_name = next(
        (k for k in range(1, 4) if text[max(0, start - k) : end] in NOT_NAMES), None
    )
    if before_no_name is not None:
        return "never a name"  # 匿名希望さん: the tail of a no-name word
    if after.startswith("内閣") and not after.startswith(("内閣総理", "内閣官房")):
        return "organisation suffix"  # 吉田内閣 is a cabinet; 安倍晋三内閣総理大臣 a person
    if text[start - 1 : start] in ("区", "市", "町", "村", "県", "府", "都", "郡") and start > 1:
        return "place before"
    before = text[max(0, start - 8) : start].rstrip(" \u3000")
    if before.endswith(ORG_PREFIXES):
        return "organisation prefix"
    if (
        after.startswith(PLACE_SUFFIXES)
        and honorific_after(text, end) is None
        and not _HEAD_OF_PLACE.match(after)
    ):
        return "place suffix"
    return None


#: a foreign name in katakana: words joined by ・ or =, initials allowed (ジョン・F・ケネディ)
KATAKANA_CHAIN = re.compile(
    r"(?:[A-Z][.．]?[・･])*[ァ-ヴー]+(?:[・･=＝゠](?:[A-Z][.．]?[・･])*[ァ-ヴー]+)*"
)
_CHAIN_CHARS = re.compile(r"[ァ-ヴー・･=＝゠A-Z.．]+")


def extend_katakana_chain(
    text: str, start: int, end: int, within_word: bool = True
) -> tuple[int, int]:
    """Grow a katakana name to its whole chain: ロペス in アナ・ロペス → アナ・ロペス.

    Foreign names are katakana words joined by ``・`` (or ``=``), sometimes
    with initials; the model and Sudachi often tag only one part of them.
    """
    if not _CHAIN_CHARS.fullmatch(text, start, end):
        return start, end
    lo = start
    while lo > 0 and _CHAIN_CHARS.match(text[lo - 1]):
        lo -= 1
    for m in KATAKANA_CHAIN.finditer(text, lo, min(len(text), end + 64)):
        if m.start() <= start and end <= m.end():
            # without within_word, grow only over whole ・-parts (マイナ|ポータル stays)
            whole = (start == m.start() or text[start - 1] in "・･=＝゠") and (
                end == m.end() or text[end] in "・･=＝゠"
            )
            return (m.start(), m.end()) if within_word or whole else (start, end)
        if m.start() > start:
            break
    return start, end
