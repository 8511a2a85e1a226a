"""PERSON in Japanese call notes: GiNZA, Sudachi, context and name lists, combined.

What it finds: a person's family, given or full name, in kanji, hiragana,
katakana or romaji, and the kana reading written in brackets after a name
(``東海林（ショウジ）``: two spans). See LABELS.md, PERSON.

Why several sources: GiNZA's NER alone finds about 80 % of the names in our
notes. It misses names in kana (speech-to-text writes ``ささきりょうた``),
Sudachi tags ``松本様`` as a place, and neither knows a romaji passport name.
Each source below gives a candidate span a score and a reason; the scores of
one span are combined as independent evidence (noisy-or: 1 − Π(1 − sᵢ)), so
two weak signals agree into a strong one and one weak signal stays below the
analyzer's threshold (0.5):

- ``ginza``: a GiNZA ``Person`` entity (ENE label, mapped explicitly), its
  edges repaired (honorific, particle, bracket cut off);
- ``sudachi``: tokens tagged ``名詞-固有名詞-人名-*``; 姓 + 名 (one blank
  allowed between) compose a full name;
- ``honorific``: 様, さん, 氏, 殿, くん, ちゃん right after the span;
- ``field``: the value of a form field (``氏名：``, ``申出人：``, ``担当：``...);
- ``slot``: the word a transcript puts where a name goes (``お名前は X です``,
  ``X と申します``);
- ``lexicon``: the span splits into a known surname + given name
  (japanese-personal-name-dataset, MIT);
- ``reading``: a katakana reading in brackets follows; the reading itself is
  reported as a second span with the name's score;
- ``simplified_name``, ``pinyin``: a Chinese name in simplified characters
  (``刘洋``) or in toned pinyin (``Liú Jiànguó``), by its script alone
  (``person/chinese_names.py``);
- ``romaji``: two to four Latin words (``WANG Lei``), which need one of the
  above to pass; ``romaji_pair`` when they are a known surname and a known
  given name (``Tanaka Yumi``), not before a block number or a place word.

Hard negatives (``person_spans.hard_negative``) drop a span inside a company,
shop, clinic or place name (``森田組``, ``田中整形外科``, ``千葉県``), and one
that a GiNZA organisation/facility/place entity strictly contains.

Reads the spaCy ``Doc`` Presidio already made (``nlp_artifacts.tokens``): it
never loads a model. That Doc may be of a copy of the note in which the
analyzer blanked stretches with spaces (same length), so token offsets hold
and every text-level rule reads the original note. Without artifacts only the
text-level sources run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.dialogue import SPEAKER_WORDS, dialogue_of
from recognizers.normalize import normalize
from recognizers.person.chinese_names import chinese_name_candidates
from recognizers.person.display_names import display_name_candidates
from recognizers.person.glossed_names import glossed_name_candidates
from recognizers.person.introduced_names import introduced_name_candidates
from recognizers.person.latin_names import LEAD_WORDS, latin_name_candidates
from recognizers.person.learned_names import (
    learned_name_candidates,
    model_enabled,
    token_shapes,
)
from recognizers.person.relation_cues import (
    introduced_kana_candidates,
    relation_candidates,
    spoken_reading_candidates,
)
from recognizers.person.renderings import latin_rendering_after, latin_rendering_before
from recognizers.person.spaced_names import spaced_full_name_candidates
from recognizers.person.spaced_readings import (
    spaced_reading_candidates,
    split_name_and_reading,
)
from recognizers.person.staff_names import role_at_edge, staff_name_candidates
from recognizers.person_lexicon import (
    CJK_SURNAMES,
    FOREIGN_FAMILY_NAMES,
    FOREIGN_GIVEN_NAMES,
    PersonLexicon,
    load_person_lexicon,
    to_hiragana,
)
from recognizers.person_spans import (
    HONORIFICS,
    KATAKANA_CHAIN,
    KATAKANA_NON_NAME_PARTS,
    NAME_GOES_ON_AFTER_KUN,
    NOT_NAMES,
    ORG_SUFFIXES,
    ROLE_BEFORE,
    ROLE_WORDS,
    TITLES_AFTER,
    WEAK_TITLES_AFTER,
    extend_katakana_chain,
    hard_negative,
    honorific_after,
    is_never_a_name,
    reading_after,
    trim_span,
)
from recognizers.span_sets import Covered, contained

_NAME_CHARS = r"\u3005\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb\u4e00-\u9fffA-Za-z"
_NAME_LIKE = re.compile(rf"[{_NAME_CHARS}]+(?:[ \u3000][{_NAME_CHARS}]+){{0,3}}")
_KANA_ONLY = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]+")
_KANA_BEFORE_HONORIFIC = re.compile(
    # 様 opens words too (様々, 様子, 様な): only as a suffix it is an honorific
    r"([\u3041-\u3096\u30a1-\u30fa\u30fc]{2,})(?:くん|ちゃん|さん|様(?![々子変式相なに]))"
)
_KANA_PARTICLES = frozenset("のはがをにともでへや")
_HONORIFIC_KANA: tuple[str, ...] = ("さん", "さま", "くん", "ちゃん", "どの", "し")
#: a nickname whose stem ends in a doubled consonant cannot stand without its honorific
#: (たっくん, なっちゃん, みっちゃん): the whole of it is the name a chat displays
_NICKNAME = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]{1,3}[っッ](?:くん|ちゃん|クン|チャン)")
#: 名前は美咲で, written without the blank a transcript puts after the trigger
_TIGHT_SLOT = re.compile(
    r"(?:お?名前|氏名|名札)(?:は|が)(?![ \u3000])「?"
    # all kanji or all kana: 伺えず (a verb) is neither
    r"([\u4e00-\u9fff\u3005]{1,4}|[\u3041-\u3096]{2,6}|[\u30a1-\u30fa\u30fc]{2,8})"
    r"(?=」|です|でございます|と申します|と言います|で[、。 ]|[、。 \u3000\n]|$)"
)
#: 「まさお」とだけ名乗る, 「田中」と名乗った: the name a person gave
_GAVE_NAME = re.compile(
    r"「([\u4e00-\u9fff\u3005]{1,4}|[\u3041-\u3096]{2,6}|[\u30a1-\u30fa\u30fc]{2,8})」"
    r"と(?:だけ)?(?:名乗|名前を)"
)
_NOT_PERSON_OWNERS: tuple[str, ...] = (
    "施設の", "会社の", "店の", "建物の", "団体の", "事業所の", "商品の", "制度の", "課の",
    "公園の", "犬の", "猫の", "ペットの", "病院の", "学校の", "番組の", "アプリの",
)  # fmt: skip
#: last characters of facility, organisation and place names (市民会館, 北署)
_PLACE_OR_BODY_END = frozenset("館所課会店園院校署局社団寺駅場室部庁港橋線")
#: what follows 名前は when no name is given
_NOT_A_NAME_ANSWER = frozenset(
    {
        "不明",
        "未定",
        "未記入",
        "確認中",
        "非公開",
        "匿名",
        "不詳",
        "なし",
        "無し",
        "伏せ",
        "空欄",
        "同じ",
    }
)
#: an answering turn: fillers and assent, then the name-like words it starts with
_ANSWER = re.compile(
    r"[\s、。,「」]*(?:(?:はい|ええ|えー+|えっと|えーと|あの[ー]*|あ[ー]*|うん|そう|まあ)[\s、。,ー]*)*"
    rf"(?P<name>[{_NAME_CHARS}]{{1,12}}(?:[ \u3000][{_NAME_CHARS}]{{1,8}})?)"
)
#: how a municipality's name ends (左京区, 豊中市): a span starting with one is a place
_MUNICIPALITY_ENDS = frozenset("市区郡県都府")
#: a name that is itself in Latin letters has no Latin rendering beside it
_LATIN_START = re.compile(r"[A-Za-z\u00C0-\u024F]")
#: what follows romaji that names a place, not a person (Minami Aoyama 2-3, Kita Senju Station)
_ROMAJI_PLACE_AFTER = re.compile(
    r"[ \u3000]*(?:[-‐,]?[ \u3000]*\d|-(?:chome|cho|machi|ku|shi)\b|"
    r"(?:City|Ward|Town|Station|Sta\.|Park|Street|St\.|Dori|Avenue|Bldg|Building)\b)"
)
#: a name is written in one script: kanji, hiragana, katakana or Latin (blank allowed)
_ONE_SCRIPT_NAME = re.compile(
    r"[\u4e00-\u9fff\u3005]{1,4}(?:[ \u3000][\u4e00-\u9fff\u3005]{1,4})?"
    r"|[\u3041-\u3096ー]{2,8}(?:[ \u3000][\u3041-\u3096ー]{2,8})?"
    # ヨシ子, ふさ江: a kana stem and the kanji of an older woman's given name
    r"|[\u3041-\u3096\u30a1-\u30fa]{1,3}[子江代枝恵世乃]"
    r"|[\u30a1-\u30fa\u30fc・]{2,16}(?:[ \u3000][\u30a1-\u30fa\u30fc]{2,12})?"
    r"|[A-Za-z][A-Za-z'\-]+(?:[ \u3000][A-Za-z][A-Za-z'\-]+){0,3}"
)
_ANSWER_TAILS: tuple[str, ...] = (
    "でございます", "と申します", "といいます", "と言います", "っていいます", "です", "で",
    "だよ", "だ", "や", "じゃ", "やけど", "ですけど",
)  # fmt: skip
#: answers that are no name: assent, refusal, questions back
_ANSWER_NOT_NAMES = frozenset(
    {
        "はい", "いいえ", "いえ", "わかりました", "分かりました", "すみません", "ちょっと",
        "名前", "本人", "私", "わたし", "僕", "ぼく", "俺", "主人", "家内", "母", "父", "娘",
        "息子", "妻", "夫", "うち", "それ", "あれ", "なに", "何", "どうして", "結構",
    }
)  # fmt: skip
_STAFF = re.compile(
    r"(?:担当者?|対応者|受付者)(?:の|は|[：:])?[ \u3000]?([\u4e00-\u9fff\u3005]{2,3})"
    r"(?=[にへがのはからまで、。 \u3000\n）)]|$)"
)
#: a short kanji word right before さん/様/氏, the word alone (no kanji before it)
_KANJI_BEFORE_HONORIFIC = re.compile(
    r"(?<![\u4e00-\u9fff\u3005ヶ])([\u4e00-\u9fff\u3005ヶ]{2,3})[ \u3000]?"
    r"(?:さん|様(?![々子変式相なに])|氏(?!名))"
)
#: the last kanji of a word for a role, trade or group, not a name (大家, 業者, 八百屋, 会長)
_ROLE_END_KANJI = frozenset("屋者員長人師士手家主方生達族局課係所店社会部班団様君女")
#: kanji that make a word with 様 (仕様, 模様, 同様, 多様): no honorific there
_SAMA_WORD_KANJI = frozenset("仕模同多異左一今貴")
#: words that take さん/様 without being names (みなさん, 神様, お客様)
_NOT_NAMES_BEFORE_HONORIFIC = frozenset(
    {"みな", "みんな", "皆", "神", "仏", "客", "お客", "奥", "隣", "大家"}
)
#: kanji words before an honorific that address or name a relation, a trade or a thing
KANJI_NOT_NAMES: frozenset[str] = _NOT_NAMES_BEFORE_HONORIFIC | frozenset(
    {
        "皆様", "奥様", "娘", "息子", "母", "父", "姉", "妹", "兄", "弟", "祖母",
        "祖父", "孫", "嫁", "婿", "旦那", "主人", "亭主", "相手", "先方", "近所", "隣人",
        "王", "殿", "仏様", "神様", "王様", "殿様", "患者", "利用", "本人",
        "当人", "子供", "子ども", "赤", "坊", "大工", "医者", "歯医者", "床屋", "警察", "役所",
        "市役所", "区役所", "保健所", "病院", "学校", "保育園", "幼稚園", "銀行", "郵便",
        "家主", "家族", "親戚", "親族", "身内", "友達", "友人", "知人", "同僚", "上司",
        "部下", "先輩", "後輩", "担当", "職員", "相談", "民生", "委員", "業者", "運転", "配達",
        "宅配", "新聞", "電気", "水道", "ガス", "工事", "管理", "町内", "自治", "地域", "包括",
        "施設", "事業", "包括支援", "居宅", "訪問", "看護", "介護", "福祉", "弁護", "税理",
        "行政", "司法", "民生委", "各位", "御中", "一同", "全員",
    }
)  # fmt: skip
#: a member of staff named after their section or role: 資産税課 有村（内線…）,
#: 市民税課の森永です, コールセンター小野寺でございます, 婦人相談員白石が同行
_DEPT_STAFF = re.compile(
    r"(?:課|係|室|センター|包括|相談員|委員|支援員|専門員|主査|主任|主事|係長|課長|保健師|"
    r"看護師|ワーカー|ケアマネジャー|ケアマネ)(?:の|[：:])?[ \u3000]?([\u4e00-\u9fff\u3005]{1,3})"
    r"(?=です|でございます|から|より|へ|に(?:引|依頼|連絡|確認|交代|代わ)|"
    r"が(?:同行|対応|担当|訪問|確認)|[（(]内線|[ \u3000]*(?:\n|$)|[、。→])"
)
#: right after a word of an e-mail address or a domain (taro@, yamada.hanako), not a
#: sentence's full stop (… em tên là Nguyễn Thị Lan.)
_MAIL_OR_DOMAIN_AFTER = re.compile(r"@|\.[A-Za-z0-9]")
_SPACED_KANA_WORD = re.compile(r"[ \u3000]([\u3041-\u3096\u30a1-\u30fa\u30fc]{2,12})")
#: kana words before an honorific that address or name a relation, not a person
_KANA_NOT_NAMES: tuple[str, ...] = (
    "みな", "みんな", "あなた", "おく", "おくさ", "だんな", "おかあ", "かあ", "おとう", "とう",
    "おばあ", "ばあ", "おじい", "じい", "おねえ", "ねえ", "おにい", "にい", "おじ", "おば",
    "あか", "むすこ", "むすめ", "おきゃく", "きゃく", "おまわり", "おいしゃ", "かんごし",
    "おひめ", "おうじ", "おとなり", "となり", "おこ", "まご", "いとこ", "わたし", "ぼく",
    "たく", "はさ", "など",  # たくさん, はさんで, など様々
)  # fmt: skip
_SPACE = " \u3000"
#: one-kana particles that end many kana given names too (けんと, あやの, ゆうか)
_PARTICLE_KANA = frozenset("とのにか")
#: what ends an utterance after a name said last
_UTTERANCE_END = frozenset("\n。．.、,！!？?」』）) \u3000…")
#: kanji numerals and spoken digits read out as kana: a number, never a name
#: numbers written or read out, in kanji, katakana or hiragana (じゅうさん is 13, not
#: じゅう + the honorific さん)
_NUMBER_WORDS = re.compile(
    r"(?:[〇一二三四五六七八九十百千 \u3000]|ゼロ|イチ|ニー|ニ|サン|ヨン|ゴー|ゴ|ロク|ナナ|ハチ"
    r"|キュー|キュウ|マル|レイ|の|ジュウ|ヒャク|ビャク|ピャク|ゼン|セン"
    r"|ぜろ|いち|にー|さん|よん|ごー|ろく|なな|はち|きゅう|きゅー|じゅう|じゅっ|ひゃく|びゃく"
    r"|ぴゃく|せん|ぜん|ろっ|はっ|いっ)+"
)
_HONORIFIC_TOKENS = frozenset({"様", "さん", "氏", "殿", "くん", "君", "ちゃん"})
_KATAKANA_WORD = re.compile(r"[ァ-ヴー]+")
_CJK_NAME = re.compile(r"(?<![\u4e00-\u9fff\u3005])[\u4e00-\u9fff]{3}(?![\u4e00-\u9fff\u3005])")
_LIST_SEPARATORS = ("、", "・", "や", "と")
_REGNAL = re.compile(r"[0-9０-９一二三四五六七八九十]{1,3}世")
_KANJI = re.compile(r"[\u4e00-\u9fff\u3005]")
_KANJI_RUN = re.compile(r"[\u4e00-\u9fff\u3005]+")
#: one-kanji words that follow a name without being part of it
_NOT_NAME_KANJI = frozenset(
    "様氏殿君家派軍党社組会役王帝公卿侯伯妃等ら達側邸宅製作著編訳"
    "市県府都区町村郡駅線港川山島橋寺城館園場所局課署店院校書証票表料金費額税法制度的性化者員長"
)
_DIGIT = re.compile(r"[0-9０-９@＠]")
#: last kanji of a place, domain, site or period word that Sudachi may still tag
#: as a surname (林庄, 村松藩, 青木葉峠, 黎明期): without the model or a
#: person's context around it, such a word is not a name (not 寺, 島, 屋, 間: 小野寺, 土屋)
_PLACE_END_KANJI = frozenset("庄峠藩跡期湾岬年")
#: ordinary words Sudachi's dictionary also lists as surnames
_WORDS_NOT_NAMES = frozenset({"見方", "数人"})
#: evidence that a person is meant whatever the word looks like
_PERSON_CONTEXT = frozenset(
    {"ginza", "honorific", "name_run", "field", "reading_field", "title", "reading", "slot_strong"}
)
#: occupations an encyclopedia's opening sentence gives a person (X（…）は、日本の女優である)
_PERSON_ROLES = (
    "女優|俳優|歌手|声優|タレント|政治家|作家|小説家|漫画家|画家|写真家|作曲家|編曲家|作詞家"
    "|音楽家|演出家|脚本家|映画監督|アナウンサー|実業家|哲学者|数学者|物理学者|化学者|経済学者"
    "|学者|研究者|医師|弁護士|軍人|武将|大名|僧|僧侶|騎手|棋士|力士|野球選手|サッカー選手|選手"
    "|ミュージシャン|ギタリスト|ベーシスト|ドラマー|ピアニスト|指揮者|芸人|お笑い芸人|モデル"
    "|アイドル|評論家|詩人|歌人|俳人|翻訳家|建築家|デザイナー|イラストレーター|プロデューサー"
    "|外交官|官僚|貴族|皇帝|国王|公家|教授|ジャーナリスト|キャスター|プロレスラー|レスラー"
    "|ボクサー|柔道家|空手家|格闘家|宗教家|思想家|教育者|活動家|人物|君主|王族|皇族|投手"
    "|内野手|外野手|捕手|ゴルファー|彫刻家|陶芸家|書家|落語家|コメディアン|司会者|官吏|武士"
    "|藩主|歌舞伎役者|子役"
)
#: after the name: an optional bracket (reading, dates), は, then the person's occupation
_ROLE_SENTENCE = re.compile(
    r"[ \u3000]?(?:[（(][^）)\n]{0,60}[）)])?は、?[^。\n]{0,40}?"
    rf"(?:{_PERSON_ROLES})(?:である|であり|であった|だった|。|で、|、|[（(])"
)


@dataclass
class _Candidate:
    start: int
    end: int
    evidence: dict[str, float] = field(default_factory=dict)

    def add(self, source: str, score: float) -> None:
        self.evidence[source] = max(score, self.evidence.get(source, 0.0))

    @property
    def score(self) -> float:
        miss = 1.0
        for s in self.evidence.values():
            miss *= 1.0 - s
        return round(1.0 - miss, 4)


#: sources whose span is the name exactly, cut where a role or title word meets it
_STAFF_CUES = frozenset({"staff_role", "staff_title", "staff_mark"})


class JpPersonRecognizer(EntityRecognizer):
    """Combines GiNZA, Sudachi POS, honorific/field/transcript context and name lists."""

    ENTITY: ClassVar[str] = "PERSON"
    #: GiNZA ENE labels that are a person. Explicit: a new model's label never leaks in.
    GINZA_PERSON_LABELS: ClassVar[frozenset[str]] = frozenset({"Person"})
    #: GiNZA ENE labels of organisations, facilities and places: a candidate strictly
    #: inside one (田中 in 田中整形外科) is not a person.
    GINZA_NON_PERSON_LABELS: ClassVar[frozenset[str]] = frozenset(
        {
            "Company",
            "Company_Group",
            "Corporation_Other",
            "Organization_Other",
            "Government",
            "Political_Party",
            "Political_Organization_Other",
            "Public_Institution",
            "Institute",
            "School",
            "Show_Organization",
            "Sports_Organization",
            "Pro_Sports_Organization",
            "International_Organization",
            "Military",
            "Facility_Other",
            "Facility_Part",
            "GOE_Other",
            "Medical_Institution",
            "Research_Institute",
            "Worship_Place",
            "Station",
            "Airport",
            "Port",
            "Car_Stop",
            "Road",
            "Railroad",
            "Bridge",
            "Park",
            "Museum",
            "Theater",
            "Sports_Facility",
            "Amusement_Park",
            "City",
            "Province",
            "County",
            "Country",
            "GPE_Other",
            "Location_Other",
            "Domestic_Region",
            "Region_Other",
            "Mountain",
            "River",
            "Lake",
            "Island",
            "Postal_Address",
            "Product_Other",
            "Award",
        }
    )
    #: form-field labels whose value is a person's name
    CONTEXT: ClassVar[Sequence[str]] = (
        "氏名",
        "表示名",
        "ニックネーム",
        "アカウント名",
        "お名前",
        "名前",
        "申出人",
        "申請者",
        "担当",
        "担当者",
        "対応者",
        "相談者",
        "対象者",
        "保護者",
        "届出人",
        "被相続人",
        "相続人代表",
        "相続人",
        "受給者",
        "請求者",
        "児童氏名",
        "世帯主",
        "代理人",
        "英字氏名",
        "契約者",
        "名義人",
        "通報者",
        "依頼者",
    )
    #: phrases after which a transcript says a name (then a blank, then the name)
    SLOT_TRIGGERS: ClassVar[Sequence[str]] = (
        r"お?名前\S{0,12}",
        r"氏名\S{0,6}",
        r"お願いします",
        r"(?:母|父|妻|夫|息子|娘|子供?)(?:の名前)?は",
    )
    #: kana for a name read out, in form fields
    READING_FIELDS: ClassVar[Sequence[str]] = (
        "フリガナ",
        "ふりがな",
        "カナ",
        "よみがな",
        "カナ氏名",
        "名義",
    )

    #: candidates below this are not reported at all (the analyzer's threshold is higher)
    REPORT_FLOOR: ClassVar[float] = 0.3
    #: a name scored this high takes any kana reading in brackets after it
    READING_TRUST: ClassVar[float] = 0.5
    SCORES: ClassVar[dict[str, float]] = {
        "ginza": 0.38,
        "sudachi_full": 0.6,
        "sudachi_part": 0.4,
        "sudachi_one_kanji": 0.2,
        "topic": 0.2,
        "particle": 0.17,
        "genitive": 0.1,
        "repeated": 0.3,
        "honorific": 0.45,
        "name_run": 0.2,
        "field": 0.8,
        "reading_field": 0.85,
        "slot_strong": 0.45,
        "slot_spaced": 0.45,
        "slot_weak": 0.2,
        "moshimasu": 0.5,
        "lexicon_full": 0.4,
        "romaji_pair": 0.3,
        "lexicon_part": 0.2,
        "reading": 0.45,
        "romaji": 0.15,
        "kata_chain": 0.4,
        "name_part_chain": 0.2,
        "name_part": 0.2,
        "kata_word": 0.1,
        "regnal": 0.5,
        "weak_title": 0.25,
        "role_before": 0.3,
        "role_sentence": 0.35,
        "coordinated": 0.3,
        "foreign_given": 0.35,
        "foreign_name": 0.35,
        "title": 0.45,
        "cjk_name": 0.4,
        "surname_plus": 0.25,
        "staff": 0.35,
        "dept_staff": 0.5,
        "dept_staff_unknown": 0.3,
        "introduced": 0.6,
        "other_name": 0.55,
        "relation": 0.55,
        "self_named": 0.5,
        "glossed": 0.55,
        "staff_mark": 0.55,
        "staff_role": 0.55,
        "introduced_kana": 0.55,
        "spaced_full_name": 0.5,
        "staff_title": 0.55,
        "interpreter": 0.55,
        "spoken_reading": 0.55,
        "spaced_reading": 0.55,
        "kanji_honorific": 0.25,
        "slot_tight": 0.55,
        "dialogue_answer": 0.38,
        # the character CRF (person/learned_names.py): 0.5 when confident, else 0.15
        "learned": 0.5,
    }

    def __init__(
        self,
        context: list[str] | None = None,
        lexicon: PersonLexicon | None = None,
        supported_language: str = "ja",
        name: str | None = None,
        learned: bool | None = None,
    ) -> None:
        self.lexicon = lexicon if lexicon is not None else load_person_lexicon()
        #: the learned name model as one more source; None: REDACTOR_PERSON_MODEL decides
        self.learned = model_enabled() if learned is None else learned
        self._label: str = name or type(self).__name__
        super().__init__(
            supported_entities=[self.ENTITY],
            name=self._label,
            supported_language=supported_language,
            context=context if context is not None else list(self.CONTEXT),
        )
        fields = "|".join(sorted(map(re.escape, self.context), key=len, reverse=True))
        self._field_re = re.compile(
            rf"(?:^|(?<=[\s。、・）)]))(?:{fields})[ \u3000]*[：:][ \u3000]*([^\n\r（(、。,：:]+)"
        )
        # a form's table or OCR layout: the label at a line start, then a bar, a tab,
        # blanks or a line break before the value (| 氏名 | グエン ティ ハー |, 氏名 小鳥遊)
        self._form_field_re = re.compile(
            rf"^[ \u3000|｜]*(?:{fields})[ \u3000]*(?:[|｜\t]|[ \u3000]+|\n)[ \u3000|｜]*"
            r"(?![はがをにもとでの])([^\n\r（(、。,：:|｜]+)",
            re.MULTILINE,
        )
        readings = "|".join(map(re.escape, self.READING_FIELDS))
        self._reading_field_re = re.compile(
            # 氏名（カナ）：, 口座名義（カナ）： as well as フリガナ： and, in tables and
            # scanned forms, フリガナ | ｸﾞｴﾝ, ﾌﾘｶﾞﾅ ﾀｶﾅｼ, おなまえ（カナ）⏎ｴﾝﾄﾞｳ
            rf"(?:{readings})[）)]?[ \u3000]*(?:[：:|｜\t]|(?<=[^ \u3000])[ \u3000]+|\n)"
            r"[ \u3000|｜]*([ァ-ヴー]+(?:[・ \u3000\n][ァ-ヴー]+){0,3})(?![ァ-ヴー・])",
            re.MULTILINE,
        )
        triggers = "|".join(self.SLOT_TRIGGERS)
        self._slot_re = re.compile(rf"(?:{triggers})[ \u3000]+(\S+)")
        self._slot_word_re = re.compile(rf"[{_NAME_CHARS}]+")
        self._moshimasu_re = re.compile(r"(?:^|[\s、。])(\S{2,12}?)と申します")
        #: ふさえっていいます, 森と言います: weaker than と申します (a thing is called so
        #: too), so the word must be a name the lists know
        self._iimasu_re = re.compile(
            r"(?:^|(?<=[\s、。「]))([\u4e00-\u9fff\u3005\u3041-\u3096\u30a1-\u30fa\u30fc]{1,8}?)"
            r"(?:って|と)(?:いい|言い)(?:ます|まして)"
        )
        self._romaji_re = re.compile(
            # not \b: a Japanese letter is a word character too (WANG Lei様)
            r"(?<![A-Za-z])[A-Z][A-Za-z'\-]+(?: (?:[A-Z]\.|[A-Z][A-Za-z'\-]+)){0,3}"
            r" [A-Z][A-Za-z'\-]+(?![A-Za-z])"
        )

    def load(self) -> None:
        """Nothing to load: the lexicon comes in through ``__init__``."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        cands: dict[tuple[int, int], _Candidate] = {}

        spoken = _spoken_number_positions(text)

        def add(
            start: int,
            end: int,
            source: str,
            score: float | None = None,
            chain: bool = True,
            trim: bool = True,
        ) -> None:
            if spoken and any(spoken[k] for k in range(start, end)):
                return  # じゅうさん, ななちょうめ: a number read out, not a name
            if source == "regnal":  # ジョージ6世: the only name that holds a digit
                cands.setdefault((start, end), _Candidate(start, end)).add(
                    source, self.SCORES[source]
                )
                return
            grown = extend_katakana_chain(text, start, end) if chain else (start, end)
            span = trim_span(text, *grown) if trim else grown
            if (
                span is None
                or _DIGIT.search(text, span[0], span[1])
                or _NUMBER_WORDS.fullmatch(text, *span)
                or _MAIL_OR_DOMAIN_AFTER.match(text, span[1])
            ):
                return
            cand = cands.setdefault(span, _Candidate(*span))
            cand.add(source, self.SCORES[source] if score is None else score)

        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        blockers: list[tuple[int, int]] = []
        if doc is not None:
            blockers = self._ginza_candidates(text, doc, add)
            self._sudachi_candidates(text, doc, add)
            self._honorific_candidates(doc, add)
        self._field_candidates(text, add)
        self._kana_before_honorific_candidates(text, add)
        self._staff_candidates(text, add)
        self._slot_candidates(text, add)
        self._dialogue_candidates(text, add)
        self._romaji_candidates(text, add)
        for latin in latin_name_candidates(text):
            add(latin.start, latin.end, latin.source, latin.score, chain=False)
        for introduced in introduced_name_candidates(text):
            # 我叫陳怡君: 君 ends a Chinese given name here, no honorific to trim
            add(
                introduced.start,
                introduced.end,
                introduced.source,
                introduced.score,
                chain=False,
                trim=False,
            )
        lex = self.lexicon
        for cue in [
            *relation_candidates(text, lambda w: lex.is_given(w)),
            *introduced_kana_candidates(text, lex.is_surname),
            *spaced_full_name_candidates(text, lex.is_surname, lex.is_given),
            *spoken_reading_candidates(
                text,
                lambda w: lex.is_surname(w) or lex.is_given(w),
                self._is_name_reading,
                _reads_as(doc),
            ),
            *glossed_name_candidates(text, self._is_name_reading),
            *spaced_reading_candidates(text, lex.is_surname, lex.is_given),
            *chinese_name_candidates(text),
            *display_name_candidates(text, _is_speaker_word, _never_a_name),
            *staff_name_candidates(
                text, *self._name_and_place_tests(text, doc), lex.is_romaji_part
            ),
        ]:
            # たっくん, なっちゃん: a nickname made with its honorific keeps it
            whole = cue.source == "display_name" and _NICKNAME.fullmatch(text, cue.start, cue.end)
            add(cue.start, cue.end, cue.source, cue.score, chain=False, trim=not whole)
        places = (
            {(t.idx, t.idx + len(t.text)) for t in doc if "地名" in t.tag_}
            if doc is not None
            else set()
        )
        self._katakana_candidates(text, add, places)
        self._kanji_before_honorific_candidates(text, add, places)
        self._cjk_candidates(text, add)
        if self.learned:  # last: it only confirms the other sources' spans or fills gaps
            shapes = (
                token_shapes(
                    (t.idx, t.idx + len(t.text), t.tag_, text[t.idx : t.idx + len(t.text)])
                    for t in doc
                )
                if doc is not None
                else None
            )
            for found in learned_name_candidates(
                text, lex.is_surname, lex.is_given, cands.keys(), shapes=shapes
            ):
                add(found.start, found.end, found.source, found.score, chain=False)
        municipalities = (
            {
                t.idx: t.idx + len(t.text)
                for t in doc
                if "地名" in t.tag_ and len(t.text) >= 2 and t.text[-1] in _MUNICIPALITY_ENDS
            }
            if doc is not None
            else {}
        )
        for key, cand in list(cands.items()):
            if cand.start in municipalities and cand.end >= municipalities[cand.start]:
                del cands[key]  # 左京区しもがも: a ward and its town read out, no name
                continue
            self._context_evidence(text, cand)
        kept = self._resolve(text, cands.values(), blockers)
        return self._to_results(text, kept, places)

    # --- evidence sources -------------------------------------------------------------

    def _ginza_candidates(self, text: str, doc: Any, add: Any) -> list[tuple[int, int]]:
        """GiNZA's Person entities (edges repaired), and the spans of non-person entities."""
        blockers: list[tuple[int, int]] = []
        for ent in doc.ents:
            if ent.label_ in self.GINZA_PERSON_LABELS:
                tokens = list(ent)
                while tokens and not _is_name_token(tokens[-1]):
                    tokens.pop()
                while tokens and not _is_name_token(tokens[0]):
                    tokens.pop(0)
                if tokens and _looks_like_person_ent(tokens, self.lexicon):
                    last = _extend_kanji_name(doc, tokens[-1].i + 1) - 1
                    start, end = tokens[0].idx, doc[last].idx + len(doc[last].text)
                    add(start, end, "ginza")
                    if len(tokens) == 1 and "人名" not in tokens[0].tag_:
                        self._lexicon_evidence(text, start, end, add)
            elif ent.label_ in self.GINZA_NON_PERSON_LABELS:
                blockers.append((ent.start_char, ent.end_char))
        return blockers

    def _sudachi_candidates(self, text: str, doc: Any, add: Any) -> None:
        """Runs of Sudachi 人名 tokens; 姓 followed by 名 is a full name."""
        tokens = list(doc)
        i = 0
        while i < len(tokens):
            tag = tokens[i].tag_
            if "人名" not in tag:
                i += 1
                continue
            j = i + 1
            while j < len(tokens):
                t = tokens[j]
                if (
                    "人名" in t.tag_
                    or (t.text == "・" and j + 1 < len(tokens) and _katakana_name(tokens[j + 1]))
                    or (
                        t.text.strip(_SPACE) == ""
                        and "\n" not in t.text
                        and j + 1 < len(tokens)
                        and "人名" in tokens[j + 1].tag_
                        and "姓" in tokens[j - 1].tag_
                    )
                    or (_katakana_name(t) and tokens[j - 1].text == "・")
                ):
                    j += 1
                else:
                    break
            j = _extend_kanji_name(tokens, j)
            run = tokens[i:j]
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            if self._given_cut_before_particle(text, run[-1], end):
                end += 1  # けん|と at the end of the turn: the given name けんと
            name_tags = [t.tag_ for t in run if "人名" in t.tag_]
            full = (
                (
                    any(t.endswith("姓") for t in name_tags)
                    and any(t.endswith("名") for t in name_tags)
                )
                or (len(name_tags) >= 2 and any(t.text == "・" for t in run))
                # Sudachi's 人名-一般 on a kanji word is a whole famous name (手塚治虫, 李斯)
                or any(
                    t.tag_.endswith("人名-一般") and len(t.text) >= 2 and _KANJI.match(t.text)
                    for t in run
                )
            )
            # no katakana growth here: Sudachi split マイナ|ポータル on purpose
            if full:
                add(start, end, "sudachi_full", chain=False)
            else:
                add(
                    start,
                    end,
                    "sudachi_one_kanji" if end - start == 1 else "sudachi_part",
                    chain=False,
                )
            if not full:
                self._extend_with_kana_given(text, start, end, add)
                if name_tags and name_tags[-1].endswith("姓"):
                    self._extend_with_unknown_given(text, doc, j, start, add)
            i = j

    def _given_cut_before_particle(self, text: str, last: Any, end: int) -> bool:
        """Sudachi read a kana given name's last kana as a particle (けん|と, あや|の).

        Only where nothing follows the kana but the end of the utterance: 健とは
        is a name and a particle, けんと said last a name.
        """
        if not (last.tag_.endswith("人名-名") and _KANA_ONLY.fullmatch(last.text)):
            return False
        if end >= len(text) or text[end] not in _PARTICLE_KANA:
            return False
        after = text[end + 1 : end + 2]
        return (after == "" or after in _UTTERANCE_END) and self.lexicon.is_given(
            last.text + text[end]
        )

    def _honorific_candidates(self, doc: Any, add: Any) -> None:
        """The proper nouns right before 様/さん/氏...: Sudachi calls 松本 in 松本様 a place."""
        for k, token in enumerate(doc):
            if k == 0 or token.text not in _HONORIFIC_TOKENS:
                continue
            j = k
            while j > 0 and k - j < 4:
                prev = doc[j - 1]
                if self._name_like_token(prev, child=token.text in ("くん", "ちゃん")) or (
                    prev.text in (" ", "\u3000") and 1 < j < k and self._name_like_token(doc[j - 2])
                ):
                    j -= 1
                else:
                    break
            if j < k:
                add(doc[j].idx, token.idx, "name_run", chain=False)

    def _name_like_token(self, token: Any, child: bool = False) -> bool:
        """Part of a name before an honorific; a one-kanji given name only before くん/ちゃん."""
        tag: str = token.tag_
        text: str = token.text
        if text in _NOT_NAMES_BEFORE_HONORIFIC:
            return False
        in_lexicon = (len(text) >= 2 or child) and (
            self.lexicon.is_surname(text) or self.lexicon.is_given(text)
        )
        return "固有名詞" in tag or in_lexicon or text == "・"

    def _extend_with_unknown_given(self, text: str, doc: Any, j: int, start: int, add: Any) -> None:
        """A surname followed by a short word Sudachi does not know as a name (樋口聖典).

        Up to three kanji or four katakana, then the end of the word; never a
        title, role, place or organisation word (山田課長, 田中工務店).
        """
        k, chars = j, ""
        while k < len(doc) and len(chars) < 4:
            t = doc[k]
            if (
                t.tag_.startswith(("助詞", "助動詞", "補助記号", "空白", "接尾辞"))
                or "人名" in t.tag_
            ):
                break
            if not (_KANJI_RUN.fullmatch(t.text) or _KATAKANA_WORD.fullmatch(t.text)):
                break
            chars += t.text
            k += 1
        if (
            not chars
            or k >= len(doc)
            or _KANJI.match(doc[k].text)
            or _KATAKANA_WORD.match(doc[k].text)
        ):
            return
        limit = 3 if _KANJI_RUN.fullmatch(chars) else 4
        if len(chars) > limit or not (
            _KANJI_RUN.fullmatch(chars) or _KATAKANA_WORD.fullmatch(chars)
        ):
            return
        end = doc[k - 1].idx + len(doc[k - 1].text)
        kun_of_name = chars[-1] == "君" and NAME_GOES_ON_AFTER_KUN.match(text, end) is not None
        if (
            (chars[-1] in _NOT_NAME_KANJI and not kun_of_name)
            or chars in KATAKANA_NON_NAME_PARTS
            or any(
                chars.startswith(w)
                for w in TITLES_AFTER + WEAK_TITLES_AFTER + ROLE_WORDS + ORG_SUFFIXES
            )
        ):
            return
        add(start, end, "surname_plus", chain=False)

    def _extend_with_kana_given(self, text: str, start: int, end: int, add: Any) -> None:
        """A surname followed by a given name in kana Sudachi did not tag (大野ひなた)."""
        m = _KANA_ONLY.match(text, end)
        if m is None or not self.lexicon.is_surname(text[start:end]):
            return
        given = m.group(0)
        if given.startswith(_HONORIFIC_KANA):
            return  # 佐藤さんと: an honorific and a particle, not a given name
        for cut in range(len(given), 1, -1):
            if self.lexicon.is_given(given[:cut]):
                add(start, end + cut, "lexicon_full")
                return

    def _kana_before_honorific_candidates(self, text: str, add: Any) -> None:
        """A kana name glued to its honorific in a transcript (はるとくん, ゆうとくんの).

        Sudachi cuts such runs into particles and stems (ゆう + と), so the token
        rules miss them. The name is the longest known given name or surname at
        the end of the kana run before the honorific, and it must start the run
        or follow a particle (お子さんのゆうとくん): a name in the middle of a
        word (おとうさん → とう) is not one. Kinship and address words
        (みなさん, おくさん) are never names.
        """
        for m in _KANA_BEFORE_HONORIFIC.finditer(text):
            run = m.group(1)
            if run.endswith(_KANA_NOT_NAMES):
                continue
            for cut in range(max(0, len(run) - 8), len(run) - 1):
                word = run[cut:]
                if cut > 0 and run[cut - 1] not in _KANA_PARTICLES:
                    continue
                if self.lexicon.is_given(word) or self.lexicon.is_surname(word):
                    add(m.start(1) + cut, m.end(1), "name_run", chain=False)
                    break

    def _kanji_before_honorific_candidates(
        self, text: str, add: Any, places: set[tuple[int, int]]
    ) -> None:
        """A kanji word no dictionary knows, glued to さん/様 (大鋸さん, 一番ヶ瀬様).

        Rare surnames are what the lists miss, and 様 or さん after a short kanji
        word is a name's mark more often than not. Words for roles, trades,
        family and address (大家さん, 八百屋さん, 娘さん, お客様) are not: they
        start with お/ご, end in a role kanji, or stand in ``KANJI_NOT_NAMES``;
        nor is a word Sudachi reads as a place.
        Weak alone: the honorific itself is the second piece of evidence.
        """
        for m in _KANJI_BEFORE_HONORIFIC.finditer(text):
            word = m.group(1)
            after = text[m.end(1) : m.end()].strip(" \u3000")
            nxt = text[m.end() : m.end() + 1]
            if (
                # さんさんテレビ: kana running on is a word, not an honorific and a particle
                (_KANA_CHAR.match(nxt) and nxt not in "はがのにをともへでやかよね")
                or word[-1] in _ROLE_END_KANJI
                or (after == "様" and word[-1] in _SAMA_WORD_KANJI)
                or word in KANJI_NOT_NAMES
                or word in NOT_NAMES
                or (m.start(1), m.end(1)) in places  # Sudachi reads a place
                or text[max(0, m.start(1) - 1) : m.start(1)] in ("お", "ご", "御")
            ):
                continue
            add(m.start(1), m.end(1), "kanji_honorific", chain=False)

    def _staff_candidates(self, text: str, add: Any) -> None:
        """The member of staff a case goes to: ``担当の岡田に引き継ぎ``.

        Sudachi often tags such a surname as a place (岡田 in 担当の岡田), so
        the token rules miss it; a known surname of two kanji or more right
        after 担当/対応者 is one.
        """
        for m in _STAFF.finditer(text):
            if self.lexicon.is_surname(m.group(1)):
                add(m.start(1), m.end(1), "staff", chain=False)
        for m in _OTHER_NAME_CUE.finditer(text):
            start, end = m.span(1)
            for tail in ("です", "でした", "さん", "様"):
                if text[start:end].endswith(tail) and end - start > len(tail):
                    end -= len(tail)
                    break
            add(start, end, "other_name", chain=False)
        for m in _DEPT_STAFF.finditer(text):
            if text[m.start(1)] == "長" and text[m.start(1) - 1] in "課係室部":
                continue  # 市民課長へ: the head of the section, a title
            # a surname the lexicon knows is a name; another word needs Sudachi's 人名 too
            known = self.lexicon.is_surname(m.group(1))
            add(m.start(1), m.end(1), "dept_staff" if known else "dept_staff_unknown", chain=False)

    def _name_and_place_tests(
        self, text: str, doc: Any
    ) -> tuple[Callable[[int, int], bool], Callable[[int, int], bool]]:
        """``is_name(start, end)`` and ``is_place(start, end)`` for the staff-name cues.

        A name: a known surname, or tokens that exactly cover the span and are all
        proper nouns (Sudachi tags 秋月, 千葉 and 山ノ内 as places, yet they are
        surnames after 担当 or 集計). A place: a country or a municipality's name.
        """
        proper: dict[int, int] = {}
        places: list[tuple[int, int]] = []
        for t in doc if doc is not None else ():
            start, end = t.idx, t.idx + len(t.text)
            if "固有名詞" in t.tag_:
                proper[start] = end
            if t.tag_.endswith("地名-国") or (
                "地名" in t.tag_ and len(t.text) >= 2 and t.text[-1] in _MUNICIPALITY_ENDS
            ):
                places.append((start, end))

        def is_name(start: int, end: int) -> bool:
            if self.lexicon.is_surname(text[start:end]):
                return True
            at = start
            while at < end and at in proper:
                at = proper[at]
            return at == end

        def is_place(start: int, end: int) -> bool:
            return text[end - 1 : end] in _MUNICIPALITY_ENDS or any(
                s < end and start < e for s, e in places
            )

        return is_name, is_place

    def _is_name_reading(self, reading: str) -> bool:
        """A kana reading of a name: a known given name or surname, or both run together."""
        word = reading.replace(" ", "").replace("\u3000", "").replace("・", "")
        return (
            self.lexicon.is_given(word)
            or self.lexicon.is_surname(word)
            or self.lexicon.split_full_name(word) is not None
        )

    def _field_candidates(self, text: str, add: Any) -> None:
        dialogue = dialogue_of(text)
        matches = [*self._field_re.finditer(text), *self._form_field_re.finditer(text)]
        for m in matches:
            if dialogue.is_speaker_label(m.start(), m.start(1)):
                continue  # 相談者：はいわかりました is a turn, not a 相談者 field
            value = _NAME_LIKE.match(text, m.start(1))
            if value is None:
                continue
            start, end = value.span()
            if text[end : end + 1] in ("：", ":"):
                # one line holding several fields: 氏名：森川 大輔　電話：… ends at the blank
                cut = max(text.rfind(" ", start, end), text.rfind("\u3000", start, end))
                end = cut if cut > start else start
            start = _skip_department(text, start, end)
            if 0 < end - start <= 25:
                add(start, end, "field")
        for m in self._reading_field_re.finditer(text):
            add(m.start(1), m.end(1), "reading_field")

    def _slot_candidates(self, text: str, add: Any) -> None:
        """Names in a transcript: after ``お名前は``, before ``と申します``, lexicon-split."""
        dialogue = dialogue_of(text)
        for m in self._slot_re.finditer(text):
            word = self._slot_word_re.match(text, m.start(1))
            if word is None or dialogue.is_speaker_label(word.start(), word.end()):
                continue
            start, end = word.start(), word.end()
            value = text[start:end]
            for tail in ("でございます", "と申します", "と言います", "です", "で"):
                if value.endswith(tail) and len(value) > len(tail) + 1:
                    end -= len(tail)
                    break
            end = self._join_spaced_given(text, start, end)
            strong = "名前" in m.group(0) or "氏名" in m.group(0)
            joined = _join_spaced_katakana(text, start, end)
            if strong and joined > end:
                # a GiNZA place or product over one of the foreign words says nothing here
                add(start, joined, "slot_spaced")
            add(start, end, "slot_strong" if strong else "slot_weak")
            self._lexicon_evidence(text, start, end, add)
        for m in _TIGHT_SLOT.finditer(text):
            if text[max(0, m.start() - 4) : m.start()].endswith(_NOT_PERSON_OWNERS):
                continue  # 施設の名前は…: the name of a thing, not of a person
            start, end = m.span(1)
            for tail in ("でございます", "と申します", "と言います", "です", "で"):
                if text[start:end].endswith(tail) and end - start > len(tail) + 1:
                    end -= len(tail)
                    break
            answer = text[start:end]
            if answer in _NOT_A_NAME_ANSWER or answer[-1] in _PLACE_OR_BODY_END:
                continue
            quoted = text[start - 1 : start] == "「"
            if _KANA_ONLY.fullmatch(answer) and not quoted and not self._is_name_reading(answer):
                continue  # 名前はええわ: a kana answer counts only when it is a known name
            add(start, end, "slot_tight")
            self._lexicon_evidence(text, start, end, add)
        for m in _GAVE_NAME.finditer(text):
            add(m.start(1), m.end(1), "slot_tight")
        for m in self._iimasu_re.finditer(text):
            said = m.group(1)
            if len(said) >= 2 and self._is_name_reading(said) and said not in _ANSWER_NOT_NAMES:
                add(m.start(1), m.end(1), "moshimasu")
        for m in self._moshimasu_re.finditer(text):
            add(m.start(1), m.end(1), "moshimasu")
            self._lexicon_evidence(text, m.start(1), m.end(1), add)
        for m in _SPACED_MOSHIMASU.finditer(text):
            start, end = m.span(1)
            spoken = text[start:end]
            if (
                spoken in _ANSWER_NOT_NAMES
                or spoken in _SELF_WORDS
                or spoken in ROLE_WORDS
                or spoken in KANJI_NOT_NAMES
                # kanji or hiragana the lists know (fillers are hiragana too: あのー)
                or (not _KATAKANA_WORD.fullmatch(spoken) and not self._is_name_reading(spoken))
            ):
                continue  # 高橋建設 と申します, 民生委員 と申します: a firm or a role introduced
            before = _SPACED_WORD_BEFORE.search(text, max(0, start - 10), start)
            if (
                before is not None
                and self.lexicon.is_surname(before.group(1))
                and self.lexicon.is_given(text[start:end])
            ):
                start = before.start(1)  # まつもと けいこ と申します: surname, blank, given
            add(start, end, "moshimasu")
            self._lexicon_evidence(text, start, end, add)

    def _dialogue_candidates(self, text: str, add: Any) -> None:
        """The answer to a turn that asked for a name (``オペ：お名前を`` / ``客：えっと田中です``).

        The first name-like stretch of the answering turn, fillers and
        ``です`` cut off. On its own it stays below the threshold: a kana
        answer must be a known name, anything else needs one more piece of
        evidence (a dictionary, Sudachi's 人名, GiNZA), so ``はいわかりました``
        is never a name however the turn before ended.
        """
        dialogue = dialogue_of(text)
        for turn in dialogue.turns:
            if "PERSON" not in dialogue.expected_at(turn.start):
                continue
            m = _ANSWER.match(text, turn.start, turn.end)
            if m is None:
                continue
            start, end = m.span("name")
            for tail in _ANSWER_TAILS:
                if text[start:end].endswith(tail) and end - start > len(tail):
                    end -= len(tail)
                    break
            answer = text[start:end]
            if answer in _NOT_A_NAME_ANSWER or answer.rstrip("ー") in _ANSWER_NOT_NAMES:
                continue
            if not _ONE_SCRIPT_NAME.fullmatch(answer):
                continue  # 母と妹がいて, 念のため: words, not a name
            known_kana = False
            if _KANA_ONLY.fullmatch(answer.replace(" ", "")):
                if not self._is_name_reading(answer):
                    continue
                known_kana = True
            end = self._join_spaced_given(text, start, end)
            add(start, end, "dialogue_answer")
            if known_kana:
                add(start, end, "lexicon_part")
            self._lexicon_evidence(text, start, end, add)

    def _join_spaced_given(self, text: str, start: int, end: int) -> int:
        """``やまだ たろう``: a surname, one blank, a given name — one full name, as in forms."""
        m = _SPACED_KANA_WORD.match(text, end)
        if m is None or not self.lexicon.is_surname(text[start:end]):
            return end
        given = m.group(1)
        for tail in ("でございます", "と申します", "と言います", "です", "で"):
            if given.endswith(tail) and len(given) > len(tail) + 1:
                given = given[: -len(tail)]
                break
        if self.lexicon.is_given(given):
            return m.start(1) + len(given)
        return end

    def _lexicon_evidence(self, text: str, start: int, end: int, add: Any) -> None:
        word = text[start:end].replace(" ", "").replace("\u3000", "")
        if self.lexicon.split_full_name(word) is not None:
            add(start, end, "lexicon_full")
        elif self.lexicon.is_surname(word) or self.lexicon.is_given(word):
            add(start, end, "lexicon_part")

    def _romaji_candidates(self, text: str, add: Any) -> None:
        for m in self._romaji_re.finditer(text):
            start = m.start()
            parts = m.group(0).split()
            if parts[0].rstrip(".") in LEAD_WORDS:
                # Ms Okafor, Si Kenji: a title or a cue, then the name (latin_names
                # finds a lone word after it)
                if len(parts) == 2:
                    continue
                start = text.index(parts[1], start + len(parts[0]))
                parts = parts[1:]
            if _ROMAJI_PLACE_AFTER.match(text, m.end()):
                continue  # Minami Aoyama 2-3-4: a place before its block, not a person
            add(start, m.end(), "romaji")
            if all(self.lexicon.is_romaji_part(p) for p in parts):
                add(start, m.end(), "lexicon_full")
                if self._romaji_pair(parts):
                    add(start, m.end(), "romaji_pair")

    def _romaji_pair(self, parts: Sequence[str]) -> bool:
        """A known surname and a known given name, in either order (Yamaguchi Kenta).

        Two name words together say more than each alone: the lists' romaji hold
        words of English too (Ken, Mana), rarely as a surname beside a given name.
        """
        if len(parts) != 2:
            return False
        a, b = (p.lower() for p in parts)
        lex = self.lexicon
        return (a in lex.surname_romaji and b in lex.given_romaji) or (
            a in lex.given_romaji and b in lex.surname_romaji
        )

    def _katakana_candidates(
        self, text: str, add: Any, places: Collection[tuple[int, int]] = ()
    ) -> None:
        """Foreign names in katakana: a ・-joined chain is a name more often than a word.

        Not when Sudachi calls its first or last part a place: ボルチモア・レイブンズ
        is a team, フランクフルト・アム・マイン a city (the model may still say person).
        """
        for m in KATAKANA_CHAIN.finditer(text):
            if m.end() - m.start() < 2:
                continue
            parts = re.split(r"[・･=＝゠]", m.group(0))
            if len(parts) > 1 and (
                (m.start(), m.start() + len(parts[0])) in places
                or (m.end() - len(parts[-1]), m.end()) in places
            ):
                continue
            add(m.start(), m.end(), "kata_chain" if len(parts) > 1 else "kata_word")
            if parts[0] in FOREIGN_GIVEN_NAMES and len(parts) > 1:
                add(m.start(), m.end(), "foreign_given")
            elif len(parts) == 1 and (
                parts[0] in FOREIGN_GIVEN_NAMES or parts[0] in FOREIGN_FAMILY_NAMES
            ):
                add(m.start(), m.end(), "foreign_name")
            elif len(parts) > 1 and any(
                self.lexicon.is_katakana_part(p) or p in FOREIGN_FAMILY_NAMES for p in parts
            ):
                add(m.start(), m.end(), "name_part_chain")
            elif len(parts) == 1 and self.lexicon.is_katakana_part(parts[0]):
                add(m.start(), m.end(), "name_part")
            regnal = _REGNAL.match(text, m.end())
            if regnal is not None:
                add(m.start(), regnal.end(), "regnal")

    def _cjk_candidates(self, text: str, add: Any) -> None:
        """Chinese and Korean names: a one-kanji surname and a one- or two-kanji given name.

        Sudachi splits 李登輝 or 蔡長庚 into pieces it does not call names. A
        three-kanji word on its own that starts with a common Chinese/Korean
        surname is a name often enough to count once a particle agrees.
        """
        for m in _CJK_NAME.finditer(text):
            if m.group(0)[0] in CJK_SURNAMES and m.group(0)[-1] not in _NOT_NAME_KANJI:
                add(m.start(), m.end(), "cjk_name")

    def _context_evidence(self, text: str, cand: _Candidate) -> None:
        """Evidence from around the span: an honorific after it, a reading in brackets."""
        honorific = honorific_after(text, cand.end)
        if honorific is not None:
            # スタッフさん, ヘルパーさん: a bare katakana word before さん is often a job;
            # 氏 follows names only (グルン氏)
            weak = (
                honorific != "氏"
                and "kata_word" in cand.evidence
                and cand.evidence.keys() <= {"kata_word", "name_run"}
            )
            cand.add("honorific", self.SCORES["honorific"] - (0.15 if weak else 0.0))
        after = text[cand.end : cand.end + 8].lstrip(" \u3000・0123456789三")
        if after.startswith(TITLES_AFTER) and not after.startswith("帝国"):
            cand.add("title", self.SCORES["title"])
        elif after.startswith(WEAK_TITLES_AFTER):
            cand.add("weak_title", self.SCORES["weak_title"])
        if (cand.start == 0 or text[cand.start - 1] in "。\n") and _ROLE_SENTENCE.match(
            text, cand.end
        ):
            cand.add("role_sentence", self.SCORES["role_sentence"])
        if ROLE_BEFORE.search(text, max(0, cand.start - 8), cand.start):
            cand.add("role_before", self.SCORES["role_before"])
        particle = text[cand.end : cand.end + 1]
        if particle == "は":
            cand.add("topic", self.SCORES["topic"])
        elif particle and particle in "がとをも、":
            cand.add("particle", self.SCORES["particle"])
        elif particle and particle in "のに":
            # の/に follow names and things alike; a kanji 人名 word is a name more often
            kanji_name = "sudachi_part" in cand.evidence and _KANJI.match(text, cand.start)
            cand.add("genitive", self.SCORES["particle"] if kanji_name else self.SCORES["genitive"])
        reading = reading_after(text, cand.end, self._is_name_reading)
        if reading is not None and not _katakana_gloss(text, (cand.start, cand.end), reading):
            cand.add("reading", self.SCORES["reading"])
        if "romaji" in cand.evidence and text[max(0, cand.start - 8) : cand.start].rstrip(
            _SPACE
        ).endswith(("英字氏名", "氏名", "Name", "NAME")):
            cand.add("field", self.SCORES["field"])

    # --- combination ------------------------------------------------------------------

    def _resolve(
        self, text: str, cands: Iterable[_Candidate], blockers: Sequence[tuple[int, int]]
    ) -> list[_Candidate]:
        """Drop hard negatives, then keep the best of overlapping candidates."""
        viable: list[_Candidate] = []
        for cand in cands:
            if hard_negative(text, cand.start, cand.end) is not None:
                continue
            if not cand.evidence.keys() & _PERSON_CONTEXT and (
                text[cand.end - 1] in _PLACE_END_KANJI
                or text[cand.start : cand.end] in _WORDS_NOT_NAMES
            ):
                continue
            if self._blocked(cand, blockers):
                continue
            if text[cand.start : cand.end] in _KANA_NOT_NAMES and honorific_after(text, cand.end):
                continue  # ばあちゃん, おくさん: a relation addressed, whatever GiNZA says
            viable.append(cand)
        # 保健師 田村, 柘植係|長: a span the tokenizer drew over the role or title that a
        # staff cue put right next to the name gives way to the cue's own span
        exact = [(c.start, c.end) for c in viable if c.evidence.keys() & _STAFF_CUES]
        if exact:
            viable = [
                c
                for c in viable
                if not any(role_at_edge(text, (c.start, c.end), span) for span in exact)
            ]
        self._coordinate(text, viable)
        self._repeat(text, viable)
        # A longer candidate inherits the evidence of those inside it: GiNZA's 大野
        # supports the lexicon's 大野ひなた, Sudachi's 杉本 和 the field value 杉本 和夫.
        insides = contained([(c.start, c.end) for c in viable])
        for outer, inside in zip(viable, insides, strict=True):
            for inner in (viable[j] for j in inside):
                for source, score in inner.evidence.items():
                    outer.add(source, score)
        viable.sort(key=lambda c: (-c.score, -(c.end - c.start), c.start))
        kept: list[_Candidate] = []
        taken = Covered(len(text))
        for cand in viable:
            if not taken.free(cand.start, cand.end):
                continue
            kept.append(cand)
            taken.add(cand.start, cand.end)
        return sorted(kept, key=lambda c: c.start)

    @staticmethod
    def _blocked(cand: _Candidate, blockers: Sequence[tuple[int, int]]) -> bool:
        """Inside a GiNZA organisation/place entity, and nothing but the text says person.

        A candidate strictly inside such an entity (田中 in 田中整形外科) is
        dropped; one the model and Sudachi did not call a name is dropped on any
        overlap (スペイン in スペイン国王).
        """
        # a title or a name cue before Latin words (``Caller: Bikram Thapa Magar``), or a
        # Chinese name's own script, says person whatever GiNZA, trained on Japanese
        # text, makes of the foreign words
        if cand.evidence.keys() & {
            "honorific", "field", "reading_field", "name_run", "latin_title", "latin_cue",
            "introduced", "dept_staff", "dept_staff_unknown", "other_name", "staff_mark",
            "staff_role", "staff_title", "introduced_kana", "spaced_full_name", "relation",
            "latin_spelled",
            "interpreter", "pinyin", "simplified_name", "slot_spaced", "latin_known",
            "latin_listed", "romaji_pair",
        }:  # fmt: skip
            return False
        from_model = bool(cand.evidence.keys() & {"ginza", "sudachi_full", "sudachi_part"})
        for bs, be in blockers:
            inside = bs <= cand.start and cand.end <= be and (be - bs) > (cand.end - cand.start)
            if inside or (not from_model and bs < cand.end and cand.start < be):
                return True
        return False

    def _coordinate(self, text: str, cands: Sequence[_Candidate]) -> None:
        """Names listed together: X、Y、Z or XやY, where one of them is already a name."""
        by_start = {c.start: c for c in cands}
        by_end = {c.end: c for c in cands}
        for _ in range(2):
            for cand in cands:
                if cand.score >= 0.5 or "coordinated" in cand.evidence:
                    continue
                left = (
                    by_end.get(cand.start - 1)
                    if text[cand.start - 1 : cand.start] in _LIST_SEPARATORS
                    else None
                )
                right = (
                    by_start.get(cand.end + 1)
                    if text[cand.end : cand.end + 1] in _LIST_SEPARATORS
                    else None
                )
                if any(n is not None and n.score >= 0.5 for n in (left, right)):
                    cand.add("coordinated", self.SCORES["coordinated"])

    def _repeat(self, text: str, cands: Sequence[_Candidate]) -> None:
        """A name the note already gave (大野美穂 ... 大野) is a name again."""
        names = {text[c.start : c.end] for c in cands if c.score >= 0.5}
        parts = {p for n in names for p in re.split(r"[ \u3000・]", n) if len(p) >= 2}
        for cand in cands:
            word = text[cand.start : cand.end]
            if cand.score < 0.5 and (word in names or word in parts):
                cand.add("repeated", self.SCORES["repeated"])

    def _to_results(
        self, text: str, kept: Sequence[_Candidate], places: Collection[tuple[int, int]] = ()
    ) -> list[RecognizerResult]:
        """Report the kept names and, for each, the kana reading in brackets after it.

        The reading takes the name's score and replaces any weaker candidate on it.
        """
        final: dict[tuple[int, int], tuple[float, dict[str, float]]] = {}
        for c in kept:
            # 山田 太郎 やまだ たろう: the name and its reading are two names
            parts = split_name_and_reading(
                text, c.start, c.end, self.lexicon.is_surname, self.lexicon.is_given
            )
            for span in parts or [(c.start, c.end)]:
                final[span] = (c.score, c.evidence)
        for cand in kept:
            # after a name the note is sure of, hiragana in brackets is its reading
            # (紬（つむぎ）): the dictionary need not know it
            known = self._is_name_reading
            reading = reading_after(
                text, cand.end, _any_reading if cand.score >= self.READING_TRUST else known
            )
            if reading is None and not _LATIN_START.match(text, cand.start):
                # the same name in Latin letters beside it: 張麗（Zhang Li）, Chen (陳 美玲)
                reading = latin_rendering_after(text, cand.end)
                if reading is None and text[cand.start - 1 : cand.start] in "（(":
                    reading = latin_rendering_before(text, cand.start)
            if reading is None or reading in places:
                continue  # コワルスキ・アンナ（ポーランド）: a country in brackets, no reading
            if is_never_a_name(text[reading[0] : reading[1]]):
                continue  # 村上 彩香（ﾌﾘｶﾞﾅ）: the form's label in brackets, no reading
            if _katakana_gloss(text, (cand.start, cand.end), reading):
                continue  # マットレス（ダブル）: katakana beside katakana reads nothing
            clash = [k for k in final if k[0] < reading[1] and reading[0] < k[1]]
            # a weaker span, or a part of the longer spelling (Chen in "Chen, Mei-Ling")
            if all(
                final[k][0] < cand.score or (reading[0] <= k[0] and k[1] <= reading[1])
                for k in clash
            ):
                for k in clash:
                    del final[k]
                final[reading] = (cand.score, {"reading_of_name": cand.score})
        return [
            self._result(start, end, score, evidence)
            for (start, end), (score, evidence) in sorted(final.items())
            if score >= self.REPORT_FLOOR
        ]

    def _result(
        self, start: int, end: int, score: float, evidence: dict[str, float]
    ) -> RecognizerResult:
        reasons = ", ".join(f"{k}={v:.2f}" for k, v in sorted(evidence.items()))
        explanation = AnalysisExplanation(
            recognizer=self._label,
            original_score=score,
            textual_explanation=f"person evidence: {reasons}",
        )
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self._label,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
            },
        )


