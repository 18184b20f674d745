"""Assessment of the voluntary measures permitted by the Interim Regulation (EU) 2021/1232.

Authored in Python to show the API. The measures are those the Commission's letter
HOME.D.4/home.d.4(2022)873746 describes: providers of number-independent interpersonal
communications services may keep detecting, reporting and removing online child sexual abuse,
under the conditions of Art. 3 of the Regulation.

Evaluate it while the Regulation applied (the default as-of date, 1 June 2022), and after it
lapsed (``rightskit evaluate reports/interim-regulation-2021-1232 --as-of 2026-05-01``): in the
gap between 4 April and 30 July 2026 no derogation applied, so the legality step fails.

Every severity and strength judgement cites the document that supports it. Facts not confirmed
against the official text are marked unverified in the framework data and flagged in the report.
"""

from rightskit import Assessment

REG = "reg-2021-1232"

a = Assessment(
    "Voluntary detection, reporting and removal of online child sexual abuse under Regulation (EU) 2021/1232",
    id="interim-regulation-2021-1232",
    as_of="2022-06-01",
    frameworks=["eu-charter", "echr", "eprivacy", "gdpr", REG, "evidence"],
    authors=["rightskit maintainers"],
    summary=(
        "Regulation (EU) 2021/1232 lets providers of number-independent interpersonal communications "
        "services (webmail, messaging) derogate from the confidentiality of communications in Arts 5(1) "
        "and 6(1) of the ePrivacy Directive, so that they may keep scanning messages for child sexual abuse "
        "material and solicitation, report what they find and remove it. This assessment tests each "
        "voluntary measure against Charter Art. 52(1), taking the conditions of Art. 3 of the Regulation "
        "as its safeguards. Severity and strength judgements cite the EDPS, the European Parliament's "
        "research service and published figures; the findings follow from these inputs."
    ),
)

# -- Sources this assessment relies on (framework provisions and cases are cited by their ids) --------

a.source("commission-letter-2022", "Letter of the Director-General for Migration and Home Affairs to a "
         "petitioner on EU legislation to combat child sexual abuse online", kind="letter",
         publisher="European Commission, DG HOME", note="Reference HOME.D.4/home.d.4(2022)873746; the copy "
         "this project works from is in its shared sources, not published online.", verified=True,
         verified_note="Read in full from the project's copy of the letter.")
a.source("edps-opinion-7-2020", "EDPS Opinion 7/2020 on the Proposal for temporary derogations from Directive "
         "2002/58/EC for the purpose of combatting child sexual abuse online", kind="opinion",
         publisher="European Data Protection Supervisor", date="2020-11-10",
         url="https://www.edps.europa.eu/data-protection/our-work/publications/opinions/"
             "opinion-proposal-temporary-derogations-directive_en",
         verified=False, verified_note="Date and its statement that voluntary measures also constitute an "
         "interference were seen in EDPS presentation slides, not in the opinion's own text.")
a.source("eprs-2021-662598", "Proposal for a regulation on a temporary derogation from the ePrivacy Directive "
         "for the purpose of combating online child sexual abuse: targeted substitute impact assessment",
         kind="study", publisher="European Parliamentary Research Service",
         url="https://www.europarl.europa.eu/thinktank/en/document/EPRS_STU(2021)662598",
         verified=False, verified_note="Reference EPRS_STU(2021)662598 and its finding that the "
         "fundamental-rights impact was not adequately addressed are from secondary summaries; the exact "
         "publication day is not recorded.")
a.source("iccl-2022", "An Garda Síochána unlawfully retains files on innocent people who it has already "
         "cleared of producing or sharing of child sex abuse material", kind="press",
         publisher="Irish Council for Civil Liberties", date="2022-10-19",
         url="https://iccl.ie/news/an-garda-siochana-unlawfully-retains-files-on-innocent-people-who-it-has-"
             "already-cleared-of-producing-or-sharing-of-child-sex-abuse-material",
         verified=True, verified_note="Figures 4,192 and 471 read in the release (paragraph beginning 'An "
         "Garda Síochána has verified that at least 471 reports').",
         note="The NGO's account of figures it obtained from the Irish police; 471 is a lower bound.")
a.source("fedpol-2022", "fedpol Jahresbericht 2022: Zusammen gegen Pädokriminalität", kind="report",
         publisher="Federal Office of Police (fedpol), Switzerland",
         url="https://2022.fedpol.report/de/fedpol-in-zahlen/zusammen-gegen-padokriminalitat",
         verified=True, verified_note="Table: 12,737 NCMEC reports received in 2022, 2,055 forwarded to the "
         "cantons.", note="A report not forwarded is not necessarily a false positive: fedpol forwards "
         "only what is criminally relevant under Swiss law. Annual report for 2022; publication day not recorded.")
