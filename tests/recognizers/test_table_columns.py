"""A value in an exported row is labelled by its column's header."""

from __future__ import annotations

import pytest

from recognizers.jp_bank_account_recognizer import JpBankAccountRecognizer
from recognizers.jp_date_of_birth_recognizer import JpDateOfBirthRecognizer
from recognizers.jp_health_insurance_recognizer import JpHealthInsuranceRecognizer
from recognizers.table_columns import column_header

TSV = (
    "世帯番号\t氏名\t生年月日\t記号\t番号\t資格取得日\n"
    "0031207\t柳田 剛\t1975-03-08\t12\t55021\t2024-04-01\n"
    "0031208\t柳田 恵\t1977-10-30\t12\t55022\t2024-04-01\n"
)
CSV = (
    "お客様番号,金融機関コード,口座番号,口座名義カナ,開始年月,備考\n"
    '599528907867,0158,0724415,ｵｶﾞﾜ ﾖｼｵ,202501,"名義相違, 再提出"\n'
)


@pytest.mark.parametrize(
    ("text", "value", "header"),
    [
        (TSV, "1977-10-30", "生年月日"),
        (TSV, "55022", "記号番号"),  # a bare 番号 after 記号 continues it
        (TSV, "0031208", "世帯番号"),
        (CSV, "0724415", "口座番号"),
        (CSV, "名義相違", "備考"),  # a comma inside quotes is no delimiter
        (CSV, "202501", "開始年月"),
    ],
)
def test_a_cell_is_labelled_by_its_columns_header(text: str, value: str, header: str) -> None:
    assert column_header(text, text.index(value)) == header


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("氏名\t山田 太郎\n電話\t090-1234-5678\n", "090-1234-5678"),  # label and value side by side
        ("保険料は 1,234,567円 です", "234"),  # a number's thousands
        ("a\tb\tc\nx\ty\n1\t2\t3\n", "2"),  # the line above has another shape
        ("1\t2\t3\n4\t5\t6\n", "5"),  # no header: every row holds numbers
    ],
)
def test_outside_a_table_with_a_header_there_is_no_column(text: str, value: str) -> None:
    assert column_header(text, text.rindex(value)) is None


def _found(recognizer: object, entity: str, text: str) -> list[str]:
    results = recognizer.analyze(text, [entity])  # type: ignore[attr-defined]
    return sorted(text[r.start : r.end] for r in results if r.score >= 0.5)


def test_recognizers_read_the_header_of_an_exported_column() -> None:
    assert _found(JpHealthInsuranceRecognizer(), "HEALTH_INSURANCE_NUMBER", TSV) == sorted(
        ["12", "55021", "12", "55022"]
    )
    assert _found(JpBankAccountRecognizer(), "BANK_ACCOUNT", CSV) == ["0724415"]
    # the acquisition date's column is no birth date's, though it follows one on the row
    assert _found(JpDateOfBirthRecognizer(), "DATE_OF_BIRTH", TSV) == ["1975-03-08", "1977-10-30"]


def test_another_cells_label_does_not_vouch_for_a_value() -> None:
    text = "備考,口座,開始年月\n記号13140-番号41822371,ｱｲ,202501\n"
    assert _found(JpHealthInsuranceRecognizer(), "HEALTH_INSURANCE_NUMBER", text) == []
