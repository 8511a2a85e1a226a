"""Distinct synthetic call-center notes, for memory runs over tens of thousands of notes.

Why synthetic: the dev notes repeat after 120, and a repeated note adds no new
string to spaCy's store; a long-running service sees a new name, number and
address in almost every note. Each note here draws a random name (kanji
surname + given name, or katakana), a fresh phone number, My Number-shaped
digits, a date of birth, an e-mail and an address, in a few note shapes
(form fields, a transcript line, free text). Seeded: the same ``seed`` gives
the same notes. No real person's data: names are random pairs of common name
parts and numbers are random.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

SURNAMES = [
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "林",
    "斎藤",
    "清水",
    "山崎",
    "森",
    "池田",
    "橋本",
    "阿部",
    "石川",
    "山下",
    "中島",
    "石井",
    "小川",
    "前田",
    "岡田",
    "長谷川",
    "藤田",
    "後藤",
    "近藤",
    "村上",
    "遠藤",
    "青木",
    "坂本",
    "斉藤",
    "福田",
    "太田",
    "西村",
    "藤井",
    "金子",
    "岡本",
    "藤原",
    "中野",
    "三浦",
    "原田",
    "中川",
    "松田",
    "竹内",
]
GIVEN = [
    "太郎",
    "花子",
    "健一",
    "美穂",
    "翔太",
    "陽菜",
    "大輔",
    "さくら",
    "直樹",
    "由美",
    "拓也",
    "真由美",
    "誠",
    "愛",
    "浩二",
    "恵子",
    "蓮",
    "結衣",
    "悠真",
    "葵",
    "湊",
    "凛",
    "陽翔",
    "芽依",
    "樹",
    "美咲",
    "大和",
    "琴音",
    "颯太",
    "結菜",
    "一郎",
    "和子",
    "勝",
    "久美子",
    "修",
    "智子",
]
KATAKANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
)
PREFS = ("東京都", "大阪府", "北海道", "神奈川県", "愛知県", "福岡県", "京都府", "兵庫県")
CITIES = (
    "中央区", "北区", "港区", "西区", "南区", "城東区", "豊中市", "札幌市中央区", "横浜市青葉区",
)  # fmt: skip
TOWNS = ("本町", "緑町", "旭町", "栄町", "若葉", "桜台", "日の出町", "鴫野東", "松が丘", "青葉台")


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _name(rng: random.Random) -> str:
    if rng.random() < 0.2:  # a foreign or invented name in katakana, new every time
        return "".join(rng.choice(KATAKANA) for _ in range(rng.randint(3, 6)))
    return rng.choice(SURNAMES) + rng.choice(("", " ")) + rng.choice(GIVEN)


def _address(rng: random.Random) -> str:
    return (
        f"{rng.choice(PREFS)}{rng.choice(CITIES)}{rng.choice(TOWNS)}"
        f"{rng.randint(1, 9)}丁目{rng.randint(1, 30)}番{rng.randint(1, 40)}号"
    )


def note(rng: random.Random) -> str:
    """One note, in one of three shapes."""
    name, addr = _name(rng), _address(rng)
    phone = f"0{rng.choice('3456789')}0-{_digits(rng, 4)}-{_digits(rng, 4)}"
    my_number = " ".join(_digits(rng, 4) for _ in range(3))
    dob = f"{rng.randint(1940, 2015)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    mail = f"user{_digits(rng, 6)}@example.jp"
    shape = rng.randrange(3)
    if shape == 0:
        return (
            f"氏名：{name}\n生年月日：{dob}\n電話：{phone}\nメール：{mail}\n"
            f"個人番号：{my_number}\n住所：{addr}\n用件：手続き{_digits(rng, 3)}番の確認"
        )
    if shape == 1:
        return (
            f"お名前をお願いします {name}です 生年月日は{dob}です ご住所は{addr}です "
            f"お電話番号は{phone}です 折り返しご連絡します 受付番号{_digits(rng, 5)}"
        )
    return (
        f"{name}様より{addr}の件で問い合わせ。連絡先{phone}、{mail}。"
        f"個人番号{my_number}の確認後、{_name(rng)}さんへ引き継ぎ（{dob}生）。"
    )


def notes(n: int, seed: int = 11) -> Iterator[str]:
    """``n`` distinct notes (a repeat is possible in principle, vanishingly rare)."""
    rng = random.Random(seed)
    for _ in range(n):
        yield note(rng)
