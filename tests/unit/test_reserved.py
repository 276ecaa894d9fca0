"""Pages Practice Hub makes are reserved: the list the validator uses matches the renderers' paths."""

from practice_hub.content_types import RESERVED_FOLDERS, RESERVED_PAGES, reserved
from practice_hub.renderer.audit_form import TOOL_URI
from practice_hub.renderer.audit_results import RESULTS_URI
from practice_hub.renderer.calendar import CALENDAR_DIR
from practice_hub.renderer.cpd import MY_CPD_URI
from practice_hub.renderer.evidence import EVIDENCE_DIR
from practice_hub.renderer.frameworks import INDEX_URI as FRAMEWORKS_INDEX
from practice_hub.renderer.reference import REFERENCE_URI
from practice_hub.renderer.register import REGISTER_URI, SCHEDULE_URI
from practice_hub.renderer.tags import TAGS_DIR
from practice_hub.renderer.thread import MATRIX_URI
from practice_hub.renderer.training import UPCOMING_URI
from practice_hub.structure.events import CALENDAR_DIR as EVENTS_CALENDAR_DIR


def test_reserved_pages_match_the_renderers():
    assert set(RESERVED_PAGES) == {
        REGISTER_URI,
        SCHEDULE_URI,
        MATRIX_URI,
        REFERENCE_URI,
        UPCOMING_URI,
        TOOL_URI,
        RESULTS_URI,
        MY_CPD_URI,
    }
    assert set(RESERVED_FOLDERS) == {
        f"{TAGS_DIR}/",
        f"{CALENDAR_DIR}/",
        f"{EVENTS_CALENDAR_DIR}/",
        FRAMEWORKS_INDEX.rsplit("/", 1)[0] + "/",
        f"{EVIDENCE_DIR}/",
    }


def test_reserved_lookup():
    assert reserved("standards/golden-thread.md") == "the golden thread matrix"
    assert reserved("standards/golden-thread.markdown") == "the golden thread matrix"
    assert reserved("tags/anything.md") == "the topic pages"
    assert reserved("standards/listening.md") == ""
