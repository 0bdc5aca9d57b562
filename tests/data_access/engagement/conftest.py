"""Fixtures for the engagement tests: the hand-made dataset on each backend."""

from tests.data_access.engagement.data import build
from tests.data_access.helpers import dataset_fixtures

url, session, org = dataset_fixtures("engagement", build, "ENG")