_DEPARTMENT = re.compile(
    r"[^ \u3000]*(?:課|係|室|部|局|所|センター|チーム|課長|係長|室長|部長|主査|主任|主事|"
    r"担当|職員|相談員|補佐)[ \u3000]+"
)


#: speech-to-text puts a blank before the verb: キクチ と申します, いとう と 申します
_SPACED_MOSHIMASU = re.compile(
    r"(?:^|(?<=[\s、。]))([\u4e00-\u9fff\u3005\u3041-\u3096\u30a1-\u30fa\u30fc]{2,8})"
    r"(?:[ \u3000]+と[ \u3000]?|と[ \u3000]+)申します"
)
#: the word before, one blank away (a surname before the given name)
_SPACED_WORD_BEFORE = re.compile(
    r"(?:^|(?<=[\s、。]))([\u4e00-\u9fff\u3005\u3041-\u3096\u30a1-\u30fa\u30fc]{1,6})[ \u3000]$"
)
#: how a caller says "I" before giving a name: never the name
_SELF_WORDS = frozenset({"わたくし", "わたし", "あたし", "こちら", "私", "自分", "ぼく", "おれ"})
#: katakana words a blank apart, after the first (speech-to-text: グエン ヴァン ナム です) …
_SPACED_KATAKANA = re.compile(r"(?:[ \u3000][\u30a1-\u30fa\u30fc]{2,12}){1,3}")
#: … up to what ends a name given
_NAME_GIVEN_END = re.compile(
    r"[ \u3000]*(?:です|でございます|と[ \u3000]?申します|と言います|っていいます|[、。\n]|$)"
)


