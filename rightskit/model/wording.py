"""A framework record's own wording in other languages: rightskit's translation, or an official title.

The safeguard catalogue, the Art. 52(1) method and the names of rights are written by the project, not
quoted from a legal source, so a report in French or German says them in its language. A record carries
``translations: {fr: {title: …, description: …}, de: {…}}``; a field it does not translate keeps its
English, and a report in a language the record lacks shows the English.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator

from .base import ShortText, StrictModel, Text

#: A two-letter ISO 639-1 language code.
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]


class Wording(StrictModel):
    """The record's words in one language; each field translates the record's field of the same name."""

    title: ShortText | None = Field(default=None, description="The record's title (or a right's name) in this "
                                    "language.")
    description: Text | None = Field(default=None, description="The record's description in this language.")
    rationale: Text | None = Field(default=None, description="The record's rationale (e.g. why a safeguard on a "
                                   "downstream measure reaches upstream) in this language.")
    essence: Text | None = Field(default=None, description="A right's statement of what the case law says about "
                                 "its essence, in this language (rightskit's reading, with the same caveats "
                                 "as the English).")
    questions: list[str] = Field(default_factory=list, description="A method step's questions in this language, "
                                 "one for each of the step's questions and in their order.")
    official: bool = Field(default=False, description="True when 'title' is the official wording of the source in "
                           "this language (e.g. a Charter article's heading in its French version); false when it "
                           "is rightskit's own translation.")
    verified: bool = Field(default=False, description="For an official title: true once it was read in the "
                           "official language version. rightskit's own translations leave it false.")
    verified_note: Text | None = Field(default=None, description="Where the official wording was read, or what is "
                                       "unconfirmed.")


#: The fields of a record that a Wording can translate.
WORDED_FIELDS: tuple[str, ...] = ("title", "description", "rationale", "essence", "questions")


class Translated(StrictModel):
    """A record whose own wording may be given in other languages (``translations``)."""

    translations: dict[LanguageCode, Wording] = Field(
        default_factory=dict, description="The record's wording in other languages, keyed by ISO 639-1 code (fr, "
        "de); a report in that language shows it, and the English where a field is not translated.")

    @model_validator(mode="after")
    def _translates_own_fields(self) -> Any:
        for lang, wording in sorted(self.translations.items()):
            for name in WORDED_FIELDS:
                given = getattr(wording, name)
                if given and name not in type(self).model_fields:
                    raise ValueError(f"translations.{lang}.{name}: a {type(self).__name__} has no '{name}' to "
                                     f"translate — remove it")
                if name == "questions" and given and len(given) != len(getattr(self, name)):
                    raise ValueError(f"translations.{lang}.questions: {len(given)} given for "
                                     f"{len(getattr(self, name))} questions — translate each one, in order")
        return self

    def wordings(self, name: str) -> dict[str, Any]:
        """Field ``name`` in every language the record translates it into (English not included)."""
        return {lang: value for lang, w in sorted(self.translations.items()) if (value := getattr(w, name))}

    def worded(self, name: str, lang: str) -> Any:
        """Field ``name`` in ``lang`` where the record translates it; its English otherwise."""
        w = self.translations.get(lang)
        value = getattr(w, name) if w is not None else None
        return value if value else getattr(self, name)