a.source("ncmec-2022", "CyberTipline 2022 Report", kind="dataset",
         publisher="National Center for Missing & Exploited Children",
         url="https://www.missingkids.org/cybertiplinedata", verified=True,
         verified_note="Table 'Categorization of CyberTipline Reports': 29,397,681 reports in 2021 and "
         "32,059,029 in 2022.", note="Reports, not unique images, victims or offenders. Published in 2023; "
         "publication day not recorded.")
a.source("scheffler-mayer-2023", "SoK: Content Moderation for End-to-End Encryption", kind="study",
         publisher="S. Scheffler and J. Mayer, Proceedings on Privacy Enhancing Technologies 2023(2), "
         "pp. 403-429", url="https://petsymposium.org/popets/2023/popets-2023-0060.php",
         verified=False, verified_note="The paper is confirmed; the false-positive ranges cited here "
         "(1e-8 to 1e-3 for perceptual hashing, 1e-2 to 1e-1 for classifiers) were seen only in secondary "
         "summaries, without a table pinpoint.")

# -- Aims ---------------------------------------------------------------------------------------------

protect = a.aim(
    "protect-children", "Protect children from sexual abuse and its online circulation", kind="rights-of-others",
    protects=["eu-charter/art-24", "eu-charter/art-7"], importance="very-high",
    description="The material depicts the abuse of real children; its circulation repeats the violation of "
                "their private life, as the Commission's letter stresses.",
    cite=[{"ref": "eu-charter/art-24", "pinpoint": "Art. 24(1)-(2)"},
          {"ref": "commission-letter-2022", "note": "children's privacy is 'grossly violated' by circulation"}],
)
crime = a.aim(
    "combat-crime", "Detect and prosecute child sexual abuse offences", kind="general-interest",
    importance="high",
    description="The prevention, detection and prosecution of criminal offences, an objective the ePrivacy "
                "Directive itself recognises as able to justify restrictions.",
    cite=[{"ref": "eprivacy/art-15-1", "pinpoint": "Art. 15(1)"}, {"ref": f"{REG}/art-1-1"}],
)

# -- Measures -----------------------------------------------------------------------------------------

# Art. 1(1) limits the derogation to combating online child sexual abuse: offences under Directive 2011/93/EU,
# which TFEU Art. 83(1) lists among the areas of particularly serious crime.
SERIOUS = ["serious-crime"]

SCANNED = dict(
    actor="Providers of number-independent interpersonal communications services that choose to scan",
    actor_type="provider", context="interpersonal-communications", automated=True, mandatory=False,
    end_to_end_encrypted=False, scope="general", purposes=SERIOUS,
    legal_basis=[f"{REG}/art-3-1"], aims=[protect, crime], duration="While the derogation applies",
)
EVERYONE = {"description": "Every user of a participating service, whether or not suspected of anything",
            "suspicion": "none", "includes_children": True}