def _join_spaced_katakana(text: str, start: int, end: int) -> int:
    """A foreign name said word by word after お名前は: ``グエン ヴァン ナム です`` is one name.

    Only katakana words, only up to です / と申します or the end of the utterance,
    so a name followed by another word (``ヤマダ トイレ が``) stays as it was.
    """
    if not _KATAKANA_WORD.fullmatch(text, start, end):
        return end
    m = _SPACED_KATAKANA.match(text, end)
    if m is None or not _NAME_GIVEN_END.match(text, m.end()):
        return end
    return m.end()


def _katakana_gloss(text: str, word: tuple[int, int], after: tuple[int, int]) -> bool:
    """Katakana in brackets after a katakana word: a size or kind, never its reading.

    A reading is the name in another script (山田（ヤマダ）, 紬（つむぎ）); a
    katakana word is read as it is written, so ``マットレス（ダブル）`` or
    ``ソファ（セミダブル）`` glosses a product, which the bracket makes no name.
    """
    return bool(_ALL_KATAKANA.fullmatch(text, *word) and _ALL_KATAKANA.fullmatch(text, *after))


#: katakana only, the dot and blanks between words included
_ALL_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\u30fb \u3000]+")


def _is_speaker_word(word: str) -> bool:
    """A transcript's speaker word, or one with a number or letter (相談者A, 話者1)."""
    return any(word.startswith(w) for w in SPEAKER_WORDS)


