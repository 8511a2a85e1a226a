"""Addresses abroad: where a foreign resident lived before, or goes back to.

Notes about foreign residents give a forwarding address for tax or pension
mail, or the address before moving to Japan, written the way that country
writes it: ``Blk 12 Lot 7, Mabuhay Homes, Brgy. San Isidro, Antipolo City``,
``Số 27, ngõ 112, phố Trần Duy Hưng, Cầu Giấy, Hà Nội``, ``광명시 철산로 45,
302동 1104호``. Neither the Japanese gazetteer nor the romaji grammar reads
them, and LABELS.md makes any street-level place an address.

What marks one, by script:

- Hangul: administrative words ending in 시/도/구/군, then a road (…로, …길)
  and its number, a building's 동 and 호 after it;
- Vietnamese: ``Số``/``Nhà`` and a house number, then comma-separated parts of
  which one is a street or district word (``ngõ``, ``phố``, ``Quận``…);
- Chinese (simplified, traditional, or as a Japanese interpreter writes it):
  a city and a district, a road (…路, …街, …道, …巷) and its 号, a unit and a
  room after it (``大连市沙河口区五一路188号3单元502``). A Japanese address
  never puts a number and 号 right after 路 or 街;
- Latin letters elsewhere: the rest of the line after an address label
  (``Current address:``, ``forwarding address:``, ``帰国先：``), when it holds a
  number and at least two commas, as a street address does.

Hand-written: no library parses addresses of every country in a mixed
Japanese note (libpostal needs a 2 GB model and a native build).
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

SCORE = 0.85

_HANGUL_ADDRESS = re.compile(
    r"(?:[가-힣]{1,8}(?:특별시|광역시|특별자치시|시|도|군|구)[ ]){1,3}"
    r"[가-힣0-9]{1,10}(?:대로|로|길)(?:[ ]?\d{1,4}번?길)?[ ]\d{1,4}(?:-\d{1,4})?"
    r"(?:,?[ ]?\d{1,4}동[ ]?\d{1,4}호|,?[ ]?\d{1,4}호)?"
)
_VIETNAMESE_PART_WORDS = (
    "ngõ", "ngách", "hẻm", "phố", "đường", "Đường", "Phố", "Phường", "phường", "Quận", "quận",
    "Xã", "xã", "Huyện", "huyện", "Tỉnh", "tỉnh", "TP.", "Thành phố", "thành phố", "Hà Nội",
    "TP HCM", "Hồ Chí Minh",
)  # fmt: skip
_VIETNAMESE_ADDRESS = re.compile(
    r"(?:Số|số|Nhà|nhà)[ ]\d{1,4}[A-Za-z]?(?:/\d{1,4})*,[ ]"
    rf"(?=[^\n]{{0,60}}?(?:{'|'.join(map(re.escape, _VIETNAMESE_PART_WORDS))}))"
    r"(?:[^,\n()（）。「」]{1,30},[ ]){1,7}[^,\n()（）。「」.]{2,30}"
)
_CHINESE_ADDRESS = re.compile(
    r"(?:[\u4e00-\u9fff]{1,5}[省市州])?[\u4e00-\u9fff]{1,6}[区區县縣市旗]"
    r"[\u4e00-\u9fff0-9一二三四五六七八九十]{1,12}(?:大街|大道|胡同|路|街|道|巷|弄)"
    r"[0-9一二三四五六七八九十百]{1,5}[号號](?:院|楼|樓|栋|棟)?"
    r"(?:[0-9]{1,4}(?:单元|單元|単元|栋|棟|号楼|號樓|号棟|楼|樓))?(?:[0-9]{1,5}(?:室|号|號)?)?"
)
#: the words a Chinese sentence puts right before an address (live at, move to, back to)
_CHINESE_LEAD = re.compile(r"^(?:住在|搬到|搬去|回到|寄到|送到|地址是|地址为|地址為|在|到|回|是)")
#: labels after which the rest of the line is an address abroad
ADDRESS_LABELS: tuple[str, ...] = (
    "address", "Address", "ADDRESS", "Dirección", "dirección", "Endereço", "endereço",
    "Địa chỉ", "địa chỉ", "帰国先", "転出先", "海外住所", "海外の住所", "前住所", "本国住所",
    "送付先", "Home", "home",
)  # fmt: skip
_LABELLED = re.compile(
    rf"(?:{'|'.join(map(re.escape, sorted(ADDRESS_LABELS, key=len, reverse=True)))})"
    r"[^\n:：]{0,12}?[:：][ \u3000]*"
    r"(?P<value>[A-Z0-9#][^\n→（(「」。\u3040-\u30ff\u4e00-\u9fff]{8,160})"
)
#: a street address holds a number and is said in parts
_MIN_COMMAS = 2


class OverseasAddressRecognizer(EntityRecognizer):
    """Finds street addresses abroad in Hangul, Vietnamese, Chinese and Latin letters."""

    ENTITY: ClassVar[str] = "ADDRESS"
    _label: ClassVar[str] = "OverseasAddressRecognizer"

    def __init__(self, supported_language: str = "ja") -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            supported_language=supported_language,
            name=self._label,
        )

    def load(self) -> None:
        """Nothing to load: the patterns are compiled at import."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        spans: list[tuple[int, int, str]] = []
        for m in _HANGUL_ADDRESS.finditer(text):
            spans.append((m.start(), m.end(), "a Korean road address"))
        for m in _VIETNAMESE_ADDRESS.finditer(text):
            spans.append((m.start(), m.end(), "a Vietnamese house number and its parts"))
        for m in _CHINESE_ADDRESS.finditer(text):
            lead = _CHINESE_LEAD.match(m.group())  # 住在大连市…: the verb is no part of it
            start = m.start() + (lead.end() if lead else 0)
            spans.append((start, m.end(), "a Chinese road, house number and room"))
        for m in _LABELLED.finditer(text):
            value = m.group("value").rstrip(" ,.;")
            if any(c.isdigit() for c in value) and value.count(",") >= _MIN_COMMAS:
                start = m.start("value")
                spans.append((start, start + len(value), "the address after an address label"))
        seen: set[tuple[int, int]] = set()
        out: list[RecognizerResult] = []
        for start, end, why in spans:
            if (start, end) not in seen:
                seen.add((start, end))
                out.append(self._result(start, end, why))
        return out

    def _result(self, start: int, end: int, why: str) -> RecognizerResult:
        explanation = AnalysisExplanation(
            recognizer=self._label, original_score=SCORE, textual_explanation=f"address: {why}"
        )
        return RecognizerResult(
            self.ENTITY,
            start,
            end,
            SCORE,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self._label,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