known = a.measure(
    "detect-known", "Detection of known material by hash matching", kind="detection",
    description="Images and videos in messages are hashed and compared with hashes of material already "
                "classified as child sexual abuse material (e.g. PhotoDNA).",
    data_categories=["content", "traffic-data", "hashes"], detects=["known-material"],
    technology="Perceptual hashing against lists of verified material", affected=EVERYONE,
    detection={"false_positive_rate": {"low": 1e-8, "high": 1e-3, "unit": "rate per item",
                                       "cite": [{"ref": "scheffler-mayer-2023"}],
                                       "note": "Range across the literature, not a measured production rate."}},
    effectiveness={"level": "medium", "statement": "Hash matching finds re-circulated known material; it "
                   "cannot find new material or solicitation, and reports are not all actionable: in Ireland "
                   "at least 471 of 4,192 referrals in 2020 were not abuse material; Meta found more than "
                   "90% of what it reported to be the same as or like earlier reports. How easily offenders "
                   "evade perceptual hashing is contested (more than 99.9% of images in one black-box study, "
                   "robust under realistic limits in a later one).",
                   "cite": [{"ref": "iccl-2022"}, {"ref": "ncmec-2022"}, {"ref": "evidence/meta-intent-2021"},
                            {"ref": "evidence/jain-2022-detection-avoidance", "pinpoint": "abstract"},
                            {"ref": "evidence/madden-2024-robustness", "pinpoint": "abstract",
                             "note": "Later counter-evidence (2024)."}]},
    cite=["commission-letter-2022"], **SCANNED,
)
known.interferes(
    "eu-charter/art-7", severity="serious", scope="high", extent="medium", intensity="medium",
    rationale="The content of every image sent by every user is processed, although only a fingerprint is "
            "compared; the EDPS stressed that voluntary scanning is an interference all the same.",
    cite=["edps-opinion-7-2020"],
)
known.interferes(
    "eu-charter/art-8", severity="serious", scope="high", extent="medium", intensity="medium",
    rationale="Automated processing of the personal data in all communications of all users, without suspicion.",
    cite=["edps-opinion-7-2020", {"ref": "gdpr/art-35", "pinpoint": "Art. 35(3)"}],
)
known.interferes(
    "eprivacy/confidentiality", severity="serious",
    rationale="The Regulation exists because scanning is incompatible with the confidentiality of communications "
            "and traffic data under Arts 5(1) and 6(1) of the Directive; it suspends them.",
    cite=[{"ref": "eprivacy/art-5-1"}, {"ref": "eprivacy/art-6-1"}, {"ref": f"{REG}/art-3-1"}],
)
known.interferes(
    "eu-charter/art-11", severity="minor", scope="high", extent="low", intensity="low",
    rationale="Knowing that every message is scanned can deter lawful communication (a chilling effect); the "
            "hash list limits what can be matched.",
    cite=["eprs-2021-662598"],
)

new = a.measure(
    "detect-new", "Detection of new material by classifiers", kind="detection",
    description="Machine-learning classifiers estimate whether an image or video not seen before depicts "
                "child sexual abuse; hits must be confirmed by a person before reporting.",
    data_categories=["content", "traffic-data", "derived-data"], detects=["new-material"],
    technology="Image and video classifiers", affected=EVERYONE,
    detection={"false_positive_rate": {
        "value": 1e-2, "low": 1e-3, "high": 1e-1, "unit": "rate per item",
        "cite": [{"ref": "scheffler-mayer-2023", "note": "Lower end of the literature's range for classifiers."}],
        "low_cite": [{"ref": "evidence/johansson-2022-accuracy-claim",
                      "note": "The Commissioner's 0.1% for some tools, a setting rather than a measured rate."},
                     {"ref": "evidence/thorn-classifier-fpr"}],
        "high_cite": [{"ref": "scheffler-mayer-2023", "note": "Upper end of the literature's range for classifiers."}],
        "note": "Contested: the author uses 1%, the lower end of the literature's range for classifiers "
                "(unverified); the Commission's 0.1% is a vendor setting."}},
    effectiveness={"level": "low", "statement": "Classifiers find unknown material only with error rates "
                   "orders of magnitude above hash matching; the share of referrals found not to be abuse "
                   "material is already above 11% in Ireland.",
                   "cite": [{"ref": "scheffler-mayer-2023"}, {"ref": "iccl-2022"},
                            {"ref": "evidence/cepis-error-rates"}]},
    cite=["commission-letter-2022"], **SCANNED,
)
new.interferes(
    "eu-charter/art-7", severity="very-serious", scope="high", extent="high", intensity="high",
    rationale="A classifier interprets the content of private images, including intimate images of adults and "
            "family pictures of children; false hits expose them to human reviewers.",
    cite=["edps-opinion-7-2020", "iccl-2022"],
)
new.interferes(
    "eu-charter/art-8", severity="serious", scope="high", extent="high", intensity="medium",
    rationale="Sensitive data (sex life) of people who are not suspected are processed and may be disclosed.",
    cite=[{"ref": "gdpr/art-9"}, "edps-opinion-7-2020"],
)
new.interferes(
    "eprivacy/confidentiality", severity="serious",
    rationale="As for hash matching: the confidentiality of content and traffic data is suspended.",
    cite=[{"ref": "eprivacy/art-5-1"}, {"ref": f"{REG}/art-3-1"}],
)
new.interferes(
    "eu-charter/art-11", severity="moderate", scope="high", extent="medium", intensity="medium",
    rationale="Users who know an algorithm judges their pictures may not send lawful ones (e.g. to a doctor).",
    cite=["eprs-2021-662598"],
)