def _never_a_name(word: str) -> bool:
    return word in ROLE_WORDS or word in NOT_NAMES or word in HONORIFICS


def _reads_as(doc: Any) -> Any:
    """``reads_as(kanji, kana)`` by the tokenizer's reading of the kanji word, if any."""
    if doc is None:
        return None
    readings: dict[str, set[str]] = {}
    # a lean tokenizer keeps them beside the Doc (redactor.detect.tokenizer), spaCy's own
    # as a morphological feature
    for surface, reading in (getattr(doc, "user_data", None) or {}).get("readings", {}).items():
        readings.setdefault(surface, set()).add(to_hiragana(reading))
    for token in doc:
        reading = token.morph.get("Reading")
        if reading and _KANJI.match(token.text):
            readings.setdefault(token.text, set()).add(to_hiragana(reading[0]))

    # a place said with its reading (八戸 はちのへ) is spelled as carefully as a name
    places = {t.text for t in doc if "地名" in t.tag_}

    def reads_as(kanji: str, kana: str) -> bool:
        return (
            len(kana) >= 3 and kanji not in places and to_hiragana(kana) in readings.get(kanji, ())
        )

    return reads_as


def _any_reading(_reading: str) -> bool:
    return True


#: words that give a person's other name: 旧姓 宮脇, 通称 金本 英夫, 通称名金本
#: (not 別名: songs and ships have one too)
_OTHER_NAME_CUE = re.compile(
    r"(?:旧姓|旧氏|通称名|通称)[は：:（( \u3000]{0,2}"
    # the name starts with a kanji, katakana or a capital, never hiragana (旧姓を併記),
    # and is no word for "none" (通称名なし: not 名なし) nor what is done with the name
    # (旧姓併記, 旧姓使用: marriage and card notes talk about the old name as a thing)
    r"(?!名|なし|無し|不明|併記|併用|使用|表記|記載|証明|欄|変更|登録|確認|のまま)"
    r"((?=[\u4e00-\u9fff\u30a1-\u30faA-Z])"
    rf"[{_NAME_CHARS}]{{2,6}}(?:[ \u3000][{_NAME_CHARS}]{{1,6}})?)"
)


