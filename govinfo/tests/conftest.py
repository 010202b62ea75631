import pytest

from home.tests.factories import home_page


@pytest.fixture
def home(db):
    return home_page()