grooming = a.measure(
    "detect-solicitation", "Detection of solicitation of children by text analysis", kind="detection",
    description="Text and metadata of conversations are analysed for patterns that indicate an adult "
                "soliciting a child (grooming).",
    data_categories=["content", "traffic-data", "metadata", "derived-data"], detects=["solicitation"],
    technology="Pattern and language analysis of conversations", affected=EVERYONE,
    effectiveness={"level": "low", "statement": "No verified error rate is published for grooming detection; "
                   "the EDPS and the Parliament's research service doubted its reliability, and the "
                   "Commission reportedly said in 2022 that detection technology is about 90% accurate, with "
                   "no accuracy requirement (the report read does not say which technology the figure is "
                   "for).",
                   "cite": ["edps-opinion-7-2020", "eprs-2021-662598",
                            {"ref": "evidence/commission-answers-germany-2022", "pinpoint": "third paragraph"}]},
    cite=["commission-letter-2022"], **SCANNED,
)
grooming.interferes(
    "eu-charter/art-7", severity="very-serious", scope="high", extent="high", intensity="high",
    rationale="The words of private conversations are analysed for meaning-bearing patterns, which comes "
            "closest to reading them.",
    cite=["edps-opinion-7-2020", {"ref": f"{REG}/art-3-1-b"}],
)
grooming.interferes(
    "eu-charter/art-8", severity="serious", scope="high", extent="high", intensity="high",
    rationale="Profiling of conversations and of users' ages by automated means.",
    cite=[{"ref": "gdpr/art-22"}, "edps-opinion-7-2020"],
)
grooming.interferes(
    "eprivacy/confidentiality", severity="very-serious",
    rationale="Content and traffic data of conversations are analysed, not merely matched.",
    cite=[{"ref": "eprivacy/art-5-1"}, {"ref": f"{REG}/art-3-1"}],
)
grooming.interferes(
    "eu-charter/art-11", severity="moderate",
    rationale="Chilling effect on private conversation, in particular between adults and young people.",
    cite=["eprs-2021-662598"],
)

report = a.measure(
    "reporting", "Reporting to law enforcement and organisations acting in the public interest",
    kind="reporting", actor="Providers, to law enforcement and to organisations such as NCMEC",
    actor_type="provider", context="interpersonal-communications", mandatory=False,
    data_categories=["content", "traffic-data", "subscriber-data", "account-data"],
    legal_basis=[f"{REG}/art-3-1"], aims=[protect, crime], scope="targeted", purposes=SERIOUS,
    affected={"description": "Users whose messages produced a hit, including those wrongly flagged",
              "suspicion": "risk-based", "count": {"value": 32059029, "unit": "reports worldwide in 2022",
                                                   "cite": ["ncmec-2022"],
                                                   "note": "Worldwide CyberTipline reports, not EU users."}},
    effectiveness={"level": "medium", "statement": "Reports reach the police, but a large share is not "
                   "actionable: fedpol forwarded 2,055 of 12,737 reports in 2022; in Ireland at least 11% of "
                   "2020 referrals were not abuse material.", "cite": ["fedpol-2022", "iccl-2022"]},
    cite=["commission-letter-2022"],
)
report.interferes(
    "eu-charter/art-8", severity="serious",
    rationale="Personal data of users, including wrongly flagged ones, are disclosed to third parties, partly "
            "outside the Union; in Ireland data on cleared people were kept.",
    cite=["iccl-2022"],
)
report.interferes(
    "eu-charter/art-7", severity="serious",
    rationale="Private images and conversations are shown to staff of other organisations and to the police.",
    cite=["iccl-2022"],
)

removal = a.measure(
    "removal-blocking", "Removal of material and blocking or suspension of accounts", kind="removal",
    actor="Providers", actor_type="provider", context="interpersonal-communications", mandatory=False,
    data_categories=["content", "account-data"], legal_basis=[f"{REG}/art-3-1"], aims=[protect],
    scope="targeted", purposes=SERIOUS, automated=False,
    affected={"description": "Users whose content is removed or whose account is blocked",
              "suspicion": "risk-based"},
    effectiveness={"level": "medium", "statement": "Removal stops further circulation on the service; "
                   "wrong removals can be contested under the Regulation's redress condition.",
                   "cite": [{"ref": f"{REG}/art-3-1-g-iv"}]},
)
removal.interferes(
    "eu-charter/art-11", severity="moderate",
    rationale="Lawful content wrongly classified is removed and accounts blocked, cutting users off from "
            "communication.", cite=[{"ref": f"{REG}/art-3-1-g-vi"}],
)
removal.interferes(
    "eu-charter/art-7", severity="minor",
    rationale="Blocking an account interrupts a user's private correspondence.", cite=[{"ref": f"{REG}/art-3-1-g-vi"}],
)

