"""Fixtures for the training tests: the hand-made dataset on each backend."""

from tests.data_access.helpers import dataset_fixtures
from tests.data_access.training.data import build

url, session, org = dataset_fixtures("training", build, "TRN")
