"""The audit programme's settings: the protective marking, how long drafts stay on a device, the
small-sample mark and the grades' words (Ofsted's by default, per service where they differ)."""

from __future__ import annotations

import pytest

from practice_hub.settings import Environment, Settings, SettingsError

NO_ENVIRONMENT = Environment()
ADULTS = "Adults' services"


def test_defaults_are_the_marking_thirty_days_five_audits_and_ofsteds_words():
    settings = Settings.from_mapping({}, NO_ENVIRONMENT)
    assert settings.audit_protective_marking == "OFFICIAL-SENSITIVE"
    assert settings.audit_draft_expiry_days == 30
    assert settings.audit_small_sample == 5
    assert settings.grade_labels() == {
        "outstanding": "Outstanding",
        "good": "Good",
        "requires_improvement": "Requires improvement to be good",
        "inadequate": "Inadequate",
        "not_applicable": "Not applicable",
    }


def test_a_service_has_its_own_words_and_the_others_keep_the_sites():
    settings = Settings.from_mapping(
        {
            "audit_grade_labels": {"outstanding": "Excellent"},
            "audit_service_grade_labels": {ADULTS: {"requires_improvement": "Requires improvement"}},
        },
        NO_ENVIRONMENT,
    )
    assert settings.grade_labels(ADULTS)["requires_improvement"] == "Requires improvement"
    assert settings.grade_labels(ADULTS)["outstanding"] == "Excellent"
    assert settings.grade_labels("Children's services")["requires_improvement"] == (
        "Requires improvement to be good"
    )


@pytest.mark.parametrize(
    "values, message",
    [
        (
            {"audit_draft_expiry_days": 0},
            "extra.practice_hub.audit_draft_expiry_days must be a whole number of days from 1 to 365 (not 0)",
        ),
        (
            {"audit_draft_expiry_days": 400},
            "extra.practice_hub.audit_draft_expiry_days must be a whole number of days from 1 to 365 (not 400)",
        ),
        (
            {"audit_small_sample": 0},
            "extra.practice_hub.audit_small_sample must be a whole number of audits, 1 or more (not 0)",
        ),
        (
            {"audit_service_grade_labels": {"Adults": {"good": "Good"}}},
            'extra.practice_hub.audit_service_grade_labels names "Adults", which is not one of '
            "audit_services (Children's services, Adults' services) (write the service's name as "
            "audit_services gives it)",
        ),
        (
            {"audit_grade_labels": {"requires_improvment": "RI"}},
            'unknown setting "audit_grade_labels.requires_improvment" in '
            'extra.practice_hub.audit_grade_labels (did you mean "requires_improvement"?)',
        ),
    ],
    ids=["expiry-zero", "expiry-year-plus", "small-sample-zero", "unknown-service", "misspelt-grade"],
)
def test_wrong_audit_settings_are_told_in_words(values, message):
    with pytest.raises(SettingsError) as raised:
        Settings.from_mapping(values, NO_ENVIRONMENT)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    "values",
    [
        {"audit_protective_marking": "<b>OFFICIAL</b>"},
        {"audit_grade_labels": {"good": "<img src=x onerror=alert(1)>"}},
        {"audit_service_grade_labels": {ADULTS: {"good": "<script>"}}},
    ],
    ids=["marking", "labels", "service-labels"],
)
def test_words_printed_into_the_tool_refuse_markup(values):
    with pytest.raises(SettingsError) as raised:
        Settings.from_mapping(values, NO_ENVIRONMENT)
    assert "without < or >" in str(raised.value)


def test_each_services_journey_stages_are_its_own():
    settings = Settings.from_mapping(
        {"audit_service_stages": {ADULTS: ["Adult safeguarding", "Carers"]}}, NO_ENVIRONMENT
    )
    assert settings.stages_for(ADULTS) == ("Adult safeguarding", "Carers")
    assert settings.stages_for("Children's services") is None  # left out: any stage
    with pytest.raises(SettingsError) as raised:
        Settings.from_mapping({"audit_service_stages": {"Adults": ["Carers"]}}, NO_ENVIRONMENT)
    assert str(raised.value) == (
        'extra.practice_hub.audit_service_stages names "Adults", which is not one of audit_services '
        "(Children's services, Adults' services) (write the service's name as audit_services gives it)"
    )