def _skip_department(text: str, start: int, end: int) -> int:
    """``対応者：市民課 主査 田村``: the department and title before the name are not it."""
    while (m := _DEPARTMENT.match(text, start)) is not None and m.end() < end:
        start = m.end()
    return start


def _spoken_number_positions(text: str) -> list[bool]:
    """Which characters of ``text`` are kana that the normalizer read as a number.

    Kanji numerals are left out: 三郎 and 一美 are names that hold a digit.
    """
    norm = normalize(text)
    if norm.text == text:
        return []
    marks = [False] * len(text)
    for i, ch in enumerate(norm.text):
        if (ch.isascii() and ch.isdigit()) or ch in _COUNTER_CHARS:
            for k in range(norm.starts[i], norm.ends[i]):
                if _KANA_CHAR.match(text[k]):
                    marks[k] = True
    return marks


_COUNTER_CHARS = frozenset("年月日丁目番地号条歳")
#: the kana of a given name written with one kanji after it (ヨシ子, ふさ江, ハル代)
_KANA_GIVEN_STEM = re.compile(r"[\u3041-\u3096]{1,3}|[\u30a1-\u30fa]{1,3}")
_KANA_NAME_ENDS = frozenset("子江代枝恵世乃")
_KANA_CHAR = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")


def _is_name_token(token: Any) -> bool:
    """A token that can be an edge of a name: not a particle, symbol, blank or suffix."""
    tag: str = token.tag_
    return not tag.startswith(("助詞", "助動詞", "補助記号", "空白", "接尾辞", "記号")) and bool(
        token.text.strip()
    )


