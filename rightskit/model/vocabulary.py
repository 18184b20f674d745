"""The closed vocabularies of an assessment, each value with the description users and the docs read.

The ``Literal`` types are what pydantic and mypy check; the description tables say what each value
means. ``tests/unit/test_vocabulary.py`` checks that the two list the same values, so a value added to
one and not the other fails the suite instead of reaching users undocumented.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal

MeasureKind = Literal[
    "detection", "reporting", "removal", "blocking", "retention", "access", "transfer", "interception",
    "decryption", "filtering", "age-verification", "risk-assessment", "analysis", "publication", "collection",
    "other",
]
DataCategory = Literal[
    "content", "traffic-data", "metadata", "subscriber-data", "location-data", "identity-data", "age-data",
    "hashes", "derived-data", "account-data", "ip-address", "pnr-data", "biometric-data", "genetic-data",
    "special-categories", "financial-data",
]
Purpose = Literal["national-security", "serious-crime", "crime", "public-security", "commercial", "other"]
Authoriser = Literal["court", "independent-authority", "prosecutor", "executive", "none"]
Mode = Literal["ex-ante", "ex-post"]
Method = Literal["charter", "echr"]
Force = Literal["essential", "expected", "good-practice"]
Reliability = Literal["certain", "plausible", "not-evidently-false"]

MEASURE_KINDS = MappingProxyType({
    "detection": "Scanning data for something (known or new material, solicitation), usually automated.",
    "reporting": "Passing what was found to an authority or a body such as the EU Centre.",
    "removal": "Taking specific items down, or disabling access to them.",
    "blocking": "Preventing access to locations (URLs, sites) for all users of a service.",
    "retention": "Keeping data for longer than the service needs, for later use by authorities.",
    "access": "Public authorities obtaining data held by someone else (a provider, a register).",
    "transfer": "Handing data over to another body, in the EU or to a third country.",
    "interception": "Capturing communications in transit, in bulk or targeted.",
    "decryption": "Breaking or bypassing encryption to read protected data.",
    "filtering": "Screening all traffic or uploads against criteria and stopping what matches.",
    "age-verification": "Establishing users' age before they may use a service or a function.",
    "risk-assessment": "A duty to assess (and document) a service's risks, not processing anyone's data as such.",
    "analysis": "Automated analysis of data already held (matching against databases, profiling, risk scoring).",
    "publication": "Making personal data available to the public (e.g. names of beneficiaries, registers).",
    "collection": "Gathering data from the people concerned (e.g. fingerprints for a passport, a DNA sample).",
    "other": "Anything else; describe it in the measure's description.",
})
DATA_CATEGORIES = MappingProxyType({
    "content": "The content of communications or of stored files.",
    "traffic-data": "Who communicated with whom, when, how long (ePrivacy Art. 2(b)).",
    "metadata": "Other data about communications or use of a service, short of content.",
    "subscriber-data": "Civil identity of a subscriber or user (name, address) as held by a provider.",
    "location-data": "Where a device or person is or was (ePrivacy Art. 2(c); GPS).",
    "identity-data": "Data that identify a person (names, identity numbers, documents).",
    "age-data": "A person's age or age range.",
    "hashes": "Digital fingerprints of content, compared against indicator databases.",
    "derived-data": "Data produced by processing, e.g. scores, flags, reports.",
    "account-data": "Account records of a service (user names, settings, contacts).",
    "ip-address": "The IP address of a connection (static or dynamic).",
    "pnr-data": "Passenger name records held by air carriers.",
    "biometric-data": "Fingerprints, facial images or other biometric data (GDPR Art. 4(14)).",
    "genetic-data": "DNA profiles and samples (GDPR Art. 4(13)).",
    "special-categories": "Data revealing health, sex life, political opinions, beliefs, ethnic origin (GDPR Art. 9).",
    "financial-data": "Payments, amounts received, bank or card data.",
})
PURPOSES = MappingProxyType({
    "national-security": "Safeguarding national security against a genuine, present or foreseeable serious threat.",
    "serious-crime": "Combating serious crime (the case law's threshold for serious interferences).",
    "crime": "Preventing, investigating or prosecuting criminal offences in general.",
    "public-security": "Preventing serious threats to public security, short of national security.",
    "commercial": "The operator's own business purposes.",
    "other": "Any other purpose (transparency, administration, copyright enforcement …).",
})
AUTHORISERS = MappingProxyType({
    "court": "A court authorises the measure or the access in advance.",
    "independent-authority": "An independent administrative body, a third party to the requesting authority.",
    "prosecutor": "A public prosecutor, who also directs or conducts the investigation.",
    "executive": "A minister or a body of the executive.",
    "none": "No one authorises it in advance.",
})
MODES = MappingProxyType({
    "ex-ante": "A draft (proposal, position, mandate) assessed as if adopted: 'not in force' is only a note.",
    "ex-post": "Law in force (or once in force) assessed as applied on the as-of date.",
})
METHODS = MappingProxyType({
    "charter": "The Charter Art. 52(1) test: legality, essence, aim, suitability, necessity, balance, safeguards.",
    "echr": "The ECHR Art. 8(2) test: in accordance with the law, legitimate aim, necessary in a democratic society.",
})
FORCES = MappingProxyType({
    "essential": "A court held that a measure of this kind without it is unlawful: missing, it fails the test.",
    "expected": "Settled guidance, or a court's expectation: missing, it is a condition to meet.",
    "good-practice": "Good practice: missing, it is a recommendation.",
})
RELIABILITIES = MappingProxyType({
    "certain": "The empirical premise is established (official statistics, a court's finding).",
    "plausible": "Sourced but contested or partial evidence supports the premise.",
    "not-evidently-false": "No evidence either way: the premise is only not evidently false.",
})
