"""Japanese personal-name dictionaries for the PERSON recognizer.

Why a dictionary next to GiNZA: the model and Sudachi know kanji names well
but miss names written in kana (``ささきりょうた``, ``木村ふみえ``), which is
how speech-to-text writes what a caller says. A list of common surnames and
given-name readings lets us split such a run into surname + given name and
call it a name only when both halves are real names.

The data is derived from shuheilocale's japanese-personal-name-dataset (MIT);
see ``data/NAMES_README.md`` and ``data/LICENSE-japanese-personal-names``.
Built by ``data/build_person_names.py``.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path(__file__).parent / "data" / "person_names.json.gz"
#: katakana name parts from UD Japanese GSD train (CC BY-SA 4.0; data/NAMES_README.md)
KATAKANA_PARTS_PATH = Path(__file__).parent / "data" / "gsd_katakana_names.txt"

_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}


def to_hiragana(text: str) -> str:
    """Katakana → hiragana (ヒラノ → ひらの); everything else unchanged."""
    return text.translate(_KATA_TO_HIRA)


@dataclass(frozen=True)
class PersonLexicon:
    """Sets of known surnames and given names, in kanji, kana (hiragana) and romaji."""

    surname_kanji: frozenset[str]
    surname_kana: frozenset[str]
    surname_romaji: frozenset[str]
    given_kanji: frozenset[str]
    given_kana: frozenset[str]
    given_romaji: frozenset[str]
    #: foreign name parts seen in katakana (ヴィータウタス, ナスターゼ), any position
    katakana_parts: frozenset[str] = frozenset()

    def is_surname(self, word: str) -> bool:
        return word in self.surname_kanji or to_hiragana(word) in self.surname_kana

    def is_given(self, word: str) -> bool:
        return word in self.given_kanji or to_hiragana(word) in self.given_kana

    def is_katakana_part(self, word: str) -> bool:
        """A katakana word seen as part of a person's name (not a word of the language)."""
        return word in self.katakana_parts

    def is_romaji_part(self, word: str) -> bool:
        w = word.lower()
        return w in self.surname_romaji or w in self.given_romaji

    def split_full_name(self, word: str, min_part: int = 2) -> tuple[str, str] | None:
        """Split ``word`` into a known surname and a known given name, or None.

        Both halves must be in the lists, each at least ``min_part`` characters:
        a one-kana given name (``え``) matches inside too many ordinary words.
        The longest surname wins (``ささき`` before ``さ``).
        """
        for cut in range(len(word) - min_part, min_part - 1, -1):
            family, given = word[:cut], word[cut:]
            if self.is_surname(family) and self.is_given(given):
                return family, given
        return None