def _extend_kanji_name(tokens: Any, j: int, limit: int = 2) -> int:
    """Grow a kanji name over the one-kanji tokens Sudachi split off its end.

    Rare given names fall apart into single characters (伊藤穣 + 一, 中村 +
    鴈 + 笑); a following word of two or more characters (政権, 監督) or a
    title stops the growth.
    """
    prev = tokens[j - 1].text if j > 0 else ""
    if prev and _KANA_GIVEN_STEM.fullmatch(prev) and j < len(tokens):
        # ヨシ|子, ふさ|江, ミツ|代: older women's given names, a kana stem and one kanji
        # Sudachi splits off as a noun or a suffix
        t = tokens[j].text
        after = tokens[j + 1].text if j + 1 < len(tokens) else ""
        if t in _KANA_NAME_ENDS and not _KANJI.match(after):
            return j + 1
        return j
    if not (prev and _KANJI.fullmatch(prev[-1])):
        return j
    grown = 0
    while j < len(tokens) and grown < limit:
        t = tokens[j]
        if not (len(t.text) == 1 and _KANJI.fullmatch(t.text)) or t.text in _NOT_NAME_KANJI:
            break
        if t.tag_.startswith(("助詞", "接尾辞", "補助記号")):
            break
        j, grown = j + 1, grown + 1
    return j