retention = a.measure(
    "retention", "Retention of data on suspected abuse", kind="retention", actor="Providers",
    actor_type="provider", context="interpersonal-communications", mandatory=False,
    data_categories=["content", "traffic-data", "hashes"], legal_basis=[f"{REG}/art-3-1-h", f"{REG}/art-3-1-i"],
    aims=[protect, crime], scope="targeted", purposes=SERIOUS, duration="No longer than strictly necessary, at most 12 months",
    max_duration_months=12,
    affected={"description": "Users whose messages produced a hit", "suspicion": "risk-based"},
    effectiveness={"level": "medium", "statement": "Keeping data allows reports, redress and answers to "
                   "police requests.", "cite": [{"ref": f"{REG}/art-3-1-h"}]},
)
retention.interferes(
    "eu-charter/art-8", severity="moderate",
    rationale="Data on people, some wrongly flagged, are stored for up to a year.",
    cite=[{"ref": f"{REG}/art-3-1-i"}, "iccl-2022"],
)
retention.interferes(
    "gdpr/data-protection", severity="moderate",
    rationale="Storage limitation must be respected; retention rests on the Regulation's limits.",
    cite=[{"ref": "gdpr/art-5", "pinpoint": "Art. 5(1)(e)"}],
)

known.feeds(report, removal, retention)
new.feeds(report, removal, retention)
grooming.feeds(report, removal, retention)

# -- Safeguards: the conditions of Art. 3, point by point --------------------------------------------

DETECTORS = (known, new, grooming)


def condition(sid: str, title: str, point: str, kind: str | None, requires: str, mitigations, **extra):  # type: ignore[no-untyped-def]
    """Add one Art. 3 condition as a safeguard with its mitigations [(measure, right, strength, why)]."""
    s = a.safeguard(sid, title, source=f"{REG}/{point}", type=kind, requires=requires, **extra)
    for measure, right, strength, rationale in mitigations:
        s.mitigates(measure, right, strength=strength, rationale=rationale,
                    cite=[{"ref": f"{REG}/{point}"}, "edps-opinion-7-2020"])
    return s


condition("strict-necessity", "Processing limited to what is strictly necessary", "art-3-1-a-i",
          None, "Processing only for detecting, removing and reporting abuse, limited to content and traffic "
          "data strictly necessary.",
          [(m, "eu-charter/art-8", "weak", "A purpose limit in words; it does not reduce what is scanned.")
           for m in DETECTORS])
condition("least-intrusive", "State-of-the-art, least privacy-intrusive technology", "art-3-1-b",
          "safeguards/least-intrusive-technology",
          "Technologies must be the least privacy-intrusive available and, for text, unable to understand the "
          "substance of content.",
          [(known, "eu-charter/art-7", "moderate", "Hashing compares fingerprints rather than interpreting content."),
           (grooming, "eu-charter/art-7", "weak", "Pattern detection still analyses all conversations."),
           (new, "eu-charter/art-7", "weak", "Classifiers interpret content by design.")])
condition("dpia", "Prior impact assessment and consultation", "art-3-1-c",
          "safeguards/dpia-consultation", "A data protection impact assessment and prior consultation of the "
          "supervisory authority before a technology is used.",
          [(m, "eu-charter/art-8", "moderate", "An authority examines each technology before it is used.")
           for m in DETECTORS])
condition("report-back", "Report back on the supervisory authority's advice", "art-3-1-d",
          "safeguards/independent-oversight", "For new technologies and for grooming detection, providers "
          "report back on how they followed the authority's written advice.",
          [(m, "eu-charter/art-8", "weak", "Oversight after the fact, without binding power.")
           for m in (new, grooming)])
condition("error-limits", "Error rates limited to the maximum extent possible", "art-3-1-e",
          "safeguards/error-rate-limits", "Technologies must be sufficiently reliable and errors corrected "
          "without delay.",
          [(new, "eu-charter/art-7", "weak", "No numeric limit is set; classifiers' error rates stay high."),
           (known, "eu-charter/art-7", "moderate", "Hash matching can be tuned to low error rates.")])
condition("grooming-indicators", "Grooming detection limited to key indicators", "art-3-1-f",
          "safeguards/predetermined-criteria", "Solicitation detection uses only relevant key indicators and "
          "objectively identified risk factors such as age difference.",
          [(grooming, "eu-charter/art-7", "moderate", "Narrows what the analysis may look for.")])
