"""The keys systems give a value in an export: ``"kojin_bango":"…"``, ``pension_no=…``.

Desk systems, web forms and gateways log records as JSON, ``key=value`` pairs
or query strings, keyed in English or romanized Japanese (``hihokensha_no``,
``koza_bango``, ``dob``). The key stands right before its value, so it names
the value as a field label does, but no Japanese label word is in it. One
table, per label, of the key stems that name it; a key matches in any case,
with ``_``, ``-``, ``.`` or nothing between its words.

Pure text; no model.
"""

from __future__ import annotations

import re

#: label → key patterns (words joined by ``_``; any separator or none matches)
KEYS: dict[str, tuple[str, ...]] = {
    "MY_NUMBER": (
        "my_number", "my_no", "my_num", "kojin_bango", "kojin_no", "kojin_number",
        "individual_number", "individual_no",
    ),
    "PENSION_NUMBER": (
        "pension_no", "pension_number", "pension_num", "pension_id", "nenkin_no",
        "nenkin_bango", "nenkin_number", "kiso_nenkin", "kiso_nenkin_no", "kiso_nenkin_bango",
        "basic_pension_no", "basic_pension_number",
    ),
    "HEALTH_INSURANCE_NUMBER": (
        "hihokensha", "hihokensha_no", "hihokensha_bango", "hihokensha_number", "insured_no",
        "insured_number", "insured_id", "insurance_no", "insurance_number", "insurance_id",
        "insurance_symbol", "insurance_kigo", "insurance_bango", "health_insurance_no",
        "health_insurance_number", "hoken_kigo", "hoken_bango", "hoken_no", "hokensho_kigo",
        "hokensho_bango", "hokensho_no", "kokuho_no", "kokuho_bango", "kokuho_kigo",
        "kaigo_hoken_no", "kaigo_no", "kigo", "hoken_kigo_bango",
    ),
    "BANK_ACCOUNT": (
        "account_no", "account_number", "account_num", "bank_account", "bank_account_no",
        "acct", "acct_no", "koza", "koza_no", "koza_bango", "kouza", "kouza_no", "kouza_bango",
        "yucho_kigo", "yucho_bango", "yucho_no",
    ),
    "DATE_OF_BIRTH": (
        "dob", "birth_date", "birthdate", "birthday", "date_of_birth", "birth",
        "seinengappi", "seinen_gappi", "tanjobi",
    ),
    "POSTAL_CODE": (
        "zip", "zip_code", "zipcode", "postal_code", "post_code", "yubin", "yubin_bango",
    ),
    "PHONE_NUMBER": (
        "tel", "tel_no", "telephone", "phone", "phone_no", "phone_number", "mobile", "mobile_no",
        "cell", "keitai", "denwa", "denwa_bango", "fax", "contact_tel", "contact_phone",
    ),
    "DRIVERS_LICENSE": (
        "license_no", "license_number", "licence_no", "licence_number", "driver_license",
        "drivers_license", "menkyo", "menkyo_no", "menkyo_bango",
    ),
    "RESIDENCE_CARD": (
        "residence_card", "residence_card_no", "residence_card_number", "zairyu",
        "zairyu_card", "zairyu_no", "zairyu_bango", "zairyu_card_no",
    ),
    "PASSPORT": (
        "passport", "passport_no", "passport_number", "ryoken", "ryoken_no", "ryoken_bango",
    ),
}  # fmt: skip


def _key_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    stems = sorted(keys, key=len, reverse=True)
    alternatives = "|".join(r"[_\-.]?".join(map(re.escape, k.split("_"))) for k in stems)
    # the key as a whole word (not the tail of hotel or a longer key), quoted or not, then
    # ``:`` or ``=`` and an opening quote: the end of what stands before its value
    return re.compile(
        rf"(?<![A-Za-z0-9_])(?:{alternatives})[\"']?[ \t]*[:=][ \t]*[\"']?$", re.IGNORECASE
    )


_PATTERNS: dict[str, re.Pattern[str]] = {label: _key_pattern(k) for label, k in KEYS.items()}


def key_before(window: str, label: str) -> bool:
    """Whether ``window`` (the text right before a value) ends with a key naming ``label``."""
    pattern = _PATTERNS.get(label)
    return pattern is not None and pattern.search(window) is not None