def _looks_like_person_ent(tokens: Sequence[Any], lexicon: PersonLexicon) -> bool:
    """A GiNZA Person entity whose words say otherwise is dropped.

    On Wikipedia text, a Person entity ending in a kanji word that Sudachi does
    not call a name (児玉飛行場, 小西軍, 吉本興業) is an organisation or
    place four times in five; one made only of place names (東成区今里 without
    a 人名 token) is an address.
    """
    last = tokens[-1]
    if len(tokens) == 1 and len(last.text) >= 2 and lexicon.is_surname(last.text):
        # Sudachi calls many surnames places (西川, 岩村, 小笠原); the model and the
        # surname list agree on a person 9 times in 10 on UD GSD train
        return True
    given_after_surname = (
        lexicon.is_given(last.text) and any(t.tag_.endswith("姓") for t in tokens[:-1])
    ) or _unknown_given_after_surname(tokens, lexicon)
    if "人名" not in last.tag_ and _KANJI.search(last.text) and not given_after_surname:
        return False
    has_name = any("人名" in t.tag_ or lexicon.is_surname(t.text) for t in tokens)
    return has_name or not any("地名" in t.tag_ for t in tokens)


def _unknown_given_after_surname(tokens: Sequence[Any], lexicon: PersonLexicon) -> bool:
    """A known surname and a short kanji word Sudachi does not know as a given name.

    佐野利器, 池田小作: the model says person, the first word is a common
    surname and the second one or two kanji that end no place, shop or title
    (田中商店, 工藤組, 泉谷中学校 stay out).
    """
    if len(tokens) != 2 or len(tokens[0].text) < 2 or not lexicon.is_surname(tokens[0].text):
        return False
    word = tokens[1].text
    return (
        1 <= len(word) <= 2
        and bool(_KANJI_RUN.fullmatch(word))
        and "地名" not in tokens[1].tag_
        and word[-1] not in _NOT_NAME_KANJI
        and not any(
            word.startswith(w) or w.startswith(word)
            for w in TITLES_AFTER + WEAK_TITLES_AFTER + ROLE_WORDS + ORG_SUFFIXES
        )
    )


def _katakana_name(token: Any) -> bool:
    return bool(re.fullmatch(r"[ァ-ヴー]+", token.text))
