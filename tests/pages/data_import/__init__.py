"""Tests of the import page, the import history and a force that imported only some kinds."""