condition("abuse-prevention", "Internal procedures against abuse and unauthorised access", "art-3-1-g-i",
          "safeguards/data-security", "Procedures to prevent abuse of, unauthorised access to and transfer of "
          "the data.",
          [(m, "eu-charter/art-8", "moderate", "Limits who can see flagged content.") for m in (*DETECTORS, report)])
condition("human-oversight", "Human oversight of the processing", "art-3-1-g-ii", "safeguards/human-review",
          "Human oversight of, and where necessary intervention in, the processing.",
          [(m, "eu-charter/art-8", "weak", "Oversight of the system, not review of each hit.") for m in DETECTORS])
condition("human-confirmation", "Human confirmation before new material is reported", "art-3-1-g-iii",
          "safeguards/human-review", "Material not previously identified is not reported without prior human "
          "confirmation.",
          [(report, "eu-charter/art-8", "strong", "Stops unconfirmed classifier hits from reaching the police."),
           (report, "eu-charter/art-7", "moderate", "Fewer innocent images leave the provider, though a "
                                                     "reviewer sees them.")])
condition("complaints", "Complaint and redress mechanisms", "art-3-1-g-iv", "safeguards/redress",
          "Users can complain to the provider within a reasonable time.",
          [(removal, "eu-charter/art-11", "moderate", "Wrong removals can be reversed."),
           *[(m, "eu-charter/art-8", "weak", "Users can contest a wrong hit, after the fact.") for m in DETECTORS]])
condition("inform-users", "Clear information to users", "art-3-1-g-v", "safeguards/user-information",
          "Users are told, clearly and prominently, that the derogation is used, how, and with what effect.",
          [(m, "eu-charter/art-7", "weak", "Transparency reduces surprise, not the intrusion.") for m in DETECTORS])
condition("inform-affected", "Information on redress for affected users", "art-3-1-g-vi", "safeguards/redress",
          "Users whose content was removed or account blocked are told how to seek redress.",
          [(removal, "eu-charter/art-11", "weak", "Users learn of their remedies.")])
condition("annual-report", "Annual public report, including error rates", "art-3-1-g-vii",
          "safeguards/transparency-reporting", "Providers publish a yearly report to the supervisory authority "
          "and the Commission, with the numbers and ratios of errors.",
          [(m, "eu-charter/art-8", "weak", "Allows scrutiny after the fact.") for m in DETECTORS])
condition("secure-storage", "Secure storage for limited purposes", "art-3-1-h", "safeguards/data-security",
          "Data on suspected abuse are stored securely and used only for reporting, blocking, hashing, redress "
          "and answering authorities.",
          [(retention, "eu-charter/art-8", "moderate", "Purpose and security limits on what is kept."),
           *[(m, "eu-charter/art-8", "weak", "What a hit produces is kept securely and for listed purposes only.")
             for m in DETECTORS]])
condition("retention-limit", "Retention limited to 12 months", "art-3-1-i", "safeguards/retention-limits",
          "Data are kept no longer than strictly necessary and at most 12 months.",
          [(retention, "eu-charter/art-8", "moderate", "An outer time limit on storage."),
           *[(m, "eu-charter/art-8", "weak", "Data that matched nothing are not kept; hits at most 12 months.")
             for m in DETECTORS],
           (retention, "gdpr/data-protection", "moderate", "Gives storage limitation a number.")])
condition("sunset", "Temporary application (sunset clause)", "art-10-2", "safeguards/sunset-clause",
          "The derogation applies only for a limited period.",
          [(m, "eprivacy/confidentiality", "weak", "The suspension ends unless renewed.") for m in DETECTORS])

# -- Less intrusive alternatives ----------------------------------------------------------------------

a.alternative(
    "known-only", "Hash matching of known material only", replaces=[new, grooming], aims=[protect, crime],
    description="Keep hash matching and drop classifiers and grooming detection.",
    effectiveness={"level": "none", "statement": "Finds no new material and no solicitation by definition.",
                   "cite": [{"ref": "scheffler-mayer-2023"}]},
    interferes=[{"right": "eu-charter/art-7", "severity": "serious", "rationale": "As detect-known."}],
)
a.alternative(
    "user-reports", "User reporting tools and targeted investigation on suspicion", replaces=[known, new, grooming],
    aims=[protect, crime],
    description="Easy in-app reporting by users, with investigation of reported accounts only.",
    interferes=[{"right": "eu-charter/art-7", "severity": "minor",
                 "rationale": "Only reported conversations are examined."}],
)

assessment = a
