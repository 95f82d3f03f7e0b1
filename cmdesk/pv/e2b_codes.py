"""ICH E2B(R3) code lists and OIDs the export uses, in one place so the XML builder reads as the guide does.

OIDs are the ICH ones (2.16.840.1.113883.3.989.2.1.x) as used in the FDA example instances.
"""

from __future__ import annotations

from typing import Final

HL7_NS: Final = "urn:hl7-org:v3"
XSI_NS: Final = "http://www.w3.org/2001/XMLSchema-instance"

# Identifier roots (ICH 2.16.840.1.113883.3.989.2.1.3.x)
OID_MESSAGE_ID: Final = "2.16.840.1.113883.3.989.2.1.3.1"  # N.2.r.1 / C.1.1
OID_WORLDWIDE_CASE_ID: Final = "2.16.840.1.113883.3.989.2.1.3.2"  # C.1.8.1 / C.1.10.r
OID_OTHER_CASE_ID: Final = "2.16.840.1.113883.3.989.2.1.3.3"  # C.1.9.1.r.2
OID_MESSAGE_SENDER: Final = "2.16.840.1.113883.3.989.2.1.3.11"  # N.2.r.2
OID_MESSAGE_RECEIVER: Final = "2.16.840.1.113883.3.989.2.1.3.12"  # N.2.r.3
OID_BATCH_SENDER: Final = "2.16.840.1.113883.3.989.2.1.3.13"  # N.1.3
OID_BATCH_RECEIVER: Final = "2.16.840.1.113883.3.989.2.1.3.14"  # N.1.4
OID_BATCH_ID: Final = "2.16.840.1.113883.3.989.2.1.3.22"  # N.1.2

# Code systems (ICH 2.16.840.1.113883.3.989.2.1.1.x and others)
CS_MESSAGE_TYPE: Final = "2.16.840.1.113883.3.989.2.1.1.1"
CS_REPORT_TYPE: Final = "2.16.840.1.113883.3.989.2.1.1.2"
CS_FIRST_SENDER: Final = "2.16.840.1.113883.3.989.2.1.1.3"
CS_QUALIFICATION: Final = "2.16.840.1.113883.3.989.2.1.1.6"
CS_SENDER_TYPE: Final = "2.16.840.1.113883.3.989.2.1.1.7"
CS_AGE_GROUP: Final = "2.16.840.1.113883.3.989.2.1.1.9"
CS_OUTCOME: Final = "2.16.840.1.113883.3.989.2.1.1.11"
CS_DRUG_ROLE: Final = "2.16.840.1.113883.3.989.2.1.1.13"
CS_ROUTE: Final = "2.16.840.1.113883.3.989.2.1.1.14"
CS_ACTION_TAKEN: Final = "2.16.840.1.113883.3.989.2.1.1.15"
CS_OBSERVATION: Final = "2.16.840.1.113883.3.989.2.1.1.19"
CS_ORGANIZER: Final = "2.16.840.1.113883.3.989.2.1.1.20"
CS_SOURCE: Final = "2.16.840.1.113883.3.989.2.1.1.21"
CS_RELATED_INVESTIGATION: Final = "2.16.840.1.113883.3.989.2.1.1.22"
CS_CHARACTERISTIC: Final = "2.16.840.1.113883.3.989.2.1.1.23"
CS_MEDDRA: Final = "2.16.840.1.113883.6.163"
CS_SEX: Final = "1.0.5218"
CS_COUNTRY: Final = "1.0.3166.1.2.2"
CS_INTERACTION: Final = "2.16.840.1.113883.1.6"
CS_TRIGGER: Final = "2.16.840.1.113883.1.18"
CS_ACT_CODE: Final = "2.16.840.1.113883.5.4"

# E.i.3.2a-f: our criterion name -> (observation code, displayName)
SERIOUSNESS_CODES: Final[dict[str, tuple[str, str]]] = {
    "death": ("34", "resultsInDeath"),
    "life_threatening": ("21", "isLifeThreatening"),
    "hospitalisation": ("33", "requiresInpatientHospitalization"),
    "disability": ("35", "resultsInPersistentOrSignificantDisability"),
    "congenital_anomaly": ("12", "congenitalAnomalyBirthDefect"),
    "other_medically_important": ("26", "otherMedicallyImportantCondition"),
}

# E.i.7 outcome
OUTCOMES: Final[dict[str, str]] = {
    "0": "unknown",
    "1": "recovered/resolved",
    "2": "recovering/resolving",
    "3": "not recovered/not resolved/ongoing",
    "4": "recovered/resolved with sequelae",
    "5": "fatal",
}

# G.k.1 role of the drug
DRUG_ROLES: Final[dict[str, tuple[str, str]]] = {
    "suspect": ("1", "Suspect"),
    "concomitant": ("2", "Concomitant"),
    "interacting": ("3", "Interacting"),
    "not_administered": ("4", "Drug Not Administered"),
}

# G.k.8 action taken with drug
ACTIONS_TAKEN: Final[dict[str, str]] = {
    "1": "Drug withdrawn",
    "2": "Dose reduced",
    "3": "Dose increased",
    "4": "Dose not changed",
    "0": "Unknown",
    "9": "Not applicable",
}

# D.5 sex
SEXES: Final[dict[str, tuple[str, str]]] = {"male": ("1", "Male"), "female": ("2", "Female")}

# D.2.3 age group
AGE_GROUPS: Final[dict[str, str]] = {
    "0": "Foetus",
    "1": "Neonate",
    "2": "Infant",
    "3": "Child",
    "4": "Adolescent",
    "5": "Adult",
    "6": "Elderly",
}

# C.2.r.4 reporter qualification
QUALIFICATIONS: Final[dict[str, str]] = {
    "1": "Physician",
    "2": "Pharmacist",
    "3": "Other health professional",
    "4": "Lawyer",
    "5": "Consumer or other non health professional",
}

# UCUM units allowed for D.2.2b age at onset
AGE_UNITS: Final[frozenset[str]] = frozenset({"10.a", "a", "mo", "wk", "d", "h"})

# E.i.1.1b wants ISO 639-2 alpha-3; cases store the two-letter code the language detector gives.
LANGUAGES_639_2: Final[dict[str, str]] = {
    "de": "deu",
    "en": "eng",
    "fr": "fra",
    "it": "ita",
    "es": "spa",
    "nl": "nld",
    "pt": "por",
    "pl": "pol",
    "sv": "swe",
    "da": "dan",
    "fi": "fin",
    "cs": "ces",
    "tr": "tur",
    "ru": "rus",
    "el": "ell",
    "hu": "hun",
    "ro": "ron",
    "ja": "jpn",
    "zh": "zho",
}


def language_639_2(code: str) -> str:
    """The three-letter language code for E.i.1.1b, or "" when we cannot tell."""
    code = code.strip().lower()
    if len(code) == 3:
        return code
    return LANGUAGES_639_2.get(code, "")
