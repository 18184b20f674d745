"""The fixed words of the opinion: headings, leads and sentence templates, in one place.

The opinion builder is the only reader; the writers add no words of their own except a writer's
own furniture (e.g. "Notes" above the endnotes of HTML and Markdown, kept here too).
"""

from __future__ import annotations

from ..evaluate.results import DUTY_WORDS

# The colon after a label: French sets a space before it ("Mesure : …"), so it is a phrase of its own.
LABEL = "{label}: "

SUBTITLE = "Fundamental-rights assessment under Article 52(1) of the Charter"

# Title block
META_ASSESSMENT = "Assessment"
META_AS_OF = "Law as of"
META_MODE = "Mode"
META_AUTHORS = "Authors"
META_VERSION = "Produced with"
META_HASH = "Inputs (SHA-256)"
META_RENDERED = "Rendered on"

# Main text
SUMMARY = "Summary of conclusions"
SUMMARY_LEAD = "{n} measures were assessed on the law as of {as_of}. Verdicts: {counts}."
SUMMARY_HEADER = ("Measure", "Verdict", "Decisive ground", "Key conditions")
SUMMARY_CAPTION = "Verdict of each measure, its decisive ground and its key conditions."
STRUCTURAL_LEAD = "Structural failures, which no added safeguard cures:"
CURABLE_LEAD = "Disproportionate as drafted, curable by the amendments in section 5:"
NO_GROUND = "None: only conditions to meet"
FIXABLE_LEAD = "Proportionate only if the conditions set out below are met:"
MORE = "(and {n} more)"
NONE = "None."
NOT_STATED = "not stated"

CONTEXT = "Context and what was assessed"
ASSESSED = ("The assessment covers {measures} measures, {safeguards} safeguards, {aims} aims and "
            "{alternatives} less intrusive alternatives, on the law as of {as_of}.")
MODE_LEAD = "How the law is read."
LAW_LEAD = "The law applied:"
METHOD_LEAD = "The test applied, step by step:"
LATER_LAW = "Judgments given after that date are not applied, and are listed for information: {cases}."
OVERVIEW_CAPTION = "Measures, the rights they interfere with, the safeguards that mitigate them and their aims."

ASSESSMENT = "Assessment of each measure"
ASSESSMENT_LEAD = ("Each measure is argued step by step: the conclusion of each step of Article 52(1), "
                   "with the strongest reasons against it and in its favour. The complete findings are in the "
                   "annexed trace.")
NOT_ARGUED = ("This assessment has {n} measures, more than the {limit} a main text argues one by one; "
              "the summary above gives each verdict, and the annexed trace every step and finding.")
CONCLUSION = "Conclusion: {verdict}."
WHAT = "It is a {kind} measure, carried out by {actor}; its scope is {scope}."
DATA = "It processes {data}."
BASIS = "Its legal basis is cited in the notes."
AGAINST = "Against:"
FAVOUR = "In its favour:"
MORE_FINDINGS = "({n} further findings in the annexed trace.)"
CONDITIONS_LEAD = "Conditions and amendments for this measure:"
MISSING_LEAD = "Missing safeguards, by who must act:"
#: Who must act on a missing safeguard (the catalogue type's duty).
DUTY = DUTY_WORDS
CONVENTION_LEAD = "Under Article 8(2) ECHR: {verdict}."
TRACE = "The complete findings for this measure are in the annexed trace."

ESSENCE = "The essence of the rights"
ESSENCE_REACHED = "The essence of a right is reached by:"
ESSENCE_NOT_REACHED = "No measure is found to reach the essence of a right."
ESSENCE_ARGUED = "Where the essence is argued, the arguments on each side are:"

AMENDMENTS = "Recommended amendments"
AMENDMENTS_LEAD = ("The smallest sets of safeguards that would make a measure proportionate, from the "
                   "analysis of what would change each verdict:")
ADD = "add"
NO_FIX_SETS = "No measure needs, or can be cured by, an added set of catalogue safeguards."
STRUCTURAL_AMENDMENT = "No safeguard cures these; the measure itself must change:"
GOOD_PRACTICE = "Good practice, not required:"

OPEN_QUESTIONS = "Open questions and missing evidence"
UNDETERMINED = "undetermined at the {steps} step(s)."
UNKNOWN_INPUTS = "the detection figures lack {inputs}."
NO_EVIDENCE = "no sourced evidence of effectiveness is given."
NO_OPEN_QUESTIONS = "No step is undetermined and no evidence is missing."
UNVERIFIED_SOURCES = ("{n} of the sources cited could not be verified against an official text; they are "
                      "marked as such in the notes and in the bibliography.")