def load_person_lexicon(
    path: Path = DEFAULT_PATH, katakana_path: Path | None = KATAKANA_PARTS_PATH
) -> PersonLexicon:
    """Read the derived name lists (a gzipped JSON object of sorted lists, a word list)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    parts: frozenset[str] = frozenset()
    if katakana_path is not None:
        lines = katakana_path.read_text(encoding="utf-8").splitlines()
        parts = frozenset(w for w in (line.strip() for line in lines) if w and w[0] != "#")
    return PersonLexicon(
        surname_kanji=frozenset(raw["surname_kanji"]),
        surname_kana=frozenset(raw["surname_kana"]),
        surname_romaji=frozenset(raw["surname_romaji"]),
        given_kanji=frozenset(raw["given_kanji"]),
        given_kana=frozenset(raw["given_kana"]),
        given_romaji=frozenset(raw["given_romaji"]),
        katakana_parts=parts,
    )


#: Common non-Japanese given names as written in katakana. Hand-written (the MIT
#: lists are Japanese only): a katakana chain that starts with one of these
#: (ジョン・F・ケネディ) is far more likely a person than a product or a team.
# fmt: off
FOREIGN_GIVEN_NAMES: frozenset[str] = frozenset(
    (
        "ジョン", "ジョージ", "ジェームズ", "ジェームス", "ジェイムズ", "ウィリアム",
        "ウイリアム", "ロバート", "リチャード", "チャールズ", "トーマス", "トマス",
        "マイケル", "デヴィッド", "デビッド", "デイヴィッド", "デイビッド", "ポール",
        "ピーター", "マーク", "ジョセフ", "ジョゼフ", "ヘンリー", "アンリ",
        "フランク", "エドワード", "エドワーズ", "アーサー", "アルバート", "アレクサンダー",
        "アレクサンドル", "アレックス", "アンドリュー", "アンドレ", "アンドレイ", "アントニオ",
        "アントン", "アンソニー", "ベンジャミン", "ブライアン", "クリストファー", "クリス",
        "ダニエル", "ダニー", "ドナルド", "ダグラス", "エリック", "フレデリック",
        "フリードリヒ", "ゲオルク", "ゲイリー", "ゲーリー", "ハリー", "ハワード",
        "ヒュー", "イアン", "ジャック", "ジャン", "ジェフ", "ジェフリー",
        "ジム", "ジミー", "ジョナサン", "ジョシュア", "ケネス", "ケヴィン",
        "ケビン", "ルイ", "ルイス", "ルーカス", "マルティン", "マーティン",
        "マシュー", "マイク", "ニコラス", "ニコライ", "ニック", "オリバー",
        "オスカー", "パトリック", "フィリップ", "フィリップス", "ラルフ", "レイモンド",
        "ロナルド", "ロジャー", "サミュエル", "スコット", "スティーブ", "スティーヴ",
        "スティーブン", "スティーヴン", "ティモシー", "トム", "トニー", "ヴィクトル",
        "ビクター", "ヴィクター", "ウォルター", "ウォーレン", "ウラジーミル", "セルゲイ",
        "ミハイル", "イワン", "イヴァン", "ドミトリー", "アレクセイ", "ボリス",
        "ユーリ", "ヨハン", "ヨハネス", "カール", "ハインリヒ", "ヴィルヘルム",
        "ヘルムート", "ハンス", "オットー", "フランツ", "ルートヴィヒ", "ヴォルフガング",
        "ジュゼッペ", "ジョヴァンニ", "マルコ", "カルロ", "カルロス", "ホセ",
        "フアン", "ペドロ", "ミゲル", "ルイージ", "フランチェスコ", "フランソワ",
        "ピエール", "ジャック", "ミシェル", "クロード", "マリア", "マリー",
        "メアリー", "エリザベス", "アン", "アンナ", "アンヌ", "キャサリン",
        "キャロライン", "ジェーン", "ジェニファー", "ジュリア", "ジュリー", "サラ",
        "スーザン", "ヘレン", "ローラ", "リンダ", "ナンシー", "マーガレット",
        "パトリシア", "バーバラ", "エマ", "エミリー", "オリヴィア", "ソフィア",
        "ソフィー", "イザベル", "カトリーヌ", "ヴィクトリア", "ビクトリア", "エレナ",
        "ナタリー", "ナターシャ", "オルガ", "タチアナ", "アンジェラ", "アンジェリーナ",
        "ダイアナ", "ドロシー", "グレース", "ルーシー", "モハメド", "ムハンマド",
        "アフマド", "アリ", "ハッサン", "フセイン", "イブラヒム", "アブドゥル",
        "グエン", "キム", "パク", "イ",
    )
)
# fmt: on


#: One-kanji surnames common in China and Korea, minus those that mostly start
#: Japanese words (申請, 権利, 熊本, 馬場, 曽孫): hand-written.
CJK_SURNAMES: frozenset[str] = frozenset(
    "李王張劉陳楊趙黄周呉徐孫胡朱郭羅梁宋鄭謝韓唐馮于董蕭曹袁鄧許傅沈彭呂蘇盧蔣蔡賈魏薛葉"
    "閻潘杜戴鍾汪姜范姚譚廖鄒郝孔崔康毛邱侯邵孟雷尹黎喬賀頼龔朴曺洪裵兪卞魯"
)

#: Common non-Japanese family names in katakana, hand-written like the given
#: names above. Alone they are weak (ライス, ウルフ are also words); with a
#: particle or a title after them they tip a katakana word into a name.
# fmt: off
FOREIGN_FAMILY_NAMES: frozenset[str] = frozenset(
    (
        "スミス", "ジョンソン", "ウィリアムズ", "ブラウン", "ジョーンズ", "ミラー",
        "デイヴィス", "デイビス", "ウィルソン", "アンダーソン", "テイラー", "トーマス",
        "ムーア", "ジャクソン", "マーティン", "リー", "トンプソン", "トムソン", "ホワイト",
        "ハリス", "クラーク", "ルイス", "ロビンソン", "ウォーカー", "ヤング", "アレン",
        "キング", "ライト", "スコット", "グリーン", "ベイカー", "ベーカー", "アダムズ",
        "アダムス", "ネルソン", "ヒル", "キャンベル", "ミッチェル", "ロバーツ", "カーター",
        "フィリップス", "エヴァンズ", "エバンス", "ターナー", "パーカー", "コリンズ",
        "エドワーズ", "スチュワート", "モリス", "マーフィー", "クック", "ロジャース",
        "モーガン", "クーパー", "ピーターソン", "リード", "ベイリー", "ベル", "ケリー",
        "ハワード", "ワード", "コックス", "リチャードソン", "ウッド", "ワトソン", "ブルックス",
        "ベネット", "グレイ", "ヒューズ", "プライス", "サンダース", "マイヤーズ", "ロング",
        "ロス", "フォスター", "パウエル", "ジェンキンス", "ペリー", "ラッセル", "サリバン",
        "バトラー", "バーンズ", "フィッシャー", "ヘンダーソン", "コールマン", "シモンズ",
        "パターソン", "ジョーダン", "レイノルズ", "ハミルトン", "グラハム", "ウォレス",
        "ウェスト", "コール", "ヘイズ", "ブライアン", "ギブソン", "エリス", "スティーブンス",
        "マーシャル", "オーウェンス", "ハリソン", "フォード", "ケネディ", "ワーナー", "ライス",
        "ウルフ", "ハート", "ハント", "ブラック", "パーマー", "ロバートソン", "ブラッドリー",
        "ケネス", "ラーソン", "ハンセン", "ニールセン", "ヨハンソン", "シュミット", "シュナイダー",
        "フィッシャー", "ヴェーバー", "ウェーバー", "マイヤー", "ワーグナー", "ベッカー",
        "ホフマン", "シュルツ", "コッホ", "リヒター", "クライン", "ヴォルフ", "ノイマン",
        "シュヴァルツ", "ツィマーマン", "クラウス", "ハートマン", "ベルナール", "デュボワ",
        "ルフェーヴル", "モロー", "ロラン", "シモン", "ミシェル", "ルロワ", "ロッシ", "ルッソ",
        "フェラーリ", "エスポジト", "ビアンキ", "ロマーノ", "コロンボ", "リッチ", "マリーニ",
        "ガルシア", "ロドリゲス", "マルティネス", "ヘルナンデス", "エルナンデス", "ロペス",
        "ゴンサレス", "ゴンザレス", "ペレス", "サンチェス", "ラミレス", "トーレス", "フローレス",
        "リベラ", "ゴメス", "ディアス", "モラレス", "オルティス", "シルバ", "サントス",
        "オリヴェイラ", "ソウザ", "ペレイラ", "コスタ", "イワノフ", "スミルノフ", "クズネツォフ",
        "ポポフ", "ソコロフ", "レベデフ", "コズロフ", "ノヴィコフ", "モロゾフ", "ペトロフ",
        "ヴォルコフ", "ソロヴィヨフ", "パヴロフ", "セミョーノフ", "ゴルバチョフ", "プーチン",
        "ヒトラー", "チャーチル", "サッチャー", "リンカーン", "ワシントン", "ナポレオン",
        "オバマ", "トランプ", "ブッシュ", "クリントン", "レーガン", "ニクソン", "ルーズベルト",
        "グエン", "チャン", "ウォン", "リン", "ワン", "チェン", "パク", "キム",
    )
)
# fmt: on
