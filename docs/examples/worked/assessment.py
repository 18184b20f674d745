"""The worked example in Python: the same assessment as assessment.yaml, call for call.

Every keyword is the YAML field's name (docs/python-api.md); `rightskit export --format yaml` on this
file prints assessment.yaml's data. Figures marked "illustrative" are round numbers, not measurements.
"""

from rightskit import Assessment

ILLUSTRATIVE = {"cite": ["example-figures"], "note": "Illustrative."}

a = Assessment(
    "Hash matching of public uploads on a hosting service", id="worked-example",
    authors=["rightskit maintainers"], as_of="2026-12-01", mode="ex-post", methods=["charter"],
    frameworks=["eu-charter", "gdpr", "reg-2026-1881"],
    summary="A hosting service compares images uploaded for public sharing with a list of hashes of verified "
    "child sexual abuse material, reports matches after human review, and keeps the data for the report.",
)
a.source("example-figures", "Illustrative figures for the rightskit worked example", kind="other",
         note="Round numbers chosen to show the arithmetic; replace them with sourced figures.")
aim = a.aim("protect-children", "Protect children from sexual abuse and its circulation", kind="rights-of-others",
            protects=["eu-charter/art-24"], importance="very-high", cite=["eu-charter/art-24"])

match = a.measure(
    "match", "Hash matching of images uploaded for public sharing", kind="detection",
    actor="The hosting provider", actor_type="provider", context="hosting", data_categories=["content", "hashes"],
    detects=["known-material"], technology="Perceptual hashes compared with a list of verified material",
    automated=True, mandatory=False, end_to_end_encrypted=False, scope="general", purposes=["serious-crime"],
    authorised_by="none", onward_transfer=False, third_country_access=False,
    legal_basis=["reg-2026-1881/act"], aims=[aim],
    max_duration_months=20, duration="Until the temporary derogation lapses",
    affected={"description": "Users who upload images for public sharing", "suspicion": "none",
              "includes_children": True, "count": {"value": 2000000, "unit": "users", **ILLUSTRATIVE}},
    detection={
        "items_per_day": {"value": 5000000, **ILLUSTRATIVE},
        "prevalence": {"value": 0.00001, **ILLUSTRATIVE},
        "true_positive_rate": {"value": 0.9, **ILLUSTRATIVE},
        "false_positive_rate": {"low": 0.0000001, "high": 0.00001, "cite": ["example-figures"],
                                "low_cite": ["example-figures"], "high_cite": ["example-figures"],
                                "note": "Illustrative range; a contested range names the source of each end."},
        "items_per_user_per_day": {"value": 2.5, **ILLUSTRATIVE},
        "review_minutes_per_hit": {"value": 2, **ILLUSTRATIVE},
    },
    effectiveness={"level": "medium", "statement": "Finds re-uploads of known material; cannot find new material.",
                   "reliability": "plausible", "cite": ["example-figures"]},
)
match.legality_issue("precise", "The hash list's provenance and update procedure are not laid down in the act.",
                     cite=["reg-2026-1881/act"])
match.interferes(
    "eu-charter/art-7", severity="moderate", scope="high", extent="low", intensity="medium", reaches_essence=False,
    essence={"reached": False, "reasons": "Only a fingerprint of public uploads is compared; the content of "
             "communications is not read."},
    rationale="Every public upload is fingerprinted and compared, without suspicion.",
)
match.interferes("eu-charter/art-8", severity="moderate",
                 rationale="Personal data in every upload are processed automatically.")

report = a.measure(
    "report", "Reporting confirmed matches", kind="reporting", actor_type="provider", context="hosting",
    data_categories=["content", "account-data"], legal_basis=["reg-2026-1881/act"], aims=[aim],
    affected={"description": "Users whose upload matched, after human review", "suspicion": "reasonable-suspicion"},
    effectiveness={"level": "medium", "statement": "Confirmed matches reach the authorities.",
                   "cite": ["example-figures"]},
)
report.interferes("eu-charter/art-8", severity="serious",
                  rationale="Personal data of the uploader are disclosed to third parties.")
match.feeds(report)

a.safeguard(
    "review", "Human review before any report", requires="A trained person confirms each match before it is reported.",
    type="safeguards/human-review", source="reg-2026-1881/act", effective=True,
).mitigates(match, "eu-charter/art-7", strength="moderate", rationale="No match leads to a report unseen.").mitigates(
    report, "eu-charter/art-8", strength="strong", rationale="False matches are not reported.")
a.safeguard("error-rates", "Measured and published error rates", type="safeguards/error-rate-limits",
            source="reg-2026-1881/act").mitigates(match, "eu-charter/art-8", strength="moderate")
a.safeguard("retention", "Deletion when no report follows", type="safeguards/retention-limits",
            source="reg-2026-1881/act").mitigates(report, "eu-charter/art-8", strength="moderate")

a.alternative(
    "user-flagging", "User reports and trusted flaggers only",
    description="Review only what users and trusted flaggers report, without scanning every upload.",
    replaces=[match], aims=[aim], cite=["example-figures"],
    effectiveness={"level": "low", "statement": "Finds far fewer re-uploads than scanning every upload.",
                   "cite": ["example-figures"]},
    interferes=[{"right": "eu-charter/art-7", "severity": "minor", "rationale": "Only reported uploads are seen."}],
)

assessment = a