# Notes
UNVERIFIED_NOTE = "[not verified]"
SEE_NOTE = "see n. {n}"
NOTES = "Notes"
ANNEXES = "Annexes: the complete trace"
FULL_FINDINGS = "All findings for this measure, with their reasons and sources →"

# Annexes
ANNEX_TRACE = "Step-by-step trace"
ANNEX_TRACE_LEAD = ("Every finding of the engine, by measure and step, with its reasons, its sources and "
                    "its stable id (the id a review refers to).")
TRACE_HEADER = ("Step", "Status", "Finding and reasons", "Id")
TRACE_CAPTION = "Findings for {measure}."
TRACE_GLANCE_LEAD = ("With {n} measures, more than {limit}, this annex gives each measure's verdict and the "
                     "status of each step; the {findings} findings, each with its reasons, sources and id, are "
                     "in the HTML report (index.html) and in results.json.")
TRACE_GLANCE_HEADER = ("Measure", "Verdict", "Steps")
SOURCES = "Sources"
ANNEX_REQUIREMENTS = "Safeguard requirements"
REQUIREMENTS_HEADER = ("Safeguard type", "Required by", "Missing in", "In place in")
ANNEX_DETECTION = "Detection arithmetic"
INPUTS_HEADER = ("Input", "Value", "Range", "Sources")
OUTPUTS_HEADER = ("Output", "Low", "Central", "High")
NO_DETECTION = "No measure gives detection figures."
ANNEX_BIBLIOGRAPHY = "Bibliography"
ANNEX_ABOUT = "About this report"
ABOUT_HEADER = ("Item", "Value")
ANNEX = "Annex"
CONTENTS = "Contents"
TOC_PLACEHOLDER = "Update this field (F9 in Word) to show the table of contents."

# Review (review.yaml beside the assessment): the state of each finding, the sign-off, the action plan
REVIEW_STATUS = {"open": ("Open", "○"), "accepted": ("Accepted", "✓"), "disputed": ("Disputed", "✗"),
                 "needs-evidence": ("Needs evidence", "?")}
ACCEPTED_RISK = ("Accepted risk", "!")
REVIEW = "Review"
REVIEWED = "{status} ({reviewer}, {date})"
REVIEWER_STATUS = "Reviewer's status: {status} (the engine's: {engine})."
REVIEWER_REASONS = "Reasons:"
NOT_REVIEWED = "Not reviewed"
SIGN_OFF = "Review and sign-off"
SIGNED_OFF = "Signed off by {by} ({role}) on {date}."
SIGNED_INPUTS = "The sign-off is for the inputs with SHA-256 {hash}, the inputs of this report."
SIGNED_OTHER_INPUTS = ("The sign-off is for the inputs with SHA-256 {signed}; this report was made from other "
                       "inputs ({hash}): the sign-off does not cover it.")
NOT_SIGNED_OFF = "Not signed off."
NOT_SIGNED_LEAD = "No review file records a sign-off for the inputs of this report ({hash})."
REVIEW_COUNTS = "{reviewed} of {total} findings have a review record: {counts}."
NO_REVIEW = "No finding has a review record yet."
REVIEWED_VERDICTS = "Where a reviewer overrides a finding, the verdict is recomputed by the same calculus:"
REVIEWED_HEADER = ("Measure", "Engine's verdict", "Reviewer's verdict", "Findings overridden")
REVIEWED_CAPTION = "The engine's and the reviewer's verdicts, side by side."
REVIEWER_VIEW = "Reviewer's view: {verdict}."
ACTION_PLAN = "Action plan"
ACTION_PLAN_LEAD = ("Every condition and recommended amendment, with its owner and due date from the review file; "
                    "the id is the one a review file refers to.")
ACTION_HEADER = ("Measure", "Action", "Owner", "Due", "Id")
ACTION_CAPTION = "The action plan."
ACTION_KIND = {"condition": "Condition", "add-safeguard": "Add a safeguard", "change-measure": "Change the measure",
               "good-practice": "Good practice"}
ADD_SAFEGUARD = "{title}."
NO_OWNER = "not assigned"
NO_ACTIONS = "No condition or amendment to carry out."
ACTIONS_ASSIGNED_ONLY = ("This assessment has {n} measures, more than a main text sets out one by one: the table lists "
                         "the {shown} actions the review file assigns or reviews, and leaves out {rest} not yet "
                         "assigned; each is a condition in results.json, under the id a review file refers to.")
