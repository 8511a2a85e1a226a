"""JpResidenceCardRecognizer: two letters, eight digits, two letters."""

from __future__ import annotations

import pytest

from recognizers.jp_residence_card_recognizer import JpResidenceCardRecognizer

ENTITY = "RESIDENCE_CARD"
THRESHOLD = 0.5


@pytest.fixture(scope="module")
def rec() -> JpResidenceCardRecognizer:
    return JpResidenceCardRecognizer()


def scored(rec: JpResidenceCardRecognizer, text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in rec.analyze(text, [ENTITY], None)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("在留カードの番号をお願いします EH29384756FA 住所は", "EH29384756FA"),
        ("在留カード番号：ＳＢ７２０１５８３６ＧＨ\n郵便番号", "ＳＢ７２０１５８３６ＧＨ"),
        ("在留カード番号はUH73920184EFです。", "UH73920184EF"),
        ("在留カードの番号は AB 1234 5678 CD です", "AB 1234 5678 CD"),
    ],
)
def test_card_numbers_with_their_label_are_near_certain(
    rec: JpResidenceCardRecognizer, text: str, value: str
) -> None:
    [(found, score)] = scored(rec, text)
    assert found == value and score >= 0.9


def test_letters_typed_in_lower_case_still_count(rec: JpResidenceCardRecognizer) -> None:
    assert [v for v, _ in scored(rec, "在留カード ab48201937cd")] == ["ab48201937cd"]


def test_the_shape_alone_is_reported_at_the_threshold(rec: JpResidenceCardRecognizer) -> None:
    [(found, score)] = scored(rec, "番号 AB48201937CD。")
    assert found == "AB48201937CD" and THRESHOLD <= score < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "在留カード AB4820193CD",
        "在留カード AB482019371CD",
        "在留カード XAB48201937CD",
        "在留カード AB48201937CDE",
        "在留カード ab.AB48201937CD@example.jp",
        "在留カード A48201937CD",
    ],
)
def test_malformed_card_numbers_are_not_found(rec: JpResidenceCardRecognizer, text: str) -> None:
    assert scored(rec, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # read out letter by letter, the digits in groups (as the normalizer reads
        # hai chín không…, pito pito sero…)
        ("在留カードの番号は C F 29036184 H K です", "C F 29036184 H K"),
        ("在留カード番号 R T, 7703-1958, G E po.", "R T, 7703-1958, G E"),
        ("在留カード番号 N-P, 45-00-91-73, K-M.", "N-P, 45-00-91-73, K-M"),
    ],
)
def test_a_card_number_read_out_next_to_its_label_is_found(
    rec: JpResidenceCardRecognizer, text: str, value: str
) -> None:
    [(found, score)] = scored(rec, text)
    assert found == value and score >= THRESHOLD


def test_letters_and_digits_read_out_without_the_label_stay_below_the_threshold(
    rec: JpResidenceCardRecognizer,
) -> None:
    assert all(score < THRESHOLD for _, score in scored(rec, "座席 C F 2903 6184 H K"))


def test_letters_read_out_around_too_few_digits_are_no_card(
    rec: JpResidenceCardRecognizer,
) -> None:
    assert [v for v, s in scored(rec, "在留カード番号 A B 12-34 C D") if s >= THRESHOLD] == []
