import pytest
from test_keyboard import test_search_by_keyboard_lands_on_a_procedure as kb
@pytest.mark.parametrize("n", range(16))
def test_repeat(page, demo_site, demo_pages, search, n):
    kb(page, demo_site, demo_pages, search)
