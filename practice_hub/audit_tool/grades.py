"""Grades of the case-file audit tool, best first, and the overall judgement rule."""

from __future__ import annotations

GRADES = (
    ("outstanding", "Outstanding"),
    ("good", "Good"),
    ("requires_improvement", "Requires improvement to be good"),  # Ofsted's words
    ("inadequate", "Inadequate"),
)
NOT_APPLICABLE = ("not_applicable", "Not applicable")
LABELS = dict(GRADES + (NOT_APPLICABLE,))
RANK = {key: index for index, (key, _) in enumerate(GRADES)}  # 0 is best
GOOD_OR_BETTER = {"outstanding", "good"}


def overall(grades: dict[str, str], key_sections: set[str], rule: str) -> str:
    """The overall judgement: no better than the lowest key section (or the lowest section)."""
    graded = {sid: g for sid, g in grades.items() if g in RANK}
    if rule == "lowest_key_section" and key_sections:
        keyed = {sid: g for sid, g in graded.items() if sid in key_sections}
        graded = keyed or graded
    if not graded:
        return ""
    return max(graded.values(), key=RANK.__getitem__)


def final_grade(section: dict) -> str:
    """The grade that counts: the moderator's when changed, else the auditor's."""
    moderation = section.get("moderation") or {}
    if moderation.get("outcome") == "changed" and moderation.get("grade"):
        return moderation["grade"]
    return section.get("grade") or ""
